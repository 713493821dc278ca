package dev.poolguard.spring;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * What a context's {@code HikariDataSource} bean becomes: still a {@code HikariDataSource}, so code
 * that injects the concrete type or reads its settings ({@code getJdbcUrl()}, {@code
 * getMaximumPoolSize()}: the configuration Spring bound) keeps working, but its own pool is never
 * started: every connection is borrowed from PoolGuard's shared pool of the database. What
 * describes a running pool describes the shared one: {@link #getPoolName()}, {@link #isRunning()},
 * {@link #getHikariPoolMXBean()} (read-only) and the Micrometer meters Spring Boot binds through
 * {@link #setMetricsTrackerFactory}. Closing it (or the context) does nothing to the shared pool.
 */
final class SharedPoolHikariDataSource extends HikariDataSource {
  private final DataSource shared;
  private final SharedPoolMXBean poolMXBean;
  private final BorrowMetrics metrics;

  /**
   * Takes over {@code configured}'s settings as Spring bound them; {@code configured} is unused.
   */
  SharedPoolHikariDataSource(HikariDataSource configured, DataSource shared) {
    configured.copyStateTo(this);
    this.shared = shared;
    this.poolMXBean = new SharedPoolMXBean(shared);
    this.metrics = new BorrowMetrics(shared);
    if (getMetricRegistry() != null) {
      throw metricRegistryRefused();
    }
    MetricsTrackerFactory trackerFactory = getMetricsTrackerFactory();
    if (trackerFactory != null) {
      metrics.trackWith(trackerFactory);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    long start = System.nanoTime();
    try {
      Connection connection = shared.getConnection();
      metrics.acquired(System.nanoTime() - start);
      return connection;
    } catch (SQLTransientConnectionException timedOut) {
      metrics.timedOut();
      throw timedOut;
    }
  }

  /** Refused by the shared pool, whose user is fixed per pool. */
  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return shared.getConnection(username, password);
  }

  /** The shared pool's name, or {@code null} while it is not open (no pool exists yet). */
  @Override
  public @Nullable String getPoolName() {
    String poolName = SharedPoolFigures.of(shared).poolName();
    return poolName.isEmpty() ? null : poolName;
  }

  /** Whether the shared pool is open; it is never suspended. */
  @Override
  public boolean isRunning() {
    return SharedPoolFigures.of(shared).isOpen();
  }

  /**
   * The shared pool's figures, read-only: suspending or evicting is refused, since other contexts
   * borrow from it too.
   */
  @Override
  public HikariPoolMXBean getHikariPoolMXBean() {
    return poolMXBean;
  }

  /** Refused, like the pool MXBean's evictions: the connection belongs to the shared pool. */
  @Override
  public void evictConnection(Connection connection) {
    throw SharedPoolMXBean.refused(shared, "evictConnection(..)");
  }

  /**
   * Spring Boot's Micrometer binding: the meters then show the shared pool, named as it is.
   *
   * @throws IllegalStateException when a factory was already set, as for a running HikariCP pool
   */
  @Override
  public void setMetricsTrackerFactory(@Nullable MetricsTrackerFactory metricsTrackerFactory) {
    if (getMetricsTrackerFactory() != null) {
      throw new IllegalStateException("MetricsTrackerFactory can only be set one time");
    }
    super.setMetricsTrackerFactory(metricsTrackerFactory);
    if (metricsTrackerFactory != null) {
      metrics.trackWith(metricsTrackerFactory);
    }
  }

  /** Refused: it would record nothing; {@link #setMetricsTrackerFactory} is served. */
  @Override
  public void setMetricRegistry(@Nullable Object metricRegistry) {
    if (metricRegistry != null) {
      throw metricRegistryRefused();
    }
  }

  private static IllegalStateException metricRegistryRefused() {
    return new IllegalStateException(
        "PoolGuard: a HikariDataSource served by the shared pool takes no metric registry; set"
            + " a MetricsTrackerFactory instead (new MicrometerMetricsTrackerFactory(registry), as"
            + " Spring Boot does), or set "
            + SharedPoolDataSourcePostProcessor.ENABLED_PROPERTY
            + "=false for this test context to keep its own pool.");
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
   * Removes this bean's meters and nothing more: there is no pool of its own to close, and the
   * shared one closes at the end of the launcher session, never with a context.
   */
  @Override
  public void close() {
    metrics.close();
  }

  @Override
  public String toString() {
    return "HikariDataSource served by PoolGuard's " + shared;
  }
}
