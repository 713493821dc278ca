package dev.poolguard.checks.keys;

import dev.poolguard.checks.keys.UniqueSlugFix.Generated;
import dev.poolguard.checks.keys.UniqueSlugFix.Replacement;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Keeps the fix within the key property's declared limits ({@link KeyLimits}). {@code UniqueSlugs}
 * values are {@code <base>-<run>-<n>}: the suffix is at most {@value #SUFFIX_MAX} characters (a
 * {@code POOLGUARD_RUN_ID} of up to 20, the JVM's 11-character tag, a counter of up to six digits
 * and three dashes; 19 without a run id). Where the value could exceed the maximum length the
 * bounded {@code UniqueSlugs.of(base, maxLength)} is used when it fits, and otherwise, or where a
 * {@code @Pattern} or {@code @Email} would reject the value, the fix is withheld with the reason.
 */
final class GeneratedValueLimits {
  /** The longest suffix {@code UniqueSlugs} adds to a base. */
  static final int SUFFIX_MAX = 40;

  // What a generated suffix looks like, to test a @Pattern against: a run id given, a JVM tag, n.
  private static final String SAMPLE_SUFFIX = "ci4711-k3x9q2m7p1-17";

  private GeneratedValueLimits() {}

  static Replacement keep(Replacement replacement, String text, String source, MappedKey key) {
    KeyLimits limits = key.limits();
    Generated kind = replacement.kind();
    if (kind == null) {
      return replacement;
    }
    String property = key.type() + "." + key.property();
    if (limits.email() && kind != Generated.EMAIL) {
      return Replacement.withheld(
          "No automatic fix: "
              + property
              + " must be an e-mail address (@Email), and the generated value would not be one;"
              + " write UniqueSlugs.email(..) there.");
    }
    String sample =
        switch (kind) {
          case SLUG -> slug(text) + "-" + SAMPLE_SUFFIX;
          case EMAIL ->
              slug(text.substring(0, text.indexOf('@')))
                  + "-"
                  + SAMPLE_SUFFIX
                  + text.substring(text.indexOf('@'));
          case NAME -> text.strip() + " " + SAMPLE_SUFFIX;
        };
    String pattern = limits.pattern();
    if (pattern != null && !matches(pattern, sample)) {
      return Replacement.withheld(
          "No automatic fix: "
              + property
              + " must match @Pattern(regexp = "
              + UniqueSlugFix.quoted(pattern)
              + "), which a generated value such as "
              + UniqueSlugFix.quoted(sample)
              + " does not; generate a value of that shape there.");
    }
    // The sample's separator before its suffix is part of the longest suffix.
    int longest = sample.length() - SAMPLE_SUFFIX.length() - 1 + SUFFIX_MAX;
    if (longest <= limits.maxLength()) {
      return replacement;
    }
    if (kind == Generated.SLUG && limits.maxLength() > SUFFIX_MAX) {
      // The bounded variant shortens the base, never the unique suffix.
      return Replacement.of(kind, ".of(" + source + ", " + limits.maxLength() + ")");
    }
    return Replacement.withheld(
        "No automatic fix: "
            + property
            + " holds at most "
            + limits.maxLength()
            + " characters ("
            + limits.lengthSource()
            + "), and a generated value can take "
            + longest
            + " (UniqueSlugs adds up to "
            + SUFFIX_MAX
            + " characters, \"-<run>-<n>\"); widen the column, or generate a shorter unique value"
            + " there"
            + (kind == Generated.SLUG
                ? " (UniqueSlugs.of("
                    + source
                    + ", "
                    + limits.maxLength()
                    + ") shortens the base and fits while the run id leaves room; it fails naming"
                    + " the run id when it does not)"
                : "")
            + ".");
  }

  private static boolean matches(String pattern, String sample) {
    try {
      return Pattern.compile(pattern).matcher(sample).matches();
    } catch (PatternSyntaxException notJava) {
      return false; // a pattern Java cannot read cannot be shown to accept the value
    }
  }

  /** {@code UniqueSlugs}' base: lower case, runs of other characters one dash, none at the ends. */
  private static String slug(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }
}
