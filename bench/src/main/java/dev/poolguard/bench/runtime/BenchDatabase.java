package dev.poolguard.bench.runtime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * The runtime benchmark's PostgreSQL database: a non-superuser role (superusers ignore {@code
 * CONNECTION LIMIT}) owning a database it may open only {@code limit} connections to, recreated on
 * every run, with the one table the suite writes.
 */
final class BenchDatabase {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final String adminUrl;
  private final String serverUrl;
  private final String role;
  private final String name;

  /**
   * @param serverUrl {@code jdbc:postgresql://host:port}
   * @param admin a superuser (trust authentication or ~/.pgpass)
   */
  BenchDatabase(String serverUrl, String admin, String role, String name) {
    this.serverUrl = serverUrl;
    this.adminUrl = serverUrl + "/postgres?user=" + admin;
    this.role = identifier("role", role);
    this.name = identifier("database", name);
  }

  String adminUrl() {
    return adminUrl;
  }

  String role() {
    return role;
  }

  String name() {
    return name;
  }

  String url() {
    return serverUrl + "/" + name;
  }

  void recreate(int limit) throws SQLException {
    try (Connection admin = DriverManager.getConnection(adminUrl);
        Statement sql = admin.createStatement()) {
      sql.execute(
          "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
              + role
              + "') THEN CREATE ROLE "
              + role
              + " LOGIN; END IF; END $$");
      sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      sql.execute("CREATE DATABASE " + name + " OWNER " + role + " CONNECTION LIMIT " + limit);
    } catch (SQLException e) {
      throw new SQLException(
          "cannot set up the benchmark database through "
              + adminUrl
              + " (set PGHOST, PGPORT, PGADMIN to a superuser PostgreSQL accepts): "
              + e.getMessage(),
          e);
    }
    try (Connection owner = DriverManager.getConnection(url() + "?user=" + role);
        Statement sql = owner.createStatement()) {
      sql.execute(
          "CREATE TABLE bench_item (id BIGSERIAL PRIMARY KEY, item_key VARCHAR(64) NOT NULL UNIQUE,"
              + " suite INT NOT NULL, test INT NOT NULL, qty INT NOT NULL)");
      sql.execute("CREATE INDEX ON bench_item (suite, test)");
    }
  }

  /** Waits up to 5 s for the server to show no session on the database (a mode's pools closed). */
  void awaitDrained() throws SQLException, InterruptedException {
    try (Connection admin = DriverManager.getConnection(adminUrl);
        PreparedStatement count =
            admin.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = ?")) {
      count.setString(1, name);
      for (int i = 0; i < 50; i++) {
        try (ResultSet rows = count.executeQuery()) {
          rows.next();
          if (rows.getInt(1) == 0) {
            return;
          }
        }
        Thread.sleep(100);
      }
    }
  }

  private static String identifier(String what, String value) {
    if (!IDENTIFIER.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "the benchmark "
              + what
              + " name '"
              + value
              + "' is not a plain lower-case PostgreSQL identifier ([a-z_][a-z0-9_]*): choose one");
    }
    return value;
  }
}
