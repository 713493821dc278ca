package dev.poolguard.runtime.internal;

import dev.poolguard.runtime.PoolStats;
import dev.poolguard.runtime.SharedTestDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one line printed when a session's pool closes; it always contains the word {@code peak} for
 * grep.
 */
final class SessionReport {
  private SessionReport() {}

  /**
   * {@code session report for PostgreSQL 127.0.0.1:5432/test (pool poolguard-4242-1): pool size 3,
   * borrows 150, peak 3 in use, waits 12, time-outs 0, suspected leaks 0, wall time 8.4 s}.
   */
  static String line(PoolSettings settings, PoolStats stats, Duration wallTime) {
    return "session report for "
        + settings.describeTarget()
        + " (pool "
        + stats.poolName()
        + "): "
        + figures(stats, wallTime);
  }

  /**
   * The session's figures, worded the same wherever they are shown (the report line, the timeline's
   * heading): {@code pool size 3, borrows 150, ..., wall time 8.4 s}.
   */
  static String figures(PoolStats stats, Duration wallTime) {
    return String.format(
        Locale.ROOT,
        "pool size %d, borrows %d, peak %d in use, waits %d, time-outs %d, suspected leaks %d,"
            + " wall time %.1f s",
        stats.maximumPoolSize(),
        stats.borrows(),
        stats.peakInUse(),
        stats.waits(),
        stats.acquireTimeouts(),
        stats.suspectedLeaks(),
        wallTime.toMillis() / 1000.0);
  }

  /**
   * {@link #line(PoolSettings, PoolStats, Duration)}, followed by {@code , used by 12 consumers}
   * when callers of {@link SharedTestDataSource#forDatabase} (Spring test contexts) named
   * themselves.
   */
  static String line(PoolSettings settings, PoolStats stats, Duration wallTime, int consumers) {
    String line = line(settings, stats, wallTime);
    return switch (consumers) {
      case 0 -> line;
      case 1 -> line + ", used by 1 consumer";
      default -> line + ", used by " + consumers + " consumers";
    };
  }

  /**
   * What the report line adds for the session hygiene: {@code , leftovers restored 3 (2 settings, 1
   * temporary table), dead connections replaced 1}; nothing when every return was clean and every
   * borrow live.
   */
  static String hygiene(Map<Leftover.Kind, Long> restoredByKind, long deadReplaced) {
    String text = "";
    if (!restoredByKind.isEmpty()) {
      long total = restoredByKind.values().stream().mapToLong(Long::longValue).sum();
      text +=
          ", leftovers restored " + total + " (" + SessionHygiene.describe(restoredByKind) + ")";
    }
    if (deadReplaced > 0) {
      text += ", dead connections replaced " + deadReplaced;
    }
    return text;
  }

  /**
   * The lines after the report line: each test (or class) with suspected leaks, how many, where it
   * borrowed them and for how long they were held. Their counts add up to the report line's {@code
   * suspected leaks}. Nothing when there were none.
   */
  static List<String> leaksByTest(List<Leak> leaks) {
    if (leaks.isEmpty()) {
      return List.of();
    }
    Map<String, List<Leak>> byOwner =
        leaks.stream()
            .collect(Collectors.groupingBy(Leak::owner, LinkedHashMap::new, Collectors.toList()));
    List<String> lines = new ArrayList<>();
    lines.add("suspected leaks by test (" + leaks.size() + "):");
    byOwner.forEach(
        (owner, own) ->
            lines.add(
                "  "
                    + owner
                    + ": "
                    + own.size()
                    + ", "
                    + own.stream()
                        .map(
                            leak ->
                                "borrowed at "
                                    + leak.where()
                                    + ", held "
                                    + FailureMessages.elapsed(leak.heldFor()))
                        .collect(Collectors.joining("; "))));
    return lines;
  }
}
