package dev.poolguard.runtime.internal;

import dev.poolguard.runtime.PoolGuardException;
import dev.poolguard.runtime.SharedTestDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * What {@link SharedTestDataSource#get()} hands out: borrowing only. It is deliberately not {@code
 * AutoCloseable}, does not unwrap to the pool, and refuses reconfiguration, because a test that
 * closes or retunes the shared pool breaks every test after it. It always borrows from the current
 * pool, so a reference kept in a static field stays valid across launcher sessions.
 */
public final class SharedDataSourceView implements DataSource {
  /** How many pools one borrow tries when each closes under it. */
  private static final int MAX_ATTEMPTS = 3;

  private final SharedPoolLifecycle lifecycle;

  SharedDataSourceView(SharedPoolLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  public SharedPoolLifecycle lifecycle() {
    return lifecycle;
  }

  @Override
  public Connection getConnection() throws SQLException {
    for (int attempt = 1; ; attempt++) {
      SharedPool pool = currentPool();
      try {
        return pool.borrow();
      } catch (SQLException e) {
        // The session ended between looking the pool up and borrowing (or while a new connection
        // was being set up): the next pool serves this borrow. Sessions that end again and again
        // while one borrow waits are not a race but a failure.
        if (!pool.isClosed() || attempt == MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private SharedPool currentPool() throws SQLException {
    try {
      return lifecycle.pool();
    } catch (PoolGuardException e) {
      throw new SQLNonTransientConnectionException(e.getMessage(), "08001", e);
    }
  }

  /**
   * Refused: the shared pool's credentials come from its configuration, the same for every test.
   */
  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException(
        "PoolGuard: the shared test DataSource uses the configured user; "
            + "set poolguard.user / poolguard.password (see "
            + FailureMessages.DOCS
            + ") or call getConnection().");
  }

  /** Returns this view when it implements {@code type}; the pool behind it is never handed out. */
  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException(FailureMessages.unwrapRefused(type));
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }

  /** Always {@code null}: HikariCP does not use a log writer. */
  @Override
  public @Nullable PrintWriter getLogWriter() {
    return null;
  }

  /** Refused: the shared pool is configured once, for every test. */
  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    throw reconfigurationRefused("setLogWriter");
  }

  /** Refused: use {@code poolguard.connectTimeout} or {@code connect_timeout}. */
  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    throw reconfigurationRefused("setLoginTimeout (use poolguard.connectTimeout)");
  }

  /**
   * The configured connect timeout in whole seconds, rounded up; 0 when the pool cannot be
   * configured.
   */
  @Override
  public int getLoginTimeout() {
    try {
      return (int) ((lifecycle.pool().settings().connectTimeout().toMillis() + 999) / 1000);
    } catch (PoolGuardException e) {
      return 0;
    }
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getLogger("dev.poolguard.runtime");
  }

  private static SQLFeatureNotSupportedException reconfigurationRefused(String what) {
    return new SQLFeatureNotSupportedException(
        "PoolGuard: the shared test DataSource is configured once for "
            + "every test; "
            + what
            + " is not supported. See "
            + FailureMessages.DOCS
            + ".");
  }

  @Override
  public String toString() {
    SharedPool pool = lifecycle.currentIfOpen();
    return pool == null
        ? "SharedTestDataSource (no pool open)"
        : "SharedTestDataSource ("
            + pool.settings().describeTarget()
            + ", pool size "
            + pool.settings().maxPoolSize()
            + ")";
  }
}
