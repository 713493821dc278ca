package dev.poolguard.runtime.internal;

import dev.poolguard.runtime.PoolGuardException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Interprets settings' values (numbers, durations, flags, choices), failing with a message that
 * names the setting, its value, where it came from, the database it was for and what is accepted. A
 * {@code null} setting (not given) is the default.
 */
final class SettingParser {
  private final String target;

  /**
   * @param target what the settings are for, for messages: the database, or every pool of the JVM
   */
  SettingParser(String target) {
    this.target = target;
  }

  int positiveInt(@Nullable Setting setting, int defaultValue) {
    if (setting == null) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(setting.value().strip());
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(setting, "a whole number of at least 1");
  }

  /** Whole seconds ({@code 5}, as in Prisma URLs), or with a unit: {@code 5s}, {@code 500ms}. */
  Duration duration(@Nullable Setting setting, Duration defaultValue, Duration minimum) {
    if (setting == null) {
      return defaultValue;
    }
    Duration value = parseDuration(setting.value());
    if (value == null || value.compareTo(minimum) < 0) {
      throw bad(
          setting,
          "a duration of at least "
              + FailureMessages.seconds(minimum)
              + " (whole seconds, or with a unit: 5s, 500ms)");
    }
    return value;
  }

  /**
   * {@code true} (the default threshold), {@code false} ({@link Duration#ZERO}: off), or a
   * threshold as a duration.
   */
  Duration leakThreshold(@Nullable Setting setting, Duration defaultThreshold) {
    if (setting == null) {
      return defaultThreshold;
    }
    String text = setting.value().strip().toLowerCase(Locale.ROOT);
    if (text.equals("true")) {
      return defaultThreshold;
    }
    if (text.equals("false")) {
      return Duration.ZERO;
    }
    Duration value = parseDuration(text);
    if (value == null || value.isZero()) {
      throw bad(setting, "true, false or a threshold such as 30s or 2000ms");
    }
    return value;
  }

  /** One of {@code type}'s constants, written in lower case ({@code warn}, {@code fail}). */
  <E extends Enum<E>> E choice(@Nullable Setting setting, Class<E> type, E defaultValue) {
    if (setting == null) {
      return defaultValue;
    }
    String text = setting.value().strip().toUpperCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text)) {
        return constant;
      }
    }
    throw bad(
        setting,
        "one of "
            + Arrays.stream(type.getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
  }

  boolean flag(@Nullable Setting setting, boolean defaultValue) {
    if (setting == null) {
      return defaultValue;
    }
    String text = setting.value().strip().toLowerCase(Locale.ROOT);
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    throw bad(setting, "true or false");
  }

  /** A failure naming {@code setting} and what {@code expected} it to be. */
  PoolGuardException bad(Setting setting, String expected) {
    return new PoolGuardException(
        FailureMessages.badSetting(
            setting.name(), setting.value(), setting.source(), target, expected));
  }

  private static @Nullable Duration parseDuration(String text) {
    String lower = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (lower.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2).strip()));
      }
      if (lower.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(lower.substring(0, lower.length() - 1).strip()));
      }
      return Duration.ofSeconds(Long.parseLong(lower));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
