package dev.poolguard.bench.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * What every generated test class calls: {@link #open()} in {@code @BeforeAll}, {@link #close} in
 * {@code @AfterAll}, {@link #work} in each test. The pool style is the JVM's ({@link
 * SuiteSettings}).
 */
public final class SuiteDataSources {
  private static final SuiteSettings SETTINGS = SuiteSettings.fromSystemProperties();
  private static final String SLEEP = "SELECT pg_sleep(" + SETTINGS.sleepSeconds() + ")";
  private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36);
  private static final AtomicLong KEYS = new AtomicLong();

  private SuiteDataSources() {}

  public static DataSource open() {
    return SETTINGS.pool().open(SETTINGS);
  }

  public static void close(DataSource dataSource) {
    SETTINGS.pool().close(dataSource);
  }

  /**
   * One test's worth of work: an insert, a few milliseconds of server time, a query and an update;
   * light, an insert and a query.
   */
  public static void work(DataSource dataSource, int suite, int test) throws SQLException {
    String key = "k-" + RUN + "-" + KEYS.incrementAndGet();
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO bench_item (item_key, suite, test, qty) VALUES (?, ?, ?, 1)")) {
        insert.setString(1, key);
        insert.setInt(2, suite);
        insert.setInt(3, test);
        insert.executeUpdate();
      }
      if (!SETTINGS.light()) {
        try (PreparedStatement sleep = connection.prepareStatement(SLEEP)) {
          sleep.execute();
        }
      }
      try (PreparedStatement count =
          connection.prepareStatement(
              "SELECT COUNT(*), COALESCE(SUM(qty), 0) FROM bench_item WHERE suite = ? AND test = ?")) {
        count.setInt(1, suite);
        count.setInt(2, test);
        try (ResultSet rows = count.executeQuery()) {
          if (!rows.next() || rows.getLong(1) < 1) {
            throw new AssertionError("row " + key + " not found");
          }
        }
      }
      if (!SETTINGS.light()) {
        try (PreparedStatement update =
            connection.prepareStatement("UPDATE bench_item SET qty = qty + 1 WHERE item_key = ?")) {
          update.setString(1, key);
          if (update.executeUpdate() != 1) {
            throw new AssertionError("row " + key + " not updated");
          }
        }
      }
    }
  }
}
