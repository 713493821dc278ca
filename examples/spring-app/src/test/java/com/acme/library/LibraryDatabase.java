package com.acme.library;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Creates the suite's database and its role, limited to {@value #CONNECTION_LIMIT} connections (one
 * Boot-built pool alone wants 10), when the launcher session opens, and drops them when it ends.
 * Idempotent: a run that died half-way leaves nothing in the next one's way.
 */
public final class LibraryDatabase implements LauncherSessionListener {
  static final int CONNECTION_LIMIT = 5;
  private static final String ADMIN_URL =
      System.getProperty(
          "library.admin.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private static int openSessions;

  public LibraryDatabase() {}

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    synchronized (LibraryDatabase.class) {
      if (openSessions++ > 0) {
        return;
      }
    }
    dropDatabaseAndRole();
    administer(
        "create role spring_app login password 'spring-app-demo-secret' connection limit "
            + CONNECTION_LIMIT);
    administer("create database spring_app owner spring_app");
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    synchronized (LibraryDatabase.class) {
      if (--openSessions > 0) {
        return;
      }
    }
    dropDatabaseAndRole();
  }

  private static void dropDatabaseAndRole() {
    // "with (force)" ends the suite's own pool connections, should any outlive the session.
    administer("drop database if exists spring_app with (force)");
    administer("drop role if exists spring_app");
  }

  // An administrative login that creates the role the application connects as; not a test client.
  @SuppressWarnings("PerTestDatabaseClient")
  private static void administer(String sql) {
    try (Connection admin = DriverManager.getConnection(ADMIN_URL);
        Statement statement = admin.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot prepare the example database (" + sql + ") through -Dlibrary.admin.url", e);
    }
  }
}
