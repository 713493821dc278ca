package dev.poolguard.runtime;

import javax.sql.DataSource;

/**
 * The one database connection pool a test JVM should use.
 *
 * <pre>{@code
 * private static final DataSource DB = SharedTestDataSource.get();
 *
 * @Test void storesOrder() throws SQLException {
 *   try (Connection c = DB.getConnection()) { ... }
 * }
 * }</pre>
 *
 * <p>The pool is created on first use from the configuration described in {@code
 * docs/configuration.md} (system properties {@code poolguard.*}, environment {@code POOLGUARD_URL}
 * / {@code DATABASE_URL_TEST} / {@code DATABASE_URL}, or {@code poolguard.properties}), with a
 * small size (3 by default) and short timeouts, and it fails fast with a message that names the
 * database and the fix. It is closed once, when the JUnit Platform launcher session ends (nothing
 * to configure), or at JVM exit under other runners; a one-line report containing the word {@code
 * peak} is printed then. Tests never close it.
 */
public final class SharedTestDataSource {
  private static final SharedPoolLifecycle LIFECYCLE =
      new SharedPoolLifecycle(() -> SettingsResolver.ofProcess().resolve());
  private static final DataSource VIEW = new SharedDataSourceView(LIFECYCLE);

  static {
    // Other runners (JUnit 4, TestNG, a main method) have no session end: the pool closes with the
    // JVM.
    Runtime.getRuntime()
        .addShutdownHook(new Thread(LIFECYCLE::closeAndReport, "poolguard-shutdown"));
  }

  private SharedTestDataSource() {}

  /**
   * Returns the shared {@code DataSource}, creating the pool on the first call of a session and
   * checking then that the database answers. Every call returns the same object; it is not
   * closeable and does not unwrap to the pool (only the connections it hands out unwrap, to driver
   * types).
   *
   * @throws PoolGuardException when no URL is configured and no embedded database is available, a
   *     setting is invalid, or the database cannot be reached within the connect timeout; the
   *     message says which, for which host, port and database, and how to fix it. After such a
   *     failure every call in the same session fails at once with the same message.
   */
  public static DataSource get() {
    LIFECYCLE.pool();
    return VIEW;
  }

  /**
   * Counters of the pool in the current session: borrows, peak in use, waits, time-outs, suspected
   * leaks.
   */
  public static PoolStats stats() {
    return LIFECYCLE.stats();
  }

  /** For {@link PoolGuardSessionListener}: the lifecycle follows the launcher sessions. */
  static SharedPoolLifecycle lifecycle() {
    return LIFECYCLE;
  }
}
