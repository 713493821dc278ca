package com.acme.helpers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.SharedTestDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Helpers that hand out connections, and their callers. */
class HelpersTest {
  private final DataSource ds = SharedTestDataSource.get();

  private Connection newConnection() throws SQLException {
    return ds.getConnection();
  }

  private Connection autoCommitOff() throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    return c;
  }

  @Test
  void closesWhatTheHelperGave() throws Exception {
    try (Connection c = newConnection()) {
      assertTrue(c.isValid(1));
    }
    Connection d = autoCommitOff();
    d.rollback();
    d.close();
  }

  @Test
  void leaksWhatTheHelperGave() throws Exception {
    // BUG: Diagnostic contains: a helper that returns a borrowed resource
    newConnection().createStatement().execute("select 1");
  }

  @Test
  void leaksALocalFromTheHelper() throws Exception {
    // BUG: Diagnostic contains: local variable never closed
    Connection d = autoCommitOff();
    d.rollback();
  }

  @Test
  void leaksViaTheSupportClass() throws Exception {
    // BUG: Diagnostic contains: discarded without being closed
    assertTrue(TestDatabase.open().isValid(1));
    try (Connection c = TestDatabase.open()) {
      assertTrue(c.isValid(1));
    }
  }

  @Test
  void suppliersHandOutConnections() throws Exception {
    Callable<Connection> opener = () -> ds.getConnection();
    try (Connection c = opener.call()) {
      assertTrue(c.isValid(1));
    }
  }

  static final class TestDatabase {
    private static final DataSource DATA_SOURCE = SharedTestDataSource.get();

    static Connection open() throws SQLException {
      return DATA_SOURCE.getConnection();
    }

    static Supplier<DataSource> dataSource() {
      return () -> DATA_SOURCE;
    }
  }
}
