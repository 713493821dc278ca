package com.acme.base;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.SharedTestDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A subclass: its base class's teardown closes what it assigns. */
class InvoiceDatabaseTest extends AbstractDatabaseTest {
  private static final Connection HELD_FOR_THE_CLASS;
  private Connection own;

  static {
    try {
      // BUG: Diagnostic contains: field never closed in teardown
      HELD_FOR_THE_CLASS = SharedTestDataSource.get().getConnection();
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @BeforeEach
  void reopen() throws SQLException {
    reopened = dataSource.getConnection();
    // BUG: Diagnostic contains: field never closed in teardown
    own = dataSource.getConnection();
  }

  @Test
  void usesTheBaseConnection() throws SQLException {
    assertTrue(connection.isValid(1) && reopened.isValid(1) && own.isValid(1));
    assertTrue(HELD_FOR_THE_CLASS.isValid(1));
  }

  @Test
  void pollsUntilValid() throws Exception {
    for (int attempt = 0; attempt < 3; attempt++) {
      // BUG: Diagnostic contains: discarded without being closed
      if (dataSource.getConnection().isValid(1)) {
        break;
      }
    }
  }
}
