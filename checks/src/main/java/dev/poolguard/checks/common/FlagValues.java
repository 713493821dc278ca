package dev.poolguard.checks.common;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.errorprone.ErrorProneFlags;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses {@code -XepOpt:} values once, when a check is constructed, and fails fast with a message
 * that names the flag, the bad value and the expected form. Error Prone reports the exception and
 * stops the compilation, which is what a misconfigured build should do.
 */
public final class FlagValues {
  private static final Splitter COMMA = Splitter.on(',').trimResults().omitEmptyStrings();

  private FlagValues() {}

  static boolean bool(ErrorProneFlags flags, String name, boolean defaultValue) {
    Optional<String> raw = flags.get(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    switch (raw.get().trim().toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw invalid(name, raw.get(), "expected true or false");
    }
  }

  /** A comma-separated list; {@code defaultValue} when the flag is absent. */
  static ImmutableList<String> list(
      ErrorProneFlags flags, String name, ImmutableList<String> defaultValue) {
    return flags.get(name).map(v -> ImmutableList.copyOf(COMMA.split(v))).orElse(defaultValue);
  }

  /** A comma-separated list of fully qualified class names. */
  static ImmutableList<String> classNames(ErrorProneFlags flags, String name) {
    ImmutableList<String> names = list(flags, name, ImmutableList.of());
    names.forEach(n -> requireClassName(name, n));
    return names;
  }

  /** A comma-separated list of {@code fully.qualified.Class#method} members. */
  public static ImmutableList<MemberName> members(ErrorProneFlags flags, String name) {
    return list(flags, name, ImmutableList.of()).stream()
        .map(text -> MemberName.parse(name, text))
        .collect(ImmutableList.toImmutableList());
  }

  /** A comma-separated list of identifiers (field or key names). */
  public static ImmutableList<String> identifiers(
      ErrorProneFlags flags, String name, ImmutableList<String> defaultValue) {
    ImmutableList<String> names = list(flags, name, defaultValue);
    for (String n : names) {
      if (!MemberName.isJavaIdentifier(n)) {
        throw invalid(name, n, "expected a comma-separated list of names such as slug,email");
      }
    }
    if (names.isEmpty()) {
      throw invalid(name, "", "expected at least one name, such as slug");
    }
    return names;
  }

  static void requireClassName(String flag, String className) {
    boolean valid =
        !className.isEmpty()
            && Splitter.on('.').splitToStream(className).allMatch(MemberName::isJavaIdentifier);
    if (!valid) {
      throw invalid(
          flag, className, "expected a fully qualified class name such as com.acme.TestDb");
    }
  }

  static IllegalArgumentException invalid(String flag, String value, String expected) {
    return new IllegalArgumentException(
        String.format("Invalid -XepOpt:%s=%s: %s.", flag, value, expected));
  }
}
