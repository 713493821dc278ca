package dev.poolguard.spring.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Creates the suite's PostgreSQL role (connection limit {@value #CONNECTION_LIMIT}, below the 10
 * one Boot-built pool alone would open) and its two databases when the outermost launcher session
 * opens, and drops them when it ends. The URL, user and password are published as system properties
 * that {@code application.properties} refers to.
 */
public final class SpringTestDatabases implements LauncherSessionListener {
  public static final int CONNECTION_LIMIT = 5;
  public static final String ROLE = "spring_sp_role";
  public static final String PASSWORD = "Spring-Sp-Secret-41c9";
  public static final String DATABASE = "spring_sp_app";
  public static final String OTHER_DATABASE = "spring_sp_other";

  static final String ADMIN_URL =
      System.getProperty("poolguard.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String ADMIN_USER = System.getProperty("poolguard.test.postgres.user", "postgres");

  private static int openSessions;

  public SpringTestDatabases() {}

  public static String url(String database) {
    return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + database;
  }

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    synchronized (SpringTestDatabases.class) {
      if (openSessions++ > 0) {
        return;
      }
    }
    dropAll();
    run(
        "create role "
            + ROLE
            + " login password '"
            + PASSWORD
            + "' connection limit "
            + CONNECTION_LIMIT);
    run("create database " + DATABASE + " owner " + ROLE);
    run("create database " + OTHER_DATABASE + " owner " + ROLE);
    System.setProperty("poolguard.test.spring.url", url(DATABASE));
    System.setProperty("poolguard.test.spring.other-url", url(OTHER_DATABASE));
    System.setProperty("poolguard.test.spring.user", ROLE);
    System.setProperty("poolguard.test.spring.password", PASSWORD);
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    synchronized (SpringTestDatabases.class) {
      if (--openSessions > 0) {
        return;
      }
    }
    dropAll();
  }

  private static void dropAll() {
    // "with (force)" ends this JVM's own pool connections, should they outlive the session.
    run("drop database if exists " + DATABASE + " with (force)");
    run("drop database if exists " + OTHER_DATABASE + " with (force)");
    run("drop role if exists " + ROLE);
  }

  /** Server sessions on {@code database} whose application_name is or is not PoolGuard's. */
  public static int sessions(String database, boolean poolGuards) throws SQLException {
    try (Connection admin = admin();
        PreparedStatement statement =
            admin.prepareStatement(
                "select count(*) from pg_stat_activity where datname = ? and"
                    + " (application_name like 'poolguard-%') = ?")) {
      statement.setString(1, database);
      statement.setBoolean(2, poolGuards);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static void run(String sql) {
    try (Connection admin = admin();
        Statement statement = admin.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL at " + ADMIN_URL + " (user " + ADMIN_USER + "): " + sql + " failed", e);
    }
  }

  private static Connection admin() throws SQLException {
    return DriverManager.getConnection(ADMIN_URL, ADMIN_USER, "");
  }
}
