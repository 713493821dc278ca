package com.acme.fixtures;

import dev.poolguard.runtime.SharedTestDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** A fixture helper in test sources without any test framework import. */
final class TestFixtures {
  private TestFixtures() {}

  static void seed() throws SQLException {
    // BUG: Diagnostic contains: local variable never closed
    Connection c = SharedTestDataSource.get().getConnection();
    c.createStatement().execute("insert into tenants(slug) values ('seed')");
  }

  static void seedCorrectly() throws SQLException {
    try (Connection c = SharedTestDataSource.get().getConnection()) {
      c.createStatement().execute("insert into tenants(slug) values ('seed')");
    }
  }
}
