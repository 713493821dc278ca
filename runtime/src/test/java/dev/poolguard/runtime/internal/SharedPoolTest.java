package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.PoolStats;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SharedPoolTest {
  private static int selectOne(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select 1")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void borrowsFromPostgresMariadbAndH2() throws SQLException {
    PoolSettings[] all = {
      TestDatabases.postgres(),
      TestDatabases.settings("url", TestDatabases.MARIADB_URL, "user", TestDatabases.MARIADB_USER),
      TestDatabases.settings("url", "jdbc:h2:mem:poolguard-shared-pool-test;DB_CLOSE_DELAY=-1")
    };
    for (PoolSettings settings : all) {
      SharedPool pool = SharedPool.open(settings, "poolguard-test-borrow");
      try (Connection connection = pool.borrow()) {
        assertEquals(1, selectOne(connection), settings.describeTarget());
      } finally {
        pool.close();
      }
      assertEquals(1, pool.stats().borrows());
      assertEquals(0, pool.stats().inUse());
    }
  }

  @Test
  void postgresSeesThePoolNameAsApplicationName() throws SQLException {
    SharedPool pool = SharedPool.open(TestDatabases.postgres(), "poolguard-test-appname");
    try (Connection connection = pool.borrow();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select current_setting('application_name')")) {
      rs.next();
      // The pool name, then host and run: who is who in pg_stat_activity.
      assertTrue(rs.getString(1).startsWith("poolguard-test-appname "), rs.getString(1));
    } finally {
      pool.close();
    }
  }

  @Test
  void exhaustedPoolFailsWithinTheAcquireTimeoutNamingHoldersAndTheFix() throws Exception {
    SharedPool pool =
        SharedPool.open(
            TestDatabases.postgres("maxPoolSize", "2", "acquireTimeout", "1"),
            "poolguard-test-exhausted");
    CountDownLatch bothHeld = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    Thread[] holders = new Thread[2];
    for (int i = 0; i < holders.length; i++) {
      holders[i] = new Thread(() -> holdUntilReleased(pool, bothHeld, release), "holder-" + i);
      holders[i].start();
    }
    try {
      assertTrue(bothHeld.await(10, TimeUnit.SECONDS));
      long start = System.nanoTime();
      SQLTransientConnectionException e =
          assertThrows(SQLTransientConnectionException.class, pool::borrow);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(took.compareTo(Duration.ofSeconds(1 + 3)) < 0, "took " + took.toMillis() + " ms");
      String message = String.valueOf(e.getMessage());
      for (String fragment :
          new String[] {
            "the shared pool has 2 connections and 2 are held",
            "thread 'holder-0'",
            "thread 'holder-1'",
            "SharedPoolTest.holdUntilReleased(SharedPoolTest.java",
            "Fix:",
            "try-with-resources",
            "poolguard.maxPoolSize"
          }) {
        assertTrue(message.contains(fragment), () -> "missing '" + fragment + "' in: " + message);
      }
      // JDBC code branches on the SQLState; the full pool's has one (HikariCP's alone has none).
      assertEquals("08001", e.getSQLState());
      PoolStats stats = pool.stats();
      assertEquals(1, stats.acquireTimeouts());
      assertEquals(1, stats.waits());
      assertEquals(2, stats.peakInUse());
    } finally {
      release.countDown();
      for (Thread holder : holders) {
        holder.join();
      }
      pool.close();
    }
  }

  // The connection is held, not used, until the test releases it.
  @SuppressWarnings("try")
  private static void holdUntilReleased(
      SharedPool pool, CountDownLatch held, CountDownLatch release) {
    try (Connection connection = pool.borrow()) {
      held.countDown();
      release.await();
    } catch (SQLException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void statsShowIdleConnectionsAndBorrowsWaitingForOne() throws Exception {
    SharedPool pool =
        SharedPool.open(
            TestDatabases.settings(
                "url",
                "jdbc:h2:mem:poolguard-shared-pool-idle;DB_CLOSE_DELAY=-1",
                "maxPoolSize",
                "1"),
            "poolguard-test-idle");
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> holdUntilReleased(pool, held, release), "holder");
    Thread waiter = new Thread(() -> holdUntilReleased(pool, new CountDownLatch(1), release));
    try {
      assertEquals(1, pool.stats().idle(), "the start-up check's connection stays open, idle");
      holder.start();
      assertTrue(held.await(10, TimeUnit.SECONDS));
      waiter.start();
      while (pool.stats().waiting() == 0) {
        assertTrue(waiter.isAlive(), "the second borrow waits for the only connection");
        Thread.sleep(5);
      }
      assertEquals(1, pool.stats().inUse());
      assertEquals(0, pool.stats().idle());
    } finally {
      release.countDown();
      holder.join();
      waiter.join();
    }
    try {
      assertEquals(0, pool.stats().waiting());
      assertEquals(1, pool.stats().idle(), "both borrows went back; the connection stays open");
    } finally {
      pool.close();
    }
  }

  @Test
  void connectionsHeldBeyondTheLeakThresholdAreCounted() throws Exception {
    SharedPool pool =
        SharedPool.open(TestDatabases.postgres("leakDetection", "100ms"), "poolguard-test-leak");
    try {
      Connection leaked = pool.borrow();
      Thread.sleep(300);
      assertEquals(1, pool.stats().suspectedLeaks(), "still held past the threshold");
      leaked.close();
      leaked.close();
      assertEquals(1, pool.stats().suspectedLeaks(), "returned late counts once");
      assertEquals(0, pool.stats().inUse(), "a second close does not count twice");
    } finally {
      pool.close();
    }
  }

  @Test
  void closeIsIdempotent() {
    SharedPool pool = SharedPool.open(TestDatabases.postgres(), "poolguard-test-close");
    pool.close();
    pool.close();
    assertTrue(pool.isClosed());
  }
}
