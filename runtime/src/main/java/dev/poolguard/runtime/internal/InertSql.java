package dev.poolguard.runtime.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises SQL that cannot change the session it runs in, so that a borrow which ran only such
 * SQL costs no look at the session on return: one plain SELECT, INSERT, UPDATE or DELETE that calls
 * no function but a few built-in pure ones. Anything else (several statements, comments, a function
 * of its own, {@code SELECT .. INTO}, a MariaDB {@code @variable}, a dollar-quoted body) is not
 * inert, which only costs the look. What such a statement does change is the transaction (known
 * without a round trip) and, for an INSERT into a serial column, the sequence's currval (see {@link
 * Footprint#sequencesTouched()}).
 */
final class InertSql {
  private static final Set<String> STATEMENTS = Set.of("select", "insert", "update", "delete");

  /** Words a parenthesis may follow without being a function call, and pure built-ins. */
  private static final Set<String> PARENTHESIS_OK =
      Set.of(
          "select",
          "insert",
          "update",
          "delete",
          "into",
          "values",
          "in",
          "exists",
          "any",
          "all",
          "some",
          "and",
          "or",
          "not",
          "on",
          "as",
          "from",
          "where",
          "join",
          "using",
          "by",
          "then",
          "else",
          "when",
          "case",
          "over",
          "filter",
          "within",
          "row",
          "set",
          "returning",
          "count",
          "sum",
          "min",
          "max",
          "avg",
          "coalesce",
          "nullif",
          "greatest",
          "least",
          "lower",
          "upper",
          "length",
          "abs",
          "round",
          "trim",
          "substring",
          "concat",
          "now",
          "extract",
          "date_trunc",
          "string_agg",
          "array_agg",
          "bool_and",
          "bool_or",
          "to_char",
          "cast",
          "pg_sleep",
          "random",
          "md5",
          "replace",
          "position",
          "date_part",
          "to_timestamp",
          "array_length",
          "json_build_object",
          "jsonb_build_object");

  private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");
  private static final Pattern QUOTED_IDENTIFIER = Pattern.compile("\"(?:[^\"]|\"\")*\"");
  private static final Pattern WORD_BEFORE_PARENTHESIS =
      Pattern.compile("([a-z_][a-z0-9_$.]*)\\s*\\(");
  private static final Pattern INSERT_TARGET =
      Pattern.compile("^\\s*insert\\s+into\\s+[a-z_][a-z0-9_$.]*\\s*\\(");

  private static final Pattern INTO = Pattern.compile("\\binto\\b");
  private static final Pattern DEFAULT = Pattern.compile("\\bdefault\\b");

  private InertSql() {}

  static boolean is(String sql) {
    String text =
        QUOTED_IDENTIFIER
            .matcher(STRING_LITERAL.matcher(sql.toLowerCase(Locale.ROOT)).replaceAll("''"))
            .replaceAll("x")
            .strip();
    if (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.contains(";")
        || text.contains("--")
        || text.contains("/*")
        || text.contains("$")
        || text.contains("@")
        || text.contains("\\")) {
      return false;
    }
    String first = text.split("[\\s(]", 2)[0];
    if (!STATEMENTS.contains(first) || (first.equals("select") && INTO.matcher(text).find())) {
      return false;
    }
    // The column list of INSERT INTO t (..) is no call.
    Matcher target = INSERT_TARGET.matcher(text);
    String rest = target.find() ? text.substring(target.end()) : text;
    Matcher call = WORD_BEFORE_PARENTHESIS.matcher(rest);
    while (call.find()) {
      if (!PARENTHESIS_OK.contains(call.group(1))) {
        return false;
      }
    }
    return !DEFAULT.matcher(text).find();
  }
}
