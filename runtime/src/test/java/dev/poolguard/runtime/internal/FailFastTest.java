package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.PoolGuardException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A wrong or unreachable database fails within the connect timeout plus one second, naming it and
 * the fix.
 */
@Timeout(30)
class FailFastTest {
  /**
   * Connect timeout plus HikariCP's one-second pause, plus a generous margin for a loaded CI
   * machine.
   */
  private static final Duration BOUND = Duration.ofSeconds(2 + 1 + 3);

  @BeforeAll
  static void createMariadbUserWithPassword() throws Exception {
    try (Connection admin = TestDatabases.mariadbAdmin()) {
      TestDatabases.execute(admin, "DROP USER IF EXISTS 'poolguard_failfast'@'%'");
      TestDatabases.execute(
          admin, "CREATE USER 'poolguard_failfast'@'%' IDENTIFIED BY 'right-password'");
    }
  }

  @AfterAll
  static void dropMariadbUser() throws Exception {
    try (Connection admin = TestDatabases.mariadbAdmin()) {
      TestDatabases.execute(admin, "DROP USER IF EXISTS 'poolguard_failfast'@'%'");
    }
  }

  private static PoolGuardException failsFast(String url, String... expectedFragments) {
    Properties system = new Properties();
    system.setProperty("poolguard.connectTimeout", "2");
    PoolSettings settings =
        new SettingsResolver(
                system, Map.of("DATABASE_URL", url), FailFastTest.class.getClassLoader())
            .resolve();
    long start = System.nanoTime();
    PoolGuardException e =
        assertThrows(
            PoolGuardException.class, () -> SharedPool.open(settings, "poolguard-failfast"));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(BOUND) < 0, "took " + took.toMillis() + " ms: " + e.getMessage());
    for (String fragment : expectedFragments) {
      assertTrue(
          String.valueOf(e.getMessage()).contains(fragment),
          () -> "missing '" + fragment + "' in: " + e.getMessage());
    }
    assertTrue(String.valueOf(e.getMessage()).contains("Fix:"), e.getMessage());
    return e;
  }

  @Test
  void aUrlNoDriverAcceptsNamesTheArtifactAndKeepsTheDriverManagersCause() {
    PoolGuardException e =
        failsFast("jdbc:nosuchdb://127.0.0.1:1/db", "no JDBC driver on the test classpath");
    assertInstanceOf(SQLException.class, e.getCause());
  }

  @Test
  void nothingListeningOnThePort() {
    failsFast(
        "postgres://postgres@127.0.0.1:1/test", "127.0.0.1:1/test", "nothing accepts connections");
  }

  @Test
  void unknownHost() {
    failsFast(
        "postgres://postgres@no-such-host.invalid:5432/test",
        "no-such-host.invalid:5432/test",
        "is unknown");
  }

  @Test
  void hostThatNeverAnswers() {
    // TEST-NET-1 (RFC 5737) is never routed: either the packet is dropped (the connect timeout ends
    // it) or
    // the network says unreachable at once. Both must end within the bound.
    failsFast("postgres://postgres@192.0.2.1:5432/test", "192.0.2.1:5432/test");
  }

  @Test
  void unknownPostgresRole() {
    failsFast(
        "postgres://poolguard_no_such_role@127.0.0.1:5432/test",
        "127.0.0.1:5432/test",
        "rejected user 'poolguard_no_such_role'");
  }

  @Test
  void wrongMariadbPassword() {
    failsFast(
        "mariadb://poolguard_failfast:wrong-password@127.0.0.1:3306/test",
        "MariaDB 127.0.0.1:3306/test",
        "rejected user 'poolguard_failfast'");
  }

  @Test
  void unknownDatabase() {
    failsFast(
        "postgres://postgres@127.0.0.1:5432/poolguard_no_such_db",
        "127.0.0.1:5432/poolguard_no_such_db",
        "does not exist");
  }

  @Test
  void laterUsesInTheSessionFailAtOnceWithTheSameMessage() {
    SharedPoolLifecycle lifecycle =
        new SharedPoolLifecycle(
            () ->
                TestDatabases.settings(
                    "url", "jdbc:postgresql://127.0.0.1:1/test", "connectTimeout", "2"));
    PoolGuardException first = assertThrows(PoolGuardException.class, lifecycle::pool);
    long start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      PoolGuardException again = assertThrows(PoolGuardException.class, lifecycle::pool);
      assertEquals(first.getMessage(), again.getMessage());
    }
    assertTrue(
        Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(1)) < 0,
        "20 repeated failures must not wait for the network again");
    lifecycle.closeAndReport();
  }
}
