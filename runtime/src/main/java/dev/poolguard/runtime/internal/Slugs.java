package dev.poolguard.runtime.internal;

import dev.poolguard.runtime.UniqueSlugs;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** Builds unique keys from one run id and one counter; {@link UniqueSlugs} is its public face. */
public final class Slugs {
  private final String runId;
  private final AtomicLong counter = new AtomicLong();

  public Slugs(String runId) {
    this.runId = runId;
  }

  public String runId() {
    return runId;
  }

  /** {@code <base>-<run>-<n>}. */
  public String of(String base) {
    return requireBase(base) + suffix();
  }

  /**
   * Like {@link #of(String)}, shortening the base (never the unique suffix) to fit {@code
   * maxLength}.
   */
  public String of(String base, int maxLength) {
    String cleanBase = requireBase(base);
    String suffix = suffix();
    int room = maxLength - suffix.length();
    if (room < 1) {
      throw new IllegalArgumentException(
          "a unique key needs at least "
              + (suffix.length() + 1)
              + " characters in this run (the suffix "
              + suffix
              + " plus one of the base); maxLength is "
              + maxLength);
    }
    return trimDashes(cleanBase.length() <= room ? cleanBase : cleanBase.substring(0, room))
        + suffix;
  }

  /** {@code <base> <run>-<n>}: the base kept as written, for display names that must be unique. */
  public String name(String base) {
    if (base == null || base.isBlank()) {
      throw new IllegalArgumentException("the base name must not be blank");
    }
    return base.strip() + " " + suffix().substring(1);
  }

  private String suffix() {
    return "-" + runId + "-" + counter.incrementAndGet();
  }

  private static String requireBase(String base) {
    String clean = base == null ? "" : sanitize(base);
    if (clean.isEmpty()) {
      throw new IllegalArgumentException(
          "the base of a unique key needs a letter or digit, got \"" + base + "\"");
    }
    return clean;
  }

  /**
   * Lower case, runs of anything but {@code a-z0-9} turned into one {@code -}, no dash at either
   * end.
   */
  static String sanitize(String text) {
    return trimDashes(text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
  }

  static String trimDashes(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == '-') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == '-') {
      end--;
    }
    return text.substring(start, end);
  }
}
