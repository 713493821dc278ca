package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * The server ends sessions of the shared pool (as a failover or an idle-session killer does) on
 * real PostgreSQL, on a pool of one connection: within HikariCP's half-second in which it does not
 * check a connection itself.
 */
@Timeout(60)
class LiveSessionTest {
  private SharedPool pool;

  @BeforeEach
  void open() {
    pool = SharedPool.open(TestDatabases.postgres("maxPoolSize", "1"), "poolguard-test-live");
  }

  @AfterEach
  void close() {
    pool.close();
  }

  private static int backendPid(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Ends the session as pg_terminate_backend does and waits until the server has let it go. */
  private static void terminate(int pid) throws SQLException, InterruptedException {
    try (Connection admin = TestDatabases.postgresAdmin();
        PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?)");
        PreparedStatement alive =
            admin.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
      kill.setInt(1, pid);
      kill.execute();
      alive.setInt(1, pid);
      while (true) {
        try (ResultSet rs = alive.executeQuery()) {
          rs.next();
          if (rs.getInt(1) == 0) {
            return;
          }
        }
        Thread.sleep(5);
      }
    }
  }

  @Test
  void aSessionTheServerEndedWhilePooledIsNeverHandedOut() throws Exception {
    int first;
    try (Connection connection = pool.borrow()) {
      first = backendPid(connection);
    }
    terminate(first);
    try (Connection connection = pool.borrow()) {
      assertNotEquals(first, backendPid(connection));
    }
    String report = pool.sessionReport(Duration.ofSeconds(1), 0).get(0);
    assertTrue(report.contains("dead connections replaced 1"), report);
  }

  @Test
  void aSessionEndedMidTestFailsWithAMessageNamingTheCause() throws Exception {
    try (Connection connection = pool.borrow()) {
      terminate(backendPid(connection));
      SQLException failure = assertThrows(SQLException.class, () -> backendPid(connection));
      String message = String.valueOf(failure.getMessage());
      assertTrue(message.contains("the server ended the database session"), message);
      assertTrue(message.contains("SQLState 57P01") || message.contains("SQLState 08"), message);
    }
    try (Connection connection = pool.borrow()) {
      assertTrue(backendPid(connection) > 0);
    }
  }

  private static void assertFailsSaying(String expected, Executable statement) {
    String message = String.valueOf(assertThrows(SQLException.class, statement).getMessage());
    assertTrue(message.contains(expected), message);
  }

  /** The pool's one backend, found from outside so that the borrow runs nothing of its own. */
  private static int poolBackend() throws SQLException {
    return (int)
        count(
            "SELECT pid FROM pg_stat_activity WHERE application_name LIKE"
                + " 'poolguard-test-live %' AND datname = 'test'");
  }

