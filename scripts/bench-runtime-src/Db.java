package bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.poolguard.runtime.SharedTestDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * What every generated test class does, in the two styles the benchmark compares. {@code bench.pool}
 * selects the style: {@code per-class} builds a HikariCP pool with default settings per class (as the
 * suites PoolGuard replaces do) and closes it in {@code @AfterAll}; {@code shared} borrows from
 * {@link SharedTestDataSource#get()}.
 */
public final class Db {
  private static final boolean PER_CLASS = "per-class".equals(System.getProperty("bench.pool"));
  private static final String SLEEP = "SELECT pg_sleep(" + System.getProperty("bench.sleepSeconds", "0.004") + ")";
  private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36);
  private static final AtomicLong KEYS = new AtomicLong();

  private Db() {}

  public static DataSource open() {
    if (!PER_CLASS) {
      return SharedTestDataSource.get();
    }
    HikariConfig config = new HikariConfig(); // HikariCP defaults: up to 10 connections, kept open
    config.setJdbcUrl(System.getProperty("bench.jdbcUrl"));
    config.setUsername(System.getProperty("bench.user"));
    return new HikariDataSource(config);
  }

  public static void close(DataSource dataSource) {
    if (dataSource instanceof HikariDataSource pool) {
      pool.close();
    }
  }

  /** One test's worth of work: an insert, a few milliseconds of server time, a query and an update. */
  public static void work(DataSource dataSource, int suite, int test) throws Exception {
    String key = "k-" + RUN + "-" + KEYS.incrementAndGet();
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO bench_item (item_key, suite, test, qty) VALUES (?, ?, ?, 1)")) {
        insert.setString(1, key);
        insert.setInt(2, suite);
        insert.setInt(3, test);
        insert.executeUpdate();
      }
      try (PreparedStatement sleep = connection.prepareStatement(SLEEP)) {
        sleep.execute();
      }
      try (PreparedStatement count =
          connection.prepareStatement("SELECT COUNT(*), COALESCE(SUM(qty), 0) FROM bench_item WHERE suite = ? AND test = ?")) {
        count.setInt(1, suite);
        count.setInt(2, test);
        try (ResultSet rows = count.executeQuery()) {
          if (!rows.next() || rows.getLong(1) < 1) {
            throw new AssertionError("row " + key + " not found");
          }
        }
      }
      try (PreparedStatement update = connection.prepareStatement("UPDATE bench_item SET qty = qty + 1 WHERE item_key = ?")) {
        update.setString(1, key);
        if (update.executeUpdate() != 1) {
          throw new AssertionError("row " + key + " not updated");
        }
      }
    }
  }
}
