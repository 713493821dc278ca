package com.acme.base;

import dev.poolguard.runtime.SharedTestDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A base class that owns a per-test connection its subclasses use. */
abstract class AbstractDatabaseTest {
  protected final DataSource dataSource = SharedTestDataSource.get();
  protected Connection connection;
  protected Connection reopened;

  @BeforeEach
  void openConnection() throws SQLException {
    connection = dataSource.getConnection();
  }

  @AfterEach
  void closeConnections() throws SQLException {
    connection.close();
    if (reopened != null) {
      reopened.close();
    }
  }
}
