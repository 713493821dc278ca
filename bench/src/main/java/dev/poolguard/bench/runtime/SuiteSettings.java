package dev.poolguard.bench.runtime;

import static java.util.Objects.requireNonNull;

/**
 * What the generated suite's JVM was started with (system properties {@code bench.*}): its pool
 * style, the per-class pools' URL and user, and the server time each test spends.
 */
record SuiteSettings(
    PoolStyle pool, String perClassUrl, String user, String sleepSeconds, boolean light) {
  static final String POOL = "bench.pool";
  static final String JDBC_URL = "bench.jdbcUrl";
  static final String USER = "bench.user";
  static final String SLEEP_SECONDS = "bench.sleepSeconds";

  /** {@code true}: each test is an insert and a count only (the hygiene comparison's work). */
  static final String LIGHT = "bench.light";

  /** {@code --killer}: the server ends every session on the database at this interval. */
  static final String KILL_EVERY_MILLIS = "bench.killEveryMillis";

  static SuiteSettings fromSystemProperties() {
    return new SuiteSettings(
        PoolStyle.valueOf(required(POOL)),
        required(JDBC_URL),
        required(USER),
        required(SLEEP_SECONDS),
        Boolean.getBoolean(LIGHT));
  }

  private static String required(String name) {
    return requireNonNull(
        System.getProperty(name),
        () -> "-D" + name + " is not set: start the suite through RuntimeBenchmark");
  }
}
