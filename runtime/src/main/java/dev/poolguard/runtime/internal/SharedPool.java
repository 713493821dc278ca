package dev.poolguard.runtime.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;
import dev.poolguard.runtime.PoolGuardException;
import dev.poolguard.runtime.PoolStats;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/** One HikariCP pool built from {@link PoolSettings}, with its borrow tracking. */
final class SharedPool {
  private static final String UNABLE_TO_CONNECT = "08001";

  private final PoolSettings settings;
  private final HikariDataSource hikari;
  private final @Nullable ConnectionBudget budget;
  private final BorrowTracker tracker;
  private final LeakReporting leakReporting;
  private final SessionHygiene hygiene;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SharedPool(
      PoolSettings settings,
      HikariDataSource hikari,
      @Nullable ConnectionBudget budget,
      BorrowTracker tracker,
      LeakReporting leakReporting,
      HygieneMode hygieneMode) {
    this.settings = settings;
    this.hikari = hikari;
    this.budget = budget;
    this.tracker = tracker;
    this.leakReporting = leakReporting;
    this.hygiene =
        new SessionHygiene(
            hygieneMode,
            SessionDialect.of(settings),
            settings.describeTarget(),
            hikari::evictConnection,
            this::replace,
            tracker::restored);
  }

  /**
   * Builds the pool and opens one connection to prove the database is there, so a wrong URL fails
   * here, within the connect timeout plus HikariCP's one-second retry pause, instead of in every
   * test. On that connection the capacity pre-flight reads what the server has free for this pool
   * and shrinks it (or fails) accordingly.
   *
   * @throws PoolGuardException naming the database and the fix
   */
  static SharedPool open(PoolSettings requested, String poolName) {
    SettingsResolver resolver = SettingsResolver.ofProcess();
    LeakReporting leakReporting = resolver.leakReporting();
    HygieneMode hygieneMode = resolver.hygiene();
    PoolSettings settings =
        requested.hasBudget() && requested.budget() < requested.maxPoolSize()
            ? requested.withMaxPoolSize(requested.budget())
            : requested;
    ConnectionBudget budget =
        settings.hasBudget()
            ? new ConnectionBudget(settings.url().kind(), settings.budget())
            : null;
    PhysicalConnections connections =
        PhysicalConnections.forSettings(settings, ApplicationName.of(poolName), budget);
    HikariConfig config = new HikariConfig();
    config.setPoolName(poolName);
    config.setDataSource(connections);
    config.setMaximumPoolSize(settings.maxPoolSize());
    // Connections are opened on demand: a suite that never borrows costs the server nothing.
    config.setMinimumIdle(0);
    if (budget != null) {
      // HikariCP's shortest idle timeout: a budget slot nobody uses goes back to the others soon.
      config.setIdleTimeout(10_000);
    }
    config.setConnectionTimeout(settings.acquireTimeout().toMillis());
    // One attempt at start-up (HikariCP's default) is the fail-fast check described above.
    config.setInitializationFailTimeout(1);
    HikariDataSource hikari;
    try {
      hikari = new HikariDataSource(config);
    } catch (PoolInitializationException e) {
      throw startFailure(settings, e, e.getCause());
    }
    PoolSettings sized;
    try {
      sized = CapacityPreflight.apply(settings, preflight(hikari, settings));
    } catch (PoolGuardException e) {
      hikari.close();
      throw e;
    }
    if (sized.maxPoolSize() < settings.maxPoolSize()) {
      hikari.setMaximumPoolSize(sized.maxPoolSize());
    }
    return new SharedPool(
        sized,
        hikari,
        budget,
        new BorrowTracker(
            poolName, sized.maxPoolSize(), sized.leakThreshold(), leakReporting.leaks()),
        leakReporting,
        hygieneMode);
  }

  /**
   * Reads the capacity on the connection HikariCP just opened (it is idle in the pool). A session
   * the server ended meanwhile (a failover, an idle-session killer) is evicted and the read made on
   * another, as often as the pool has connections.
   */
  private static CapacityPreflight.@Nullable Capacity preflight(
      HikariDataSource hikari, PoolSettings settings) {
    for (int ended = 0; ; ended++) {
      Connection first = null;
      try {
        first = hikari.getConnection();
        try (Connection open = first) {
          return CapacityPreflight.read(open, settings);
        }
      } catch (SQLException e) {
        if (first == null || !ServerEnded.is(e) || ended >= settings.maxPoolSize()) {
          throw startFailure(settings, e, e);
        }
        hikari.evictConnection(first);
      }
    }
  }

