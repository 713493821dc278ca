package dev.poolguard.runtime.internal;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one SQL text can do to the session it runs in, read once per distinct text: a suite runs the
 * same few statements thousands of times, and reading them is the costliest part of following a
 * borrow (several regular expressions over the text).
 *
 * @param setsSequence it may set a sequence's currval: an INSERT (a serial column's default),
 *     nextval, setval
 * @param readsSequence it reads a sequence's currval (or lastval)
 * @param inert it cannot change the session beyond the transaction ({@link InertSql})
 * @param maySetSettings it may change a setting: a statement starting with SET or RESET (SET ROLE,
 *     SET SESSION AUTHORIZATION, SET SESSION CHARACTERISTICS included), a call of set_config, a DO
 *     block or a procedure CALL (which may run either)
 * @param customSettings PostgreSQL's custom settings it sets ({@code app.tenant}), which
 *     pg_settings does not list: named in set_config('name', ..) or SET [SESSION|LOCAL] name
 * @param temporaryTables MariaDB's temporary tables it creates, as written ({@code scratch}, {@code
 *     `scratch`}), which no catalog view lists
 * @param namedLocks the names of the MariaDB locks it takes with {@code GET_LOCK('name', ..)},
 *     which no catalog view lists either
 * @param unnamedLocks it takes a named lock whose name is not a literal (a parameter, an
 *     expression)
 */
record SqlFacts(
    boolean setsSequence,
    boolean readsSequence,
    boolean inert,
    boolean maySetSettings,
    Set<String> customSettings,
    Set<String> temporaryTables,
    Set<String> namedLocks,
    boolean unnamedLocks) {
  /**
   * Distinct texts remembered: enough for any suite's own statements; texts with literal values
   * built in are each new, and past the bound they are read every time instead of filling memory.
   */
  static final int REMEMBERED = 2048;

  private static final Map<String, SqlFacts> READ = new ConcurrentHashMap<>();

  private static final Pattern SETS_SEQUENCE =
      Pattern.compile("(?is)^\\s*insert\\b|\\b(?:nextval|setval)\\s*\\(");

  private static final Pattern READS_SEQUENCE =
      Pattern.compile("(?i)\\b(?:currval|lastval)\\s*\\(");

  private static final Pattern MAY_SET =
      Pattern.compile(
          "(?is)(?:^|;)\\s*(?:/\\*.*?\\*/\\s*|--[^\\n]*\\n\\s*)*(?:set|reset|do|call)\\b"
              + "|\\bset_config\\s*\\(");

  /** set_config('name', ..) (group 1) or SET [SESSION|LOCAL] name (group 2). */
  private static final Pattern CUSTOM_SETTING =
      Pattern.compile(
          "(?i)\\bset_config\\s*\\(\\s*'([\\w$]+\\.[\\w$.]+)'"
              + "|(?:^|;)\\s*set\\s+(?:session\\s+|local\\s+)?([a-z_][\\w$]*\\.[\\w$.]+)");

  private static final Pattern TEMPORARY_TABLE =
      Pattern.compile(
          "(?i)\\bcreate\\s+temporary\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([`\"\\w.$]+)");

  /** The lock's name when it is a literal (group 1), nothing when it is not. */
  private static final Pattern NAMED_LOCK =
      Pattern.compile("(?i)\\bget_lock\\s*\\(\\s*(?:'((?:[^']|'')*)'\\s*,)?");

  SqlFacts {
    customSettings = Set.copyOf(customSettings);
    temporaryTables = Set.copyOf(temporaryTables);
    namedLocks = Set.copyOf(namedLocks);
  }

  /** The facts of {@code sql}, read now or remembered from an earlier time. */
  static SqlFacts of(String sql) {
    SqlFacts facts = READ.get(sql);
    if (facts == null) {
      facts = read(sql);
      if (READ.size() < REMEMBERED) {
        READ.put(sql, facts);
      }
    }
    return facts;
  }

  private static SqlFacts read(String sql) {
    Set<String> customSettings = new HashSet<>();
    Matcher custom = CUSTOM_SETTING.matcher(sql);
    while (custom.find()) {
      customSettings.add(custom.group(1) != null ? custom.group(1) : custom.group(2));
    }
    Set<String> temporaryTables = new HashSet<>();
    Matcher table = TEMPORARY_TABLE.matcher(sql);
    while (table.find()) {
      temporaryTables.add(table.group(1));
    }
    Set<String> namedLocks = new HashSet<>();
    boolean unnamedLocks = false;
    Matcher lock = NAMED_LOCK.matcher(sql);
    while (lock.find()) {
      if (lock.group(1) == null) {
        unnamedLocks = true;
      } else {
        namedLocks.add(lock.group(1).replace("''", "'"));
      }
    }
    return new SqlFacts(
        SETS_SEQUENCE.matcher(sql).find(),
        READS_SEQUENCE.matcher(sql).find(),
        InertSql.is(sql),
        MAY_SET.matcher(sql).find(),
        customSettings,
        temporaryTables,
        namedLocks,
        unnamedLocks);
  }
}
