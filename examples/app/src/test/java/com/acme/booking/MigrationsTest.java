package com.acme.booking;

import static org.junit.jupiter.api.Assertions.*;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class MigrationsTest {
  private final Fixtures f = new Fixtures();

  @Test
  void schemaIsAtCurrentVersion() {
    assertEquals(Migrations.VERSION, Migrations.currentVersion(f.db));
  }

  @Test
  void migratingAgainChangesNothing() {
    Migrations.migrate(f.db);
    Migrations.migrate(f.db);
    assertEquals(Migrations.VERSION, Migrations.currentVersion(f.db));
  }

  @Test
  void concurrentMigrationsTakeTurns() {
    CompletableFuture<?> a = CompletableFuture.runAsync(() -> Migrations.migrate(f.db));
    CompletableFuture<?> b = CompletableFuture.runAsync(() -> Migrations.migrate(f.db));
    assertDoesNotThrow(() -> CompletableFuture.allOf(a, b).join());
  }

  @Test
  void allTablesExist() throws Exception {
    try (Connection connection = f.db.getConnection()) {
      for (String table : new String[] {"tenant", "tour_package", "slot", "booking"}) {
        try (ResultSet rows =
            connection.createStatement().executeQuery("SELECT COUNT(*) FROM booking." + table)) {
          assertTrue(rows.next(), table);
        }
      }
    }
  }
}
