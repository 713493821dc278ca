package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.poolguard.runtime.PoolStats;
import dev.poolguard.runtime.SharedTestDataSource;
import java.io.Closeable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.PGConnection;

@Timeout(60)
class SharedTestDataSourceTest {
  private static final int THREADS = 16;

  @Test
  void sixteenThreadsAtFirstUseGetOnePoolAndTheServerSeesAtMostItsSize() throws Exception {
    // A lifecycle of its own, so this really is the first use, whatever ran before in this JVM.
    SharedPoolLifecycle lifecycle = new SharedPoolLifecycle(TestDatabases::postgres);
    DataSource view = new SharedDataSourceView(lifecycle);
    Set<SharedPool> pools = ConcurrentHashMap.newKeySet();
    CyclicBarrier start = new CyclicBarrier(THREADS);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger serverPeak = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(THREADS + 1);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        workers.add(
            executor.submit(
                () -> {
                  start.await();
                  pools.add(lifecycle.pool());
                  for (int round = 0; round < 5; round++) {
                    try (Connection connection = view.getConnection();
                        Statement statement = connection.createStatement()) {
                      statement.execute("select pg_sleep(0.02)");
                    }
                  }
                  return null;
                }));
      }
      Future<?> sampler =
          executor.submit(
              () -> {
                while (running.get()) {
                  SharedPool pool = lifecycle.currentIfOpen();
                  if (pool != null) {
                    serverPeak.accumulateAndGet(
                        TestDatabases.postgresSessions(pool.stats().poolName()), Math::max);
                  }
                  Thread.sleep(5);
                }
                return null;
              });
      for (Future<?> worker : workers) {
        worker.get(30, TimeUnit.SECONDS);
      }
      running.set(false);
      sampler.get(10, TimeUnit.SECONDS);

      assertEquals(1, pools.size(), "every thread got the same pool");
      PoolStats stats = lifecycle.stats();
      assertEquals(THREADS * 5, stats.borrows());
      assertTrue(stats.peakInUse() <= 3, "peak in use " + stats.peakInUse());
      assertTrue(
          serverPeak.get() >= 1 && serverPeak.get() <= 3, "server-side peak " + serverPeak.get());
      System.out.println(
          "16 threads at first use: server-side peak "
              + serverPeak.get()
              + " (pg_stat_activity), "
              + stats);
    } finally {
      running.set(false);
      executor.shutdownNow();
      lifecycle.closeAndReport();
    }
  }

  @Test
  void getReturnsOneViewThatCannotBeClosedOrUnwrappedToThePool() throws SQLException {
    DataSource dataSource = SharedTestDataSource.get();
    assertSame(dataSource, SharedTestDataSource.get());
    assertFalse(dataSource instanceof AutoCloseable);
    assertFalse(dataSource instanceof Closeable);
    assertFalse(dataSource.isWrapperFor(HikariDataSource.class));
    SQLException refused =
        assertThrows(SQLException.class, () -> dataSource.unwrap(HikariDataSource.class));
    assertTrue(
        String.valueOf(refused.getMessage()).contains("does not hand out its pool"),
        refused.getMessage());
    assertSame(dataSource, dataSource.unwrap(DataSource.class));
    assertThrows(SQLException.class, () -> dataSource.getConnection("someone", "else"));
    assertThrows(SQLException.class, () -> dataSource.setLoginTimeout(60));
    assertEquals(5, dataSource.getLoginTimeout());
    try (Connection connection = dataSource.getConnection()) {
      assertTrue(connection.isWrapperFor(PGConnection.class), "connections unwrap to driver types");
    }
  }

  // The connections are held, not used: the stats count them as in use.
  @SuppressWarnings("try")
  @Test
  void statsCountTheCallersBorrows() throws SQLException {
    long before = SharedTestDataSource.stats().borrows();
    try (Connection first = SharedTestDataSource.get().getConnection();
        Connection second = SharedTestDataSource.get().getConnection()) {
      assertTrue(SharedTestDataSource.stats().inUse() >= 2);
    }
    PoolStats after = SharedTestDataSource.stats();
    assertTrue(after.borrows() >= before + 2);
    assertTrue(after.peakInUse() >= 2);
    assertEquals(3, after.maximumPoolSize());
  }

  // The borrow itself is what is counted; the connection is not used.
  @SuppressWarnings("try")
  @Test
  void closingWhileOtherThreadsBorrowNeverFailsABorrow() throws Exception {
    SharedPoolLifecycle lifecycle = new SharedPoolLifecycle(TestDatabases::postgres);
    DataSource view = new SharedDataSourceView(lifecycle);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger borrows = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> borrowers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        borrowers.add(
            executor.submit(
                () -> {
                  while (running.get()) {
                    try (Connection connection = view.getConnection()) {
                      borrows.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (int i = 0; i < 3; i++) {
        Thread.sleep(100);
        lifecycle.closeAndReport();
        lifecycle.closeAndReport();
      }
      running.set(false);
      for (Future<?> borrower : borrowers) {
        borrower.get(20, TimeUnit.SECONDS);
      }
      assertTrue(borrows.get() > 0);
    } finally {
      running.set(false);
      executor.shutdownNow();
      lifecycle.closeAndReport();
    }
  }
}