  /**
   * Why the pool could not start: a full server or budget (HikariCP's last failure then) says so in
   * its own message; anything else is a server that cannot be reached.
   */
  private static PoolGuardException startFailure(
      PoolSettings settings, Exception failure, @Nullable Throwable cause) {
    CapacityException capacity = CapacityException.in(failure);
    return capacity != null
        ? new PoolGuardException(String.valueOf(capacity.getMessage()), capacity)
        : new PoolGuardException(FailureMessages.cannotConnect(settings, failure), cause);
  }

  /**
   * Borrows a connection, waiting at most the acquire timeout.
   *
   * @throws SQLTransientConnectionException when none becomes free in time, naming the holders
   */
  Connection borrow() throws SQLException {
    tracker.beforeBorrow();
    try {
      Connection pooled = liveConnection();
      BorrowSite site = BorrowSite.here();
      Connection given = budget == null ? pooled : returnedOrRetired(pooled, budget);
      return tracker.track(guarded(given, pooled, site), site);
    } catch (SQLTransientConnectionException e) {
      // HikariCP's own "request timed out" message names neither the holders nor the fix.
      tracker.acquireTimedOut();
      int held = tracker.heldCount();
      CapacityException capacity = CapacityException.in(e);
      String message =
          held >= settings.maxPoolSize()
              ? FailureMessages.exhausted(settings, held, tracker.holders())
              : capacity != null
                  ? String.valueOf(capacity.getMessage())
                  : FailureMessages.lostConnection(settings, e);
      // HikariCP's time-out carries no SQLState when the pool was merely full; tests that branch on
      // getSQLState() (as JDBC code does) must not meet a null: 08001, "unable to connect".
      String sqlState = e.getSQLState() != null ? e.getSQLState() : UNABLE_TO_CONNECT;
      throw new SQLTransientConnectionException(message, sqlState, e.getCause());
    }
  }

  /**
   * A connection from the pool whose session the server has not ended while it was idle (a
   * failover, an idle-session killer, a pooler restart): one it has is evicted, and the pool is
   * asked again. HikariCP checks only connections idle for longer than half a second itself.
   */
  private Connection liveConnection() throws SQLException {
    Connection pooled = hikari.getConnection();
    // Each dead one is evicted, so the pool runs out of them: bounded by the pool size.
    for (int dead = 0; !hygiene.isLive(pooled) && dead <= settings.maxPoolSize(); dead++) {
      tracker.replacedDead();
      hikari.evictConnection(pooled);
      pooled = hikari.getConnection();
    }
    return pooled;
  }

  /** A live connection for a borrow whose session the server ended: the dead one is evicted. */
  private SessionHygiene.Pooled replace(Connection ended) throws SQLException {
    tracker.replacedDead();
    hikari.evictConnection(ended);
    Connection pooled = liveConnection();
    return new SessionHygiene.Pooled(
        budget == null ? pooled : returnedOrRetired(pooled, budget), pooled);
  }

  /** The session hygiene's layer, or on failure to read the baseline, nothing kept out. */
  private Connection guarded(Connection given, Connection pooled, BorrowSite site)
      throws SQLException {
    try {
      return hygiene.guard(given, pooled, site);
    } catch (SQLException e) {
      given.close();
      throw e;
    }
  }

  /**
   * With a budget, a connection given back while this JVM holds more than its share of a full
   * budget is closed instead of kept, so its slot goes to a JVM that has none.
   */
  private Connection returnedOrRetired(Connection pooled, ConnectionBudget budget) {
    return ConnectionProxy.of(
        pooled,
        "PoolGuard connection under the budget",
        (target, ending) -> {
          if (ending.isClose() && !target.isClosed() && budget.shouldRetire(target)) {
            hikari.evictConnection(target);
          } else {
            ending.apply(target);
          }
        });
  }

  PoolStats stats() {
    HikariPoolMXBean live = hikari.getHikariPoolMXBean();
    return tracker.snapshot(live.getIdleConnections(), live.getThreadsAwaitingConnection());
  }

  /**
   * The session report of this pool: the report line (with where the timeline picture went, when
   * one was written) and the suspected leaks by test.
   */
  List<String> sessionReport(Duration wallTime, int consumers) {
    PoolStats stats = stats();
    List<Leak> leaks = tracker.leaks();
    String line =
        SessionReport.line(settings, stats, wallTime, consumers)
            + SessionReport.hygiene(hygiene.restoredByKind(), tracker.deadReplaced());
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
