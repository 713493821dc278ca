package com.acme.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.SharedTestDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Realistic JUnit 5 repository tests: leaks and correct borrows side by side. */
class OrderRepositoryTest {
  private final DataSource dataSource = SharedTestDataSource.get();
  private final List<Connection> opened = new ArrayList<>();
  private final Map<String, Connection> byTenant = new HashMap<>();

  @Test
  void insertsRowWithoutClosing() throws Exception {
    // BUG: Diagnostic contains: local variable never closed
    Connection conn = dataSource.getConnection();
    PreparedStatement ps = conn.prepareStatement("insert into orders(id) values (?)");
    ps.setLong(1, 42L);
    ps.executeUpdate();
  }

  @Test
  void insertsRowInTryWithResources() throws Exception {
    try (Connection conn = dataSource.getConnection();
        PreparedStatement ps = conn.prepareStatement("insert into orders(id) values (?)")) {
      ps.setLong(1, 43L);
      ps.executeUpdate();
    }
  }

  @Test
  void borrowsInALoopWithTryWithResources() throws Exception {
    for (int i = 0; i < 5; i++) {
      try (Connection conn = dataSource.getConnection()) {
        assertTrue(conn.isValid(1));
      }
    }
  }

  @Test
  void closesInFinally() throws Exception {
    Connection conn = dataSource.getConnection();
    try {
      conn.setAutoCommit(false);
      conn.rollback();
    } finally {
      conn.close();
    }
  }

  @Test
  void handsTheConnectionToAHelper() throws Exception {
    int count = countRows(dataSource.getConnection(), "orders");
    assertThat(count).isNotNegative();
  }

  @Test
  void assertsOnAFreshConnection() throws Exception {
    // BUG: Diagnostic contains: discarded without being closed
    assertThat(dataSource.getConnection().isValid(2)).isTrue();
  }

  @AfterEach
  void cleanTable() throws Exception {
    // BUG: Diagnostic contains: discarded without being closed
    dataSource.getConnection().prepareStatement("delete from orders").executeUpdate();
  }

  @Test
  void passesTheConnectionToTheRepository() throws Exception {
    Connection c = dataSource.getConnection();
    c.setAutoCommit(false);
    new Repository(c).save(7L);
    c.rollback();
  }

  @Test
  void borrowsInAnExecutorTask() throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    executor
        .submit(
            () -> {
              try (Connection c = dataSource.getConnection()) {
                return c.isValid(1);
              }
            })
        .get();
    executor.shutdown();
  }

  @Test
  void leaksInAForEachLambda() {
    IntStream.range(0, 3)
        .forEach(
            i -> {
              try {
                // BUG: Diagnostic contains: discarded without being closed
                dataSource.getConnection();
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  @Test
  void leaksInAnAnonymousRunnable() throws Exception {
    Thread worker =
        new Thread(
            new Runnable() {
              @Override
              public void run() {
                try {
                  // BUG: Diagnostic contains: local variable never closed
                  Connection c = dataSource.getConnection();
                  c.createStatement().execute("select 1");
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              }
            });
    worker.start();
    worker.join();
  }

  @Test
  void keepsConnectionsInAListClosedAfterEach() throws Exception {
    opened.add(dataSource.getConnection());
    byTenant.put("acme", dataSource.getConnection());
  }

  @AfterEach
  void closeOpened() throws Exception {
    for (Connection c : opened) {
      c.close();
    }
    for (Connection c : byTenant.values()) {
      c.close();
    }
  }

  @Test
  void expectsExhaustion() {
    assertThrows(SQLTransientConnectionException.class, dataSource::getConnection);
    assertThrows(SQLException.class, () -> dataSource.getConnection());
  }

  @Test
  void leaksInALoop() throws Exception {
    for (int i = 0; i < 3; i++) {
      // BUG: Diagnostic contains: local variable never closed
      Connection c = dataSource.getConnection();
      assertTrue(c.isValid(1));
    }
  }

  @Test
  void leaksAVarLocal() throws Exception {
    // BUG: Diagnostic contains: local variable never closed
    var conn = dataSource.getConnection();
    conn.createStatement().executeUpdate("update orders set state = 'new'");
  }

  @Test
  void assertsTheConnectionIsOpen() throws Exception {
    // BUG: Diagnostic contains: local variable never closed
    Connection conn = dataSource.getConnection();
    assertFalse(conn.isClosed());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void leaksPerParameter(int id) throws Exception {
    // BUG: Diagnostic contains: local variable never closed
    Connection conn = SharedTestDataSource.get().getConnection();
    ResultSet rs = conn.createStatement().executeQuery("select * from orders where id = " + id);
    assertThat(rs.next()).isFalse();
  }

  @Test
  void sharedPoolInsideAnAssertion() throws Exception {
    // BUG: Diagnostic contains: discarded without being closed
    assertTrue(SharedTestDataSource.get().getConnection().isValid(1));
  }

  @Test
  void closesOneOfTwo() throws Exception {
    Connection first = dataSource.getConnection();
    // BUG: Diagnostic contains: into 'second': local variable never closed
    Connection second = dataSource.getConnection();
    assertTrue(second.isValid(1));
    first.close();
  }

  @Test
  void unwrapsWithoutClosing() throws Exception {
    // BUG: Diagnostic contains: local variable never closed
    Connection c = dataSource.getConnection();
    assertThat(c.unwrap(Connection.class)).isNotNull();
  }

  @Test
  void closesThroughStaticHelper() throws Exception {
    Connection c = dataSource.getConnection();
    c.setReadOnly(true);
    closeQuietly(c);
  }

  @BeforeEach
  void checkPool() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      assertTrue(c.isValid(1));
    }
  }

  private static int countRows(Connection connection, String table) throws SQLException {
    try (connection;
        ResultSet rs = connection.createStatement().executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // nothing to do in a test
    }
  }

  static final class Repository {
    private final Connection connection;

    Repository(Connection connection) {
      this.connection = connection;
    }

    void save(long id) throws SQLException {
      try (PreparedStatement ps = connection.prepareStatement("insert into orders(id) values (?)")) {
        ps.setLong(1, id);
        ps.executeUpdate();
      }
    }
  }
}
