package dev.poolguard.runtime;

import dev.poolguard.runtime.internal.PoolRegistry;
import dev.poolguard.runtime.internal.SettingsResolver;
import dev.poolguard.runtime.internal.SharedDataSourceView;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

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
  private static final PoolRegistry REGISTRY = new PoolRegistry(SettingsResolver::ofProcess);

  static {
    // Other runners (JUnit 4, TestNG, a main method) have no session end: the pools close with the
    // JVM.
    Runtime.getRuntime()
        .addShutdownHook(new Thread(REGISTRY::closeAllAndReport, "poolguard-shutdown"));
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
    REGISTRY.defaultLifecycle().pool();
    return REGISTRY.defaultView();
  }

  /**
   * Returns the shared {@code DataSource} of the database at {@code jdbcUrl} as {@code user}: one
   * pool per database (the JDBC URL without credentials, and the user) for the whole JVM, however
   * many callers ask; when {@link #get()} is configured for the same database, it is the same pool.
   * URL, user and password are the caller's ({@code poolguard.url}/{@code user}/{@code password} do
   * not override them); pool size and timeouts are PoolGuard's, as for {@link #get()}. The pool
   * opens on the first borrow and closes with the others at the end of the outermost launcher
   * session. This is what poolguard-spring gives every Spring test context.
   *
   * @param user the user, or {@code null} for the one in the URL (or the driver's default)
   * @param password the password, or {@code null} for the one in the URL; never printed
   * @param consumer who asks, e.g. {@code "Spring test context 3f2a"}: the session report counts
   *     the distinct consumers of each pool
   * @throws PoolGuardException when the URL cannot be parsed or a {@code poolguard.*} setting is
   *     invalid
   */
  public static DataSource forDatabase(
      String jdbcUrl, @Nullable String user, @Nullable String password, String consumer) {
    return REGISTRY.forDatabase(jdbcUrl, user, password, consumer);
  }

  /**
   * Counters of the pool in the current session: borrows, peak in use, waits, time-outs, suspected
   * leaks.
   */
  public static PoolStats stats() {
    return REGISTRY.defaultLifecycle().stats();
  }

  /**
   * Counters of the pool behind {@code view}: a {@code DataSource} from {@link #get()} or {@link
   * #forDatabase}, or anything that unwraps to one (poolguard-spring's replacement beans, Spring's
   * {@code DelegatingDataSource}s).
   *
   * @throws IllegalArgumentException when {@code view} is not served by a PoolGuard pool
   */
  public static PoolStats stats(DataSource view) {
    try {
      if (view.isWrapperFor(SharedDataSourceView.class)) {
        return view.unwrap(SharedDataSourceView.class).lifecycle().stats();
      }
    } catch (SQLException e) {
      throw new IllegalArgumentException(notShared(view) + " (" + e.getMessage() + ")", e);
    }
    throw new IllegalArgumentException(notShared(view));
  }

  private static String notShared(DataSource view) {
    return "PoolGuard: "
        + view.getClass().getName()
        + " is not a DataSource of SharedTestDataSource.get() or forDatabase(..); stats(DataSource)"
        + " only knows PoolGuard's own pools.";
  }

  /** For {@link PoolGuardSessionListener}: the pools follow the launcher sessions. */
  static PoolRegistry registry() {
    return REGISTRY;
  }
}
