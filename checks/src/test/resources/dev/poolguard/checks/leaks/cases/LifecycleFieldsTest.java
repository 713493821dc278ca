package com.acme.lifecycle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.SharedTestDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Fields holding connections across a lifecycle, closed in teardown or not. */
class LifecycleFieldsTest {
  private static final DataSource DS = SharedTestDataSource.get();

  private static Connection classConnection;
  private static Connection neverClosed;
  private Connection perTest;
  private Connection guarded;
  private Connection onlyRolledBack;
  private Connection closedInTest;

  @BeforeAll
  static void openClassConnection() throws SQLException {
    classConnection = DS.getConnection();
    // BUG: Diagnostic contains: field never closed in teardown
    neverClosed = DS.getConnection();
  }

  @AfterAll
  static void closeClassConnection() throws SQLException {
    if (classConnection != null && !classConnection.isClosed()) {
      classConnection.close();
    }
  }

  @BeforeEach
  void open() throws SQLException {
    perTest = DS.getConnection();
    guarded = DS.getConnection();
    // BUG: Diagnostic contains: field never closed in teardown
    onlyRolledBack = DS.getConnection();
  }

  @AfterEach
  void close() throws SQLException {
    perTest.close();
    if (guarded != null) {
      guarded.close();
    }
    onlyRolledBack.rollback();
  }

  @Test
  void usesThem() throws SQLException {
    assertTrue(perTest.isValid(1));
    assertTrue(classConnection.isValid(1));
    assertTrue(neverClosed.isValid(1));
  }

  @Test
  void closesItsOwnField() throws SQLException {
    closedInTest = DS.getConnection();
    try {
      assertTrue(closedInTest.isValid(1));
    } finally {
      closedInTest.close();
    }
  }

  @Nested
  class WithItsOwnConnection {
    private Connection nested;
    private Connection nestedLeak;

    @BeforeEach
    void openNested() throws SQLException {
      nested = DS.getConnection();
      // BUG: Diagnostic contains: field never closed in teardown
      nestedLeak = DS.getConnection();
    }

    @AfterEach
    void closeNested() throws SQLException {
      nested.close();
    }

    @Test
    void usesIt() throws SQLException {
      assertTrue(nested.isValid(1) && nestedLeak.isValid(1));
    }
  }
}
