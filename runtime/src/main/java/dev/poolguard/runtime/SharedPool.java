package dev.poolguard.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** One HikariCP pool built from {@link PoolSettings}, with its borrow tracking. */
final class SharedPool {
  private final PoolSettings settings;
  private final HikariDataSource hikari;
  private final BorrowTracker tracker;
  private final LeakReporting leakReporting;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SharedPool(
      PoolSettings settings,
      HikariDataSource hikari,
      BorrowTracker tracker,
      LeakReporting leakReporting) {
    this.settings = settings;
    this.hikari = hikari;
    this.tracker = tracker;
    this.leakReporting = leakReporting;
  }

  /**
   * Builds the pool and opens one connection to prove the database is there, so a wrong URL fails
   * here, within the connect timeout plus HikariCP's one-second retry pause, instead of in every
   * test.
   *
   * @throws PoolGuardException naming the database and the fix
   */
  static SharedPool open(PoolSettings settings, String poolName) {
    LeakReporting leakReporting = SettingsResolver.ofProcess().leakReporting();
    try {
      DriverManager.getDriver(settings.url().jdbcUrl());
    } catch (SQLException e) {
      throw new PoolGuardException(FailureMessages.noDriver(settings));
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName(poolName);
    config.setJdbcUrl(settings.url().jdbcUrl());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.maxPoolSize());
    // Connections are opened on demand: a suite that never borrows costs the server nothing.
    config.setMinimumIdle(0);
    config.setConnectionTimeout(settings.acquireTimeout().toMillis());
    // One attempt at start-up (HikariCP's default) is the fail-fast check described above.
    config.setInitializationFailTimeout(1);
    settings.driverProperties().forEach(config::addDataSourceProperty);
    if (settings.url().kind() == DatabaseKind.POSTGRESQL) {
      // Lets pg_stat_activity tell this pool's connections apart, per JVM and session.
      config.addDataSourceProperty(
          "ApplicationName", settings.driverProperties().getOrDefault("ApplicationName", poolName));
    }
    try {
      HikariDataSource hikari = new HikariDataSource(config);
      return new SharedPool(
          settings,
          hikari,
          new BorrowTracker(
              poolName, settings.maxPoolSize(), settings.leakThreshold(), leakReporting.leaks()),
          leakReporting);
    } catch (PoolInitializationException e) {
      throw new PoolGuardException(FailureMessages.cannotConnect(settings, e), e.getCause());
    }
  }

  /**
   * Borrows a connection, waiting at most the acquire timeout.
   *
   * @throws SQLTransientConnectionException when none becomes free in time, naming the holders
   */
  Connection borrow() throws SQLException {
    tracker.beforeBorrow();
    try {
      return tracker.track(hikari.getConnection());
    } catch (SQLTransientConnectionException e) {
      // HikariCP's own "request timed out" message names neither the holders nor the fix.
      tracker.acquireTimedOut();
      int held = tracker.heldCount();
      String message =
          held >= settings.maxPoolSize()
              ? FailureMessages.exhausted(settings, held, tracker.holders())
              : FailureMessages.lostConnection(settings, e);
      throw new SQLTransientConnectionException(message, e.getSQLState(), e.getCause());
    }
  }

  PoolStats stats() {
    return tracker.snapshot();
  }

  /**
   * The session report of this pool: the report line (with where the timeline picture went, when
   * one was written) and the suspected leaks by test.
   */
  List<String> sessionReport(Duration wallTime, int consumers) {
    PoolStats stats = stats();
    List<Leak> leaks = tracker.leaks();
    String line = SessionReport.line(settings, stats, wallTime, consumers);
    if (TimelineFile.isWanted(leakReporting.report(), stats)) {
      line +=
          TimelineFile.write(
              leakReporting.reportDir(), settings, stats, leaks, tracker.timeline(), wallTime);
    }
    List<String> lines = new ArrayList<>();
    lines.add(line);
    lines.addAll(SessionReport.leaksByTest(leaks));
    return lines;
  }

  PoolSettings settings() {
    return settings;
  }

  boolean isClosed() {
    return closed.get();
  }

  /**
   * Closes the pool; a second call does nothing. Connections still held are reported as suspected
   * leaks and then closed by HikariCP, so a straggling test gets an error instead of keeping the
   * server slot.
   */
  void close() {
    if (closed.compareAndSet(false, true)) {
      tracker.reportUnreturned();
      hikari.close();
    }
  }
}
