package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * The real servers the tests use, and settings resolved without touching the process environment.
 */
public final class TestDatabases {
  public static final String POSTGRES_URL =
      System.getProperty("poolguard.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String POSTGRES_USER =
      System.getProperty("poolguard.test.postgres.user", "postgres");
  static final String MARIADB_URL =
      System.getProperty("poolguard.test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test");
  static final String MARIADB_USER = System.getProperty("poolguard.test.mariadb.user", "root");

  private TestDatabases() {}

  /**
   * An administrative connection outside any pool, for setting up and counting server-side
   * sessions.
   */
  public static Connection postgresAdmin() {
    return connect(POSTGRES_URL, POSTGRES_USER, "");
  }

  static Connection mariadbAdmin() {
    return connect(MARIADB_URL, MARIADB_USER, "");
  }

  private static Connection connect(String url, String user, String password) {
    try {
      return DriverManager.getConnection(url, user, password);
    } catch (SQLException e) {
      return fail(
          "The test database at "
              + url
              + " (user "
              + user
              + ") is not reachable: "
              + e.getMessage()
              + ". Start PostgreSQL (127.0.0.1:5432, trust auth, database test) and MariaDB (127.0.0.1:3306, root "
              + "without password, database test), e.g. with .ci/run, or point -Dpoolguard.test.postgres.url / "
              + "-Dpoolguard.test.mariadb.url elsewhere.",
          e);
    }
  }

  /**
   * Server-side sessions of the pool named {@code applicationName}: their application_name is the
   * pool name followed by host and run.
   */
  static int postgresSessions(String applicationName) throws SQLException {
    try (Connection admin = postgresAdmin();
        Statement statement = admin.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "select count(*) from pg_stat_activity where application_name like '"
                    + applicationName
                    + " %'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  public static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /**
   * Settings as the resolver makes them from system properties {@code poolguard.*} given as pairs.
   */
  static PoolSettings settings(String... keyValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.setProperty("poolguard." + keyValues[i], keyValues[i + 1]);
    }
    return new SettingsResolver(properties, Map.of(), TestDatabases.class.getClassLoader())
        .resolve();
  }

  static PoolSettings postgres(String... extraKeyValues) {
    String[] all = new String[extraKeyValues.length + 4];
    all[0] = "url";
    all[1] = POSTGRES_URL;
    all[2] = "user";
    all[3] = POSTGRES_USER;
    System.arraycopy(extraKeyValues, 0, all, 4, extraKeyValues.length);
    return settings(all);
  }
}
