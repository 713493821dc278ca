package com.acme.violations;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.poolguard.runtime.SharedTestDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One pool per test class, and a raw connection per test: the pattern that exhausts the server. */
class PerClassPoolTest {
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static DataSource dataSource;

  @BeforeAll
  static void setUp() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(URL);
    dataSource = SharedTestDataSource.get(); // PerTestDatabaseClient (fix: SharedTestDataSource.get())
  }

  @Test
  void countsRows() throws Exception {
    try (Connection connection = SharedTestDataSource.get().getConnection()) { // fixable too
      connection.createStatement().executeQuery("select 1");
    }
  }

  @AfterAll
  static void tearDown() {
     // closes this class's own pool: allowed
  }
}
