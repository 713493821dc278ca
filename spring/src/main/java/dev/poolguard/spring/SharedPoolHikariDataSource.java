package dev.poolguard.spring;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * What a context's {@code HikariDataSource} bean becomes: still a {@code HikariDataSource}, so code
 * that injects the concrete type, reads its settings ({@code getJdbcUrl()}, {@code
 * getMaximumPoolSize()}) or hands it to actuator metrics keeps working, but its own pool is never
 * started: every connection is borrowed from PoolGuard's shared pool of the database. Closing it
 * (or the context) does nothing to the shared pool.
 */
final class SharedPoolHikariDataSource extends HikariDataSource {
  private final DataSource shared;

  /**
   * Takes over {@code configured}'s settings as Spring bound them; {@code configured} is unused.
   */
  SharedPoolHikariDataSource(HikariDataSource configured, DataSource shared) {
    configured.copyStateTo(this);
    this.shared = shared;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return shared.getConnection();
  }

  /** Refused by the shared pool, whose user is fixed per pool. */
  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return shared.getConnection(username, password);
  }

  /**
   * This bean, or what the shared pool's view unwraps to (for {@code SharedTestDataSource.stats}).
   */
  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : shared.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || shared.isWrapperFor(type);
  }

  /**
   * Does nothing: there is no pool of its own to close, and the shared one closes at the end of the
   * launcher session, never with a context.
   */
  @Override
  public void close() {}

  @Override
  public String toString() {
    return "HikariDataSource served by PoolGuard's " + shared;
  }
}
