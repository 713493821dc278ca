package dev.poolguard.checks.keys;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The unique-key names a check looks for ({@code slug}, {@code email}, …) and the one rule that
 * decides whether a name (a method, parameter, field or map key) denotes one of them.
 *
 * <p>A name denotes a key when its <em>last words</em> are the key's words, comparing
 * case-insensitively, with words split at camel-case humps, underscores, hyphens and dots: {@code
 * slug}, {@code SLUG}, {@code tenantSlug}, {@code tenant_slug}, {@code PRODUCT_SLUG} denote {@code
 * slug}; {@code slugs}, {@code slugify}, {@code slugLength}, {@code slugPrefix} do not. A name
 * learnt from the domain model's mapping ({@code username}) is denoted only by a name of exactly
 * its words ({@code username}, {@code USERNAME}, {@code :username}), not by {@code adminUsername}:
 * the mapping names one property, not a family of them.
 */
final class KeyNames {
  // Configured names (HardcodedTestSlug:Fields): a name denotes one when its last words are its.
  private final ImmutableList<String> names;
  private final ImmutableList<ImmutableList<String>> keys;
  // Names learnt from the mapping: a name denotes one only when all its words, run together, are
  // its (user_name and userName denote the same column).
  private final ImmutableList<String> exactNames;
  private final ImmutableList<String> exactKeys;
  // The last word of each key: a name can only denote a key if it contains that word.
  private final ImmutableList<String> lastWords;

  KeyNames(ImmutableList<String> names) {
    this(names, ImmutableList.of());
  }

  // Plain loops: made once per compilation while the checks' code is cold, where a stream's
  // lambdas and pipeline classes cost more than the work.
  KeyNames(ImmutableList<String> names, ImmutableList<String> exactNames) {
    this.names = names;
    this.exactNames = exactNames;
    ImmutableList.Builder<ImmutableList<String>> keys = ImmutableList.builder();
    Set<String> lastWords = new LinkedHashSet<>();
    for (String name : names) {
      ImmutableList<String> words = words(name);
      keys.add(words);
      addLastWord(words, lastWords);
    }
    ImmutableList.Builder<String> exactKeys = ImmutableList.builder();
    for (String name : exactNames) {
      ImmutableList<String> words = words(name);
      exactKeys.add(String.join("", words));
      addLastWord(words, lastWords);
    }
    this.keys = keys.build();
    this.exactKeys = exactKeys.build();
    this.lastWords = ImmutableList.copyOf(lastWords);
  }

  private static void addLastWord(List<String> words, Set<String> lastWords) {
    if (!words.isEmpty()) {
      lastWords.add(words.get(words.size() - 1));
    }
  }

  /**
   * A cheap necessary condition for {@link #keyOf}: whether {@code name}, without trailing
   * separators, ends with the last word of some key, ignoring case (a name's last word ends it).
   * Lets callers skip splitting the names of the many members that are not keys.
   */
  boolean mayDenoteKey(String name) {
    int end = name.length();
    while (end > 0 && isSeparator(name.charAt(end - 1))) {
      end--;
    }
    for (String word : lastWords) {
      int start = end - word.length();
      if (start >= 0 && name.regionMatches(true, start, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first of {@code name}'s {@link #words} (lower case; {@code ""} for none), found without
   * splitting the rest of the name.
   */
  static String firstWord(String name) {
    int n = name.length();
    int start = 0;
    while (start < n && isSeparator(name.charAt(start))) {
      start++;
    }
    int end = start;
    while (end < n
        && !isSeparator(name.charAt(end))
        && !(end > start && endsWordBefore(name, end))) {
      end++;
    }
    return name.substring(start, end).toLowerCase(Locale.ROOT);
  }

  /** Whether a word ends before {@code name.charAt(i)} (not a separator, not the first char). */
  private static boolean endsWordBefore(String name, int i) {
    char c = name.charAt(i);
    if (!Character.isUpperCase(c)) {
      return false;
    }
    char previous = name.charAt(i - 1);
    boolean nextIsLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
    // fooBar → foo|Bar;  HTTPServer → HTTP|Server;  SLUG stays one word.
    return Character.isLowerCase(previous)
        || Character.isDigit(previous)
        || (Character.isUpperCase(previous) && nextIsLower);
  }

  /** The key {@code name} denotes, spelled as in the flag, or {@code null}. */
  @Nullable String keyOf(CharSequence name) {
    String text = name.toString();
    // Most names asked about (map keys, fields, enum constants) are no key: not split at all.
    return mayDenoteKey(text) ? keyOfWords(words(text)) : null;
  }

  /** Like {@link #keyOf}, for a name already split into words. */
  @Nullable String keyOfWords(List<String> words) {
    String exact = exactKeyOfWords(words);
    return exact != null ? exact : configuredKeyOfWords(words);
  }

  /** The learnt name whose words {@code words} are, or {@code null}. */
  @Nullable String exactKeyOfWords(List<String> words) {
    if (exactKeys.isEmpty()) {
      return null;
    }
    String joined = String.join("", words);
    int index = exactKeys.indexOf(joined);
    return index < 0 ? null : exactNames.get(index);
  }

  /** The configured name whose words end {@code words}, or {@code null}. */
  @Nullable String configuredKeyOfWords(List<String> words) {
    for (int i = 0; i < keys.size(); i++) {
      if (endsWith(words, keys.get(i))) {
        return names.get(i);
      }
    }
    return null;
  }

  /**
   * A name's words run together ({@code user_name}, {@code userName}, {@code USER_NAME} → {@code
   * username}): how property and column names are compared.
   */
  static String normalized(CharSequence name) {
    return String.join("", words(name.toString()));
  }

  private static boolean endsWith(List<String> words, List<String> key) {
    if (key.isEmpty() || words.size() < key.size()) {
      return false;
    }
    int offset = words.size() - key.size();
    for (int i = 0; i < key.size(); i++) {
      if (!words.get(offset + i).equalsIgnoreCase(key.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code setTenantSlug} → [set, tenant, slug]; {@code PRODUCT_SLUG} → [product, slug]; lower
   * case.
   */
  static ImmutableList<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int n = name.length();
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (isSeparator(c)) {
        flush(word, words);
        continue;
      }
      if (word.length() > 0 && endsWordBefore(name, i)) {
        flush(word, words);
      }
      word.append(c);
    }
    flush(word, words);
    return ImmutableList.copyOf(words);
  }

  private static boolean isSeparator(char c) {
    return c == '_' || c == '-' || c == '.' || c == '$' || c == ' ';
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (word.length() > 0) {
      words.add(word.toString().toLowerCase(Locale.ROOT));
      word.setLength(0);
    }
  }
}
