package dev.poolguard.checks.keys;

import com.google.common.collect.ImmutableSet;

/**
 * The words and names by which a call's shape says where a key is written: key-value calls ({@code
 * put("slug", v)}), reflection writes, map-like constructors, setter and non-writing first words,
 * query words and the first words of test-data helpers. Only names: what a call does with them is
 * decided in {@link MethodFacts} and {@link KeySlots}.
 */
final class SlotWords {
  /** Calls whose first argument names a key and whose second is its value. */
  static final ImmutableSet<String> KEY_THEN_VALUE =
      ImmutableSet.of(
          "put",
          "putIfAbsent",
          "entry",
          "immutableEntry",
          "bind",
          "bindByName",
          "addValue",
          "setParameter",
          "param",
          "parameter",
          "addParameter",
          "set",
          "with",
          "value",
          "append",
          "add",
          "setProperty",
          "setVariable",
          "setAttribute");

  /** Calls {@code (target, key, value, ..)}: reflection helpers that write a named field. */
  static final ImmutableSet<String> TARGET_KEY_VALUE =
      ImmutableSet.of(
          "setField",
          "writeField",
          "writeDeclaredField",
          "setProperty",
          "setInternalState",
          "setFieldValue");

  /** Constructors {@code (key, value)} of map-like values. */
  static final ImmutableSet<String> KEY_VALUE_CONSTRUCTORS =
      ImmutableSet.of(
          "java.util.AbstractMap.SimpleEntry",
          "java.util.AbstractMap.SimpleImmutableEntry",
          "org.springframework.jdbc.core.namedparam.MapSqlParameterSource",
          "org.bson.Document",
          "com.mongodb.BasicDBObject");

  /** First words of single-argument methods named after a key that set it. */
  static final ImmutableSet<String> SETTER_WORDS =
      ImmutableSet.of("set", "with", "update", "change");

  /**
   * First words of methods named after a key that read, look up, test or derive it rather than
   * write it ({@code findBySlug}, {@code existsSlug}, {@code slugify}-style helpers named {@code
   * toSlug}).
   */
  static final ImmutableSet<String> NON_WRITING_WORDS =
      ImmutableSet.of(
          "get",
          "is",
          "has",
          "find",
          "exists",
          "count",
          "delete",
          "remove",
          "query",
          "search",
          "load",
          "fetch",
          "read",
          "lookup",
          "select",
          "assert",
          "verify",
          "validate",
          "check",
          "contains",
          "parse",
          "to",
          "as",
          "compute",
          "generate",
          "create",
          "new",
          "make",
          "build",
          "normalize",
          "random",
          "unique",
          "next",
          "format",
          "matches",
          "equals",
          "expect",
          "by",
          "for",
          "from",
          "of",
          "sanitize",
          "clean",
          "encode",
          "decode",
          "escape",
          "slugify",
          "derive",
          "calculate");

  /** Words that mark a method name as a query ({@code findBySlug}, {@code orderBySlug}). */
  static final ImmutableSet<String> QUERY_WORDS =
      ImmutableSet.of("by", "where", "filter", "having");

  /**
   * First words of test-data helpers whose parameters are written ({@code insertProduct(slug)}).
   */
  static final ImmutableSet<String> HELPER_WRITE_WORDS =
      ImmutableSet.of(
          "create",
          "insert",
          "save",
          "persist",
          "add",
          "new",
          "given",
          "seed",
          "register",
          "store",
          "upsert",
          "make",
          "build",
          "a",
          "an",
          "stub",
          "prepare",
          "setup");

  private SlotWords() {}

  static boolean isKeyValueName(String name) {
    return name.equals("of") || KEY_THEN_VALUE.contains(name) || TARGET_KEY_VALUE.contains(name);
  }

  /** The first word of a test-data helper's name ({@code insertProduct}, {@code Product.of}). */
  static boolean isHelperFirstWord(String first) {
    return first.equals("of") || HELPER_WRITE_WORDS.contains(first);
  }
}
