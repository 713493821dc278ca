package com.acme.violations;

import com.zaxxer.hikari.HikariDataSource;
import dev.poolguard.runtime.SharedTestDataSource;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Uses the shared pool, then closes it for every class that runs after this one. */
class SharedPoolTeardownTest {
  private static final DataSource DATA_SOURCE = SharedTestDataSource.get();

  @Test
  void borrows() throws Exception {
    try (Connection connection = DATA_SOURCE.getConnection()) {
      connection.isValid(1);
    }
  }

  @AfterAll
  static void tearDown() {
     // SharedPoolClosedInTest (fix: delete)
  }
}
