package dev.poolguard.spring;

import com.zaxxer.hikari.metrics.PoolStats;
import javax.sql.DataSource;

/**
 * The figures HikariCP hands a metrics tracker ({@code hikaricp.connections}, {@code .active},
 * {@code .idle}, {@code .pending}, {@code .max}, {@code .min} in Micrometer), read from the shared
 * pool instead of the pool Spring configured.
 */
final class SharedPoolGauges extends PoolStats {
  /**
   * HikariCP caches its own figures for a second; these are read afresh every time (reading them
   * costs next to nothing), so a scrape sees the moment it asks.
   */
  private static final long NO_CACHING = 0;

  private final DataSource shared;

  SharedPoolGauges(DataSource shared) {
    super(NO_CACHING);
    this.shared = shared;
  }

  @Override
  protected void update() {
    SharedPoolFigures figures = SharedPoolFigures.of(shared);
    totalConnections = figures.total();
    idleConnections = figures.idle();
    activeConnections = figures.active();
    pendingThreads = figures.pending();
    maxConnections = figures.max();
    minConnections = SharedPoolFigures.MINIMUM_IDLE;
  }
}
