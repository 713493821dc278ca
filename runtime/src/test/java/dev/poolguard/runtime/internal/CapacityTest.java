package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.PoolGuardException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The capacity pre-flight and back-pressure against real limits: a PostgreSQL role with CONNECTION
 * LIMIT and a MariaDB user with MAX_USER_CONNECTIONS, nearly full or full of connections the test
 * holds open.
 */
class CapacityTest {
  private static final String ROLE = "jvms_capacity";
  private static final String PASSWORD = "capacity-secret-93c2";
  private static final int LIMIT = 4;

  /** A MariaDB user whose name SQL has to quote: a quote and a backslash. */
  private static final String QUOTED_USER = "cap'ty\\user";

  private final List<Connection> held = new ArrayList<>();

  @BeforeAll
  static void createRoleAndUser() throws SQLException {
    try (Connection admin = TestDatabases.postgresAdmin()) {
      TestDatabases.execute(admin, "drop role if exists " + ROLE);
      TestDatabases.execute(
          admin,
          "create role " + ROLE + " login password '" + PASSWORD + "' connection limit " + LIMIT);
    }
    try (Connection admin = TestDatabases.mariadbAdmin()) {
      TestDatabases.execute(admin, "DROP USER IF EXISTS '" + ROLE + "'@'%'");
      TestDatabases.execute(
          admin,
          "CREATE USER '"
              + ROLE
              + "'@'%' IDENTIFIED BY '"
              + PASSWORD
              + "' WITH MAX_USER_CONNECTIONS "
              + LIMIT);
      TestDatabases.execute(admin, "GRANT SELECT ON test.* TO '" + ROLE + "'@'%'");
      TestDatabases.execute(admin, "DROP USER IF EXISTS " + mariadbLiteral(QUOTED_USER) + "@'%'");
      TestDatabases.execute(
          admin,
          "CREATE USER "
              + mariadbLiteral(QUOTED_USER)
              + "@'%' IDENTIFIED BY '"
              + PASSWORD
              + "' WITH MAX_USER_CONNECTIONS "
              + LIMIT);
      TestDatabases.execute(
          admin, "GRANT SELECT ON test.* TO " + mariadbLiteral(QUOTED_USER) + "@'%'");
    }
  }

