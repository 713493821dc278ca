package dev.poolguard.spring;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The HikariCP metrics tracker of one replaced {@code HikariDataSource} (Spring Boot installs
 * Micrometer's through {@code setMetricsTrackerFactory}): its gauges show the shared pool ({@link
 * SharedPoolGauges}), tagged with the shared pool's name; its acquire timer and time-out counter
 * count this bean's borrows. Connection creation and usage happen inside the shared pool and are
 * not recorded here.
 *
 * <p>HikariCP creates a lazily started pool's tracker when the pool starts; likewise the tracker is
 * created once the shared pool is open, since its name is known only then: at once if it already
 * is, else at this bean's first borrow.
 */
final class BorrowMetrics {
  private final DataSource shared;
  private volatile @Nullable MetricsTrackerFactory factory;
  private volatile @Nullable IMetricsTracker tracker;

  BorrowMetrics(DataSource shared) {
    this.shared = shared;
  }

  void trackWith(MetricsTrackerFactory factory) {
    this.factory = factory;
    tracker();
  }

  void acquired(long nanos) {
    IMetricsTracker current = tracker();
    if (current != null) {
      current.recordConnectionAcquiredNanos(nanos);
    }
  }

  void timedOut() {
    IMetricsTracker current = tracker();
    if (current != null) {
      current.recordConnectionTimeout();
    }
  }

  /** Removes the tracker's meters, as HikariCP does when its pool shuts down. */
  void close() {
    IMetricsTracker current = tracker;
    if (current != null) {
      current.close();
    }
  }

  /** The tracker, created now if a factory was given and the shared pool is open. */
  private @Nullable IMetricsTracker tracker() {
    IMetricsTracker current = tracker;
    MetricsTrackerFactory wanted = factory;
    if (current != null || wanted == null) {
      return current;
    }
    synchronized (this) {
      if (tracker == null) {
        String poolName = SharedPoolFigures.of(shared).poolName();
        if (!poolName.isEmpty()) {
          tracker = wanted.create(poolName, new SharedPoolGauges(shared));
        }
      }
      return tracker;
    }
  }
}
