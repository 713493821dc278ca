package dev.poolguard.checks.common;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.errorprone.ErrorProneFlags;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.SourceVersion;

/**
 * Parses {@code -XepOpt:} values for {@link PoolGuardConfig} and fails fast with a message that
 * names the flag, the bad value and the expected form. Error Prone reports the exception and stops
 * the compilation, which is what a misconfigured build should do.
 */
final class FlagValues {
  private static final Splitter COMMA = Splitter.on(',').trimResults().omitEmptyStrings();

  private FlagValues() {}

  static boolean bool(ErrorProneFlags flags, String name, boolean defaultValue) {
    Optional<String> raw = flags.get(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    return switch (raw.get().trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(name, raw.get(), "expected true or false");
    };
  }

  /** A comma-separated list; {@code defaultValue} when the flag is absent. */
  static ImmutableList<String> list(
      ErrorProneFlags flags, String name, ImmutableList<String> defaultValue) {
    return flags.get(name).map(v -> ImmutableList.copyOf(COMMA.split(v))).orElse(defaultValue);
  }

  /** Like {@link #list}, rejecting a flag given with no entries; {@code expected} says the form. */
  static ImmutableList<String> nonEmptyList(
      ErrorProneFlags flags, String name, ImmutableList<String> defaultValue, String expected) {
    ImmutableList<String> values = list(flags, name, defaultValue);
    if (values.isEmpty()) {
      throw invalid(name, "", expected);
    }
    return values;
  }

  /** A comma-separated list of fully qualified class names. */
  static ImmutableList<String> classNames(ErrorProneFlags flags, String name) {
    ImmutableList<String> names = list(flags, name, ImmutableList.of());
    names.forEach(n -> requireClassName(name, n));
    return names;
  }

  /** A comma-separated list of {@code fully.qualified.Class#method} members. */
  static ImmutableList<MemberName> members(ErrorProneFlags flags, String name) {
    return list(flags, name, ImmutableList.of()).stream()
        .map(text -> MemberName.parse(name, text))
        .collect(ImmutableList.toImmutableList());
  }

  /** A comma-separated list of at least one identifier (field or key names). */
  static ImmutableList<String> identifiers(
      ErrorProneFlags flags, String name, ImmutableList<String> defaultValue) {
    ImmutableList<String> names =
        nonEmptyList(flags, name, defaultValue, "expected at least one name, such as slug");
    for (String n : names) {
      if (!isSimpleName(n)) {
        throw invalid(name, n, "expected a comma-separated list of names such as slug,email");
      }
    }
    return names;
  }

  /**
   * A Java class name: dot-separated identifiers, none of them a keyword ({@code com.acme.class} is
   * none).
   */
  static void requireClassName(String flag, String className) {
    if (!SourceVersion.isName(className)) {
      throw invalid(
          flag, className, "expected a fully qualified class name such as com.acme.TestDb");
    }
  }

  /** One identifier that is not a keyword: a method, field or key name. */
  static boolean isSimpleName(String text) {
    return text.indexOf('.') < 0 && SourceVersion.isName(text);
  }

  static IllegalArgumentException invalid(String flag, String value, String expected) {
    return new IllegalArgumentException(
        String.format("Invalid -XepOpt:%s=%s: %s.", flag, value, expected));
  }
}
