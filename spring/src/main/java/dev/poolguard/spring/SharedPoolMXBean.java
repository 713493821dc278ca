package dev.poolguard.spring;

import com.zaxxer.hikari.HikariPoolMXBean;
import javax.sql.DataSource;

/**
 * What a replaced {@code HikariDataSource}'s {@code getHikariPoolMXBean()} returns: the shared
 * pool's live figures, read-only. Suspending the pool or evicting its connections is refused,
 * because every other test context of the JVM borrows from the same pool.
 */
final class SharedPoolMXBean implements HikariPoolMXBean {
  private final DataSource shared;

  SharedPoolMXBean(DataSource shared) {
    this.shared = shared;
  }

  @Override
  public int getIdleConnections() {
    return SharedPoolFigures.of(shared).idle();
  }

  @Override
  public int getActiveConnections() {
    return SharedPoolFigures.of(shared).active();
  }

  @Override
  public int getTotalConnections() {
    return SharedPoolFigures.of(shared).total();
  }

  @Override
  public int getThreadsAwaitingConnection() {
    return SharedPoolFigures.of(shared).pending();
  }

  /** Refused: the connections belong to every context of the JVM. */
  @Override
  public void softEvictConnections() {
    throw refused(shared, "softEvictConnections()");
  }

  /** Refused: suspending the pool would stop every context of the JVM. */
  @Override
  public void suspendPool() {
    throw refused(shared, "suspendPool()");
  }

  /** Refused, like {@link #suspendPool()}: the shared pool is never suspended. */
  @Override
  public void resumePool() {
    throw refused(shared, "resumePool()");
  }

  /** The refusal of an operation on the shared pool, naming it and the way out. */
  static UnsupportedOperationException refused(DataSource shared, String operation) {
    String poolName = SharedPoolFigures.of(shared).poolName();
    return new UnsupportedOperationException(
        "PoolGuard: "
            + operation
            + " is refused: this HikariDataSource is a view of PoolGuard's shared pool"
            + (poolName.isEmpty() ? "" : " " + poolName)
            + ", which every Spring test context and test of this JVM on the same database borrows"
            + " from. A test of pool behaviour can give its context a pool of its own with "
            + SharedPoolDataSourcePostProcessor.ENABLED_PROPERTY
            + "=false.");
  }
}
