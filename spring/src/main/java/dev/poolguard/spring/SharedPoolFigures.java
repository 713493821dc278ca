package dev.poolguard.spring;

import dev.poolguard.runtime.PoolStats;
import dev.poolguard.runtime.SharedTestDataSource;
import javax.sql.DataSource;

/**
 * The shared pool's state at one moment, in the terms HikariCP, actuator and Micrometer use: what
 * the replaced beans report instead of the figures of the pool Spring configured and never started.
 * All zero, with an empty name, while no pool of the database is open in this session.
 *
 * @param poolName the shared pool's name ({@code poolguard-<pid>-<n>}, as in the session report and
 *     PostgreSQL's {@code application_name}); empty while no pool is open
 * @param active connections borrowed right now, by any context or test of the JVM
 * @param idle connections open and free
 * @param pending borrows waiting for a connection
 * @param max the most connections the pool opens ({@code poolguard.maxPoolSize}, or less when the
 *     capacity pre-flight shrank it)
 */
record SharedPoolFigures(String poolName, int active, int idle, int pending, int max) {
  /**
   * PoolGuard's pools open connections on demand and keep none idle on purpose ({@code
   * docs/configuration.md}: minimum idle 0).
   */
  static final int MINIMUM_IDLE = 0;

  /**
   * The figures of the pool serving {@code shared}.
   *
   * @throws IllegalArgumentException when {@code shared} is not served by a PoolGuard pool
   */
  static SharedPoolFigures of(DataSource shared) {
    PoolStats stats = SharedTestDataSource.stats(shared);
    return new SharedPoolFigures(
        stats.poolName(), stats.inUse(), stats.idle(), stats.waiting(), stats.maximumPoolSize());
  }

  int total() {
    return active + idle;
  }

  boolean isOpen() {
    return !poolName.isEmpty();
  }
}