  @Test
  void aSessionEndedBetweenStatementsMovesTheBorrowToALiveConnection() throws Exception {
    try (Connection connection = pool.borrow();
        PreparedStatement select = connection.prepareStatement("SELECT ? + 1")) {
      select.setInt(1, 1);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
      }
      int ended = poolBackend();
      terminate(ended);
      select.setInt(1, 41);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        assertEquals(42, rs.getInt(1));
      }
      assertNotEquals(ended, poolBackend());
    }
    String report = pool.sessionReport(Duration.ofSeconds(1), 0).get(0);
    assertTrue(report.contains("dead connections replaced 1"), report);
  }

  @Test
  void aBatchIsMadeAgainOnTheNewConnection() throws Exception {
    try (Connection connection = pool.borrow();
        Statement setup = connection.createStatement()) {
      setup.execute("CREATE TABLE IF NOT EXISTS live_batch (n int)");
      setup.execute("DELETE FROM live_batch");
    }
    try (Connection connection = pool.borrow()) {
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO live_batch (n) VALUES (?)")) {
        for (int n = 1; n <= 100; n++) {
          insert.setInt(1, n);
          insert.addBatch();
        }
        terminate(poolBackend());
        insert.executeBatch();
      }
    }
    try (Connection connection = pool.borrow();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*), sum(n) FROM live_batch")) {
      rs.next();
      assertEquals(100, rs.getInt(1));
      assertEquals(5050, rs.getInt(2));
      statement.execute("DROP TABLE live_batch");
    }
  }

  @Test
  void aStatementReusedInALoopIsMadeAgainWithItsLastParameters() throws Exception {
    try (Connection connection = pool.borrow();
        Statement setup = connection.createStatement()) {
      setup.execute("CREATE TABLE IF NOT EXISTS live_loop (n int, tag text)");
      setup.execute("DELETE FROM live_loop");
    }
    try (Connection connection = pool.borrow();
        PreparedStatement insert =
            connection.prepareStatement("INSERT INTO live_loop (n, tag) VALUES (?, ?)")) {
      insert.setString(2, "loop");
      for (int n = 1; n <= 100; n++) {
        insert.setInt(1, n);
        insert.executeUpdate();
      }
      terminate(poolBackend());
      insert.setInt(1, 101);
      insert.executeUpdate();
    }
    try (Connection connection = pool.borrow();
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT count(*), sum(n), count(*) FILTER (WHERE tag = 'loop') FROM live_loop")) {
      rs.next();
      assertEquals(101, rs.getInt(1));
      assertEquals(5151, rs.getInt(2));
      assertEquals(101, rs.getInt(3));
      statement.execute("DROP TABLE live_loop");
    }
  }

  @Test
  void aStatementRunningWhenTheServerEndsTheSessionFailsAndIsNotRunAgain() throws Exception {
    try (Connection connection = pool.borrow();
        PreparedStatement sleep = connection.prepareStatement("SELECT pg_sleep(5)")) {
      Thread killer =
          new Thread(
              () -> {
                try {
                  while (count(
                          "SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
                              + " AND query LIKE 'SELECT pg_sleep%'")
                      == 0) {
                    Thread.sleep(10);
                  }
                  terminate(poolBackend());
                } catch (SQLException | InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });
      killer.start();
      // Run again, the five seconds would pass and the statement succeed.
      assertFailsSaying("the server ended the database session", sleep::execute);
      killer.join();
    }
  }

  /**
   * The server ends the session before it reads the test's next statement, and its farewell reaches
   * the socket only after PoolGuard's look (here: the backend is stopped with SIGSTOP while it is
   * told to terminate, and continued once the statement is on its way): the statement never ran, so
   * it runs once on a new connection. Needs the server on this machine and the right to signal its
   * processes (root or the server's own user), as the CI machines have.
   */
  @Test
  void aStatementTheServerNeverReadIsRunOnceOnANewConnection() throws Exception {
    try (Connection connection = pool.borrow();
        PreparedStatement select = connection.prepareStatement("SELECT ? + 1")) {
      select.setInt(1, 1);
      select.executeQuery().close();
      int ended = poolBackend();
      signal("-STOP", ended);
      try (Connection admin = TestDatabases.postgresAdmin();
          PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
        kill.setInt(1, ended);
        kill.execute();
      }
      Thread resume =
          new Thread(
              () -> {
                try {
                  Thread.sleep(300);
                  signal("-CONT", ended);
                } catch (IOException | InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });
      resume.start();
      select.setInt(1, 41);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        assertEquals(42, rs.getInt(1));
      }
      resume.join();
      assertNotEquals(ended, poolBackend());
    }
  }

  private static void signal(String signal, int pid) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", signal, Integer.toString(pid)).inheritIO().start();
    assertEquals(0, kill.waitFor(), "kill " + signal + " " + pid);
  }

  @Test
  void aSessionEndedInsideATransactionFailsNamingTheCause() throws Exception {
    try (Connection connection = pool.borrow();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute("SELECT 1");
      terminate(poolBackend());
      assertFailsSaying(
          "the server ended the database session", () -> statement.execute("SELECT 2"));
    }
  }

  @Test
  void aCommitAfterTheServerEndedTheSessionNamesTheCause() throws Exception {
    try (Connection connection = pool.borrow();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute("SELECT 1");
      terminate(poolBackend());
      assertFailsSaying("the server ended the database session", connection::commit);
    }
  }

  @Test
  void aMovedBorrowThatReadsCurrvalIsToldWhyItIsGone() throws Exception {
    try (Connection connection = pool.borrow();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS live_serial (id serial, n int)");
    }
    try (Connection connection = pool.borrow()) {
      try (Statement insert = connection.createStatement()) {
        insert.execute("INSERT INTO live_serial (n) VALUES (1)");
      }
      terminate(poolBackend());
      try (Statement read = connection.createStatement()) {
        assertFailsSaying(
            "the borrow moved to a new connection",
            () -> read.execute("SELECT currval('live_serial_id_seq')"));
      }
    } finally {
      try (Connection connection = pool.borrow();
          Statement drop = connection.createStatement()) {
        drop.execute("DROP TABLE live_serial");
      }
    }
  }

  @Test
  void borrowsThatRunOnlyInertSqlCostNoRoundTripOfTheirOwn() throws Exception {
    long before = transactions();
    for (int i = 0; i < 10; i++) {
      try (Connection connection = pool.borrow();
          Statement statement = connection.createStatement()) {
        statement.execute("SELECT 1");
      }
    }
    long used = transactionsOnceClosed() - before;
    // Ten SELECTs, the pool's start (the capacity pre-flight, one baseline): a look at the
    // session on every return would add ten.
    assertTrue(used >= 10 && used < 16, "transactions for ten borrows of SELECT 1: " + used);
  }

  @Test
  void borrowsThatChangeTheSessionCostOneLookEach() throws Exception {
    long before = transactions();
    for (int i = 0; i < 10; i++) {
      try (Connection connection = pool.borrow();
          Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_unlock_all()");
      }
    }
    long used = transactionsOnceClosed() - before;
    assertTrue(used >= 20 && used < 26, "transactions for ten borrows: " + used);
  }

  /**
   * The server's count once the pool is closed: a backend flushes its counters as it exits, and
   * only at intervals while it lives.
   */
  private long transactionsOnceClosed() throws SQLException, InterruptedException {
    pool.close();
    while (count(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE"
                + " 'poolguard-test-live %'")
        > 0) {
      Thread.sleep(10);
    }
    return transactions();
  }

  /** The test database's count, read from another database so that reading it adds nothing. */
  private static long transactions() throws SQLException {
    return count("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'test'");
  }

  private static long count(String sql) throws SQLException {
    try (Connection admin =
            DriverManager.getConnection(
                TestDatabases.POSTGRES_URL.substring(
                        0, TestDatabases.POSTGRES_URL.lastIndexOf('/') + 1)
                    + "postgres",
                TestDatabases.POSTGRES_USER,
                "");
        Statement statement = admin.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