  /** Account names cannot be bind parameters of CREATE USER, so the set-up quotes them itself. */
  private static String mariadbLiteral(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  @AfterAll
  static void dropRoleAndUser() throws SQLException {
    try (Connection admin = TestDatabases.postgresAdmin()) {
      TestDatabases.execute(admin, "drop role if exists " + ROLE);
    }
    try (Connection admin = TestDatabases.mariadbAdmin()) {
      TestDatabases.execute(admin, "DROP USER IF EXISTS '" + ROLE + "'@'%'");
      TestDatabases.execute(admin, "DROP USER IF EXISTS " + mariadbLiteral(QUOTED_USER) + "@'%'");
    }
  }

  @AfterEach
  void closeHeld() throws SQLException {
    for (Connection connection : held) {
      connection.close();
    }
    held.clear();
  }

  private void hold(String url, int count) throws SQLException {
    hold(url, ROLE, count);
  }

  private void hold(String url, String user, int count) throws SQLException {
    for (int i = 0; i < count; i++) {
      held.add(DriverManager.getConnection(url, user, PASSWORD));
    }
  }

  private static PoolSettings settings(String url, String acquireTimeout) {
    return settings(url, ROLE, acquireTimeout);
  }

  private static PoolSettings settings(String url, String user, String acquireTimeout) {
    return TestDatabases.settings(
        "url", url, "user", user, "password", PASSWORD, "acquireTimeout", acquireTimeout);
  }

  /** A pool just opened, and what PoolGuard printed while opening it. */
  private record Opened(SharedPool pool, String output) {}

  private static Opened open(String url, String acquireTimeout, String poolName) {
    return open(url, ROLE, acquireTimeout, poolName);
  }

  /** Opens a pool with System.err captured (PoolGuard's own lines go there). */
  private static Opened open(String url, String user, String acquireTimeout, String poolName) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    SharedPool pool;
    try {
      pool = SharedPool.open(settings(url, user, acquireTimeout), poolName);
    } finally {
      System.setErr(original);
    }
    return new Opened(pool, captured.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aPostgresRoleNearlyFullShrinksThePoolToWhatIsFreeWithOneLine() throws Exception {
    hold(TestDatabases.POSTGRES_URL, 2);
    Opened opened = open(TestDatabases.POSTGRES_URL, "2", "poolguard-cap-pg");
    SharedPool pool = opened.pool();
    String output = opened.output();
    try {
      assertEquals(2, pool.settings().maxPoolSize());
      assertEquals(
          1, output.lines().filter(l -> l.contains("capacity pre-flight")).count(), output);
      assertTrue(output.contains("role " + ROLE + ": CONNECTION LIMIT 4, 3 in use"), output);
      assertTrue(output.contains("shrunk to 2"), output);
      assertFalse(output.contains(PASSWORD), output);
    } finally {
      pool.close();
    }
  }

  @Test
  void aPostgresRoleAtItsLimitIsAskedAgainThenFailsOnceWithTheNumbers() throws Exception {
    hold(TestDatabases.POSTGRES_URL, LIMIT);
    PoolGuardException e =
        assertThrows(
            PoolGuardException.class,
            () -> SharedPool.open(settings(TestDatabases.POSTGRES_URL, "1"), "poolguard-cap-full"));
    String message = String.valueOf(e.getMessage());
    assertTrue(message.contains("too many connections for role \"" + ROLE + "\""), message);
    assertTrue(message.matches("(?s).*refused \\d+ connection attempts in .*"), message);
    assertTrue(message.contains("acquire timeout 1 s, pool size 3"), message);
    assertFalse(message.contains(PASSWORD), message);
  }

  @Test
  void aPostgresRoleWithRoomKeepsThePoolAsConfiguredAndSaysNothing() throws Exception {
    Opened opened = open(TestDatabases.POSTGRES_URL, "2", "poolguard-cap-room");
    SharedPool pool = opened.pool();
    String output = opened.output();
    try {
      assertEquals(3, pool.settings().maxPoolSize());
      assertFalse(output.contains("capacity pre-flight"), output);
    } finally {
      pool.close();
    }
  }

  @Test
  void aMariadbUserNearlyAtMaxUserConnectionsShrinksThePool() throws Exception {
    hold(TestDatabases.MARIADB_URL, 2);
    Opened opened = open(TestDatabases.MARIADB_URL, "2", "poolguard-cap-maria");
    SharedPool pool = opened.pool();
    String output = opened.output();
    try {
      assertEquals(2, pool.settings().maxPoolSize());
      assertTrue(output.contains("max_user_connections 4 (the account's), 3 in use"), output);
      assertFalse(output.contains(PASSWORD), output);
    } finally {
      pool.close();
    }
  }

  @Test
  void aMariadbUserAtItsLimitIsAskedAgainThenFailsOnceWithTheNumbers() throws Exception {
    hold(TestDatabases.MARIADB_URL, LIMIT);
    PoolGuardException e =
        assertThrows(
            PoolGuardException.class,
            () ->
                SharedPool.open(
                    settings(TestDatabases.MARIADB_URL, "1"), "poolguard-cap-maria-full"));
    assertTrue(String.valueOf(e.getMessage()).contains("max_user_connections"), e.getMessage());
    assertTrue(String.valueOf(e.getMessage()).contains("refused"), e.getMessage());
    assertFalse(String.valueOf(e.getMessage()).contains(PASSWORD), e.getMessage());
  }

  @Test
  void aMariadbUserWhoseNameNeedsQuotingIsCountedExactly() throws Exception {
    hold(TestDatabases.MARIADB_URL, QUOTED_USER, 2);
    Opened opened = open(TestDatabases.MARIADB_URL, QUOTED_USER, "2", "poolguard-cap-maria-quoted");
    SharedPool pool = opened.pool();
    String output = opened.output();
    try {
      assertEquals(2, pool.settings().maxPoolSize(), output);
      assertTrue(
          output.contains(
              "user " + QUOTED_USER + ": max_user_connections 4 (the account's), 3 in use"),
          output);
    } finally {
      pool.close();
    }
  }
}
