package dev.poolguard.bench.runtime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * What a failover or an idle-session killer does to a suite: every interval, the server ends every
 * session on the benchmark database ({@code pg_terminate_backend}), on a daemon thread over its own
 * administrative connection (to another database, so it never ends itself). Counts the sessions it
 * ended by what they were doing: a statement in flight ({@code active}), a transaction open between
 * statements, or idle (in the pool, or held by a test between statements).
 */
final class SessionKiller {
  private static final String KILL =
      "SELECT state, pg_terminate_backend(pid) FROM pg_stat_activity"
          + " WHERE datname = ? AND backend_type = 'client backend'";

  private final String adminUrl;
  private final String database;
  private final long intervalMillis;
  private final Thread thread;
  private final AtomicInteger ended = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger inTransaction = new AtomicInteger();
  private volatile boolean stopped;
  private volatile @Nullable SQLException failure;

  private SessionKiller(String adminUrl, String database, long intervalMillis) {
    this.adminUrl = adminUrl;
    this.database = database;
    this.intervalMillis = intervalMillis;
    this.thread = new Thread(this::run, "session-killer");
    thread.setDaemon(true);
  }

  static SessionKiller start(String adminUrl, String database, long intervalMillis) {
    SessionKiller killer = new SessionKiller(adminUrl, database, intervalMillis);
    killer.thread.start();
    return killer;
  }

  @SuppressWarnings("PerTestDatabaseClient") // the killer's own session, not the suite's client
  private void run() {
    try (Connection admin = DriverManager.getConnection(adminUrl);
        PreparedStatement kill = admin.prepareStatement(KILL)) {
      kill.setString(1, database);
      while (!stopped) {
        Thread.sleep(intervalMillis);
        try (ResultSet rs = kill.executeQuery()) {
          while (rs.next()) {
            if (rs.getBoolean(2)) {
              count(String.valueOf(rs.getString(1)));
            }
          }
        }
      }
    } catch (SQLException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void count(String state) {
    ended.incrementAndGet();
    switch (state) {
      case "active" -> inFlight.incrementAndGet();
      case "idle in transaction", "idle in transaction (aborted)" ->
          inTransaction.incrementAndGet();
      default -> {
        // idle: in the pool, or held by a test between statements
      }
    }
  }

  /** Stops and says what was ended: {@code ended=N in-flight=N in-transaction=N}. */
  String stop() throws InterruptedException, SQLException {
    stopped = true;
    thread.join();
    SQLException failed = failure;
    if (failed != null) {
      throw failed;
    }
    return "ended=" + ended + " in-flight=" + inFlight + " in-transaction=" + inTransaction;
  }
}
