package com.acme.violations;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.SharedTestDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Borrows connections and never gives them back: three such leaks and the shared pool (3) is dry. */
class ConnectionLeakTest {
  private static final DataSource DATA_SOURCE = SharedTestDataSource.get();
  private Connection perTest;

  @BeforeEach
  void setUp() throws SQLException {
    perTest = DATA_SOURCE.getConnection(); // TestConnectionLeak: field (fix: closed in tearDown)
  }

  @AfterEach
  void tearDown() throws SQLException {
    perTest.clearWarnings();
  }

  @Test
  void poolAnswers() throws SQLException {
    assertTrue(DATA_SOURCE.getConnection().isValid(1)); // TestConnectionLeak: discarded (fix: try-with-resources)
  }

  @Test
  void readsOneRow() throws SQLException {
    Connection connection = DATA_SOURCE.getConnection(); // TestConnectionLeak: local (fix: try-with-resources)
    ResultSet rows = connection.createStatement().executeQuery("select 1");
    assertTrue(rows.next());
    assertTrue(perTest.isValid(1));
  }
}
