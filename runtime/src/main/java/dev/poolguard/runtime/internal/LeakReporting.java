package dev.poolguard.runtime.internal;

import java.nio.file.Path;

/**
 * What PoolGuard does about connections tests do not return, and where the session picture goes.
 *
 * @param leaks {@code poolguard.leaks}: warn (a line per leak), fail (the leaking test fails too),
 *     off (tests are not checked; connections still out when the pool closes are still named)
 * @param report {@code poolguard.report}: when the session timeline file is written
 * @param reportDir {@code poolguard.reportDir}: the directory it is written to
 */
record LeakReporting(LeakMode leaks, ReportMode report, Path reportDir) {
  static final Path DEFAULT_REPORT_DIR = Path.of("target", "poolguard");

  static LeakReporting defaults() {
    return new LeakReporting(LeakMode.WARN, ReportMode.AUTO, DEFAULT_REPORT_DIR);
  }

  enum LeakMode {
    WARN,
    FAIL,
    OFF
  }

  enum ReportMode {
    /** Only when the session had time-outs or suspected leaks. */
    AUTO,
    ALWAYS,
    NEVER
  }
}
