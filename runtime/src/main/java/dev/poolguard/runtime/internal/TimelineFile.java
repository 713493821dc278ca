package dev.poolguard.runtime.internal;

import dev.poolguard.runtime.PoolStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Where the session picture goes, and whether a session gets one. */
final class TimelineFile {
  private TimelineFile() {}

  /** {@code auto}: only a session that had time-outs or suspected leaks has something to show. */
  static boolean isWanted(LeakReporting.ReportMode mode, PoolStats stats) {
    return switch (mode) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> stats.acquireTimeouts() > 0 || stats.suspectedLeaks() > 0;
    };
  }

  /**
   * Writes {@code <dir>/<pool name>.svg}.
   *
   * @return what the report line says about it: {@code , timeline /abs/path.svg}, or why it could
   *     not be written (the tests' outcome does not depend on it)
   */
  static String write(
      Path dir,
      PoolSettings settings,
      PoolStats stats,
      List<Leak> leaks,
      Timeline.Snapshot timeline,
      Duration wallTime) {
    Path file = dir.resolve(stats.poolName() + ".svg").toAbsolutePath().normalize();
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          TimelineSvg.render(settings, stats, leaks, timeline, wallTime),
          StandardCharsets.UTF_8);
      return ", timeline " + file;
    } catch (IOException | SecurityException e) {
      return ", timeline not written to " + file + " (" + e + "; set poolguard.reportDir)";
    }
  }
}
