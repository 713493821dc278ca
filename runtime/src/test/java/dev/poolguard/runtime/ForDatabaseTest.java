package dev.poolguard.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.internal.ChildJvm;
import dev.poolguard.runtime.internal.SettingsResolver;
import dev.poolguard.runtime.internal.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link SharedTestDataSource#forDatabase}: one pool per database, against real PostgreSQL. */
@Timeout(120)
class ForDatabaseTest {
  private static final String SECOND_DATABASE = "spring_rt_second";
  private static final String ROLE = "spring_rt_role";
  private static final String PASSWORD = "Spring-Rt-Secret-7f3a";

  @BeforeAll
  static void createSecondDatabaseAndRole() throws SQLException {
    dropSecondDatabaseAndRole();
    try (Connection admin = TestDatabases.postgresAdmin()) {
      TestDatabases.execute(admin, "create role " + ROLE + " login password '" + PASSWORD + "'");
      TestDatabases.execute(admin, "create database " + SECOND_DATABASE + " owner " + ROLE);
    }
  }

  @AfterAll
  static void dropSecondDatabaseAndRole() throws SQLException {
    try (Connection admin = TestDatabases.postgresAdmin()) {
      TestDatabases.execute(admin, "drop database if exists " + SECOND_DATABASE + " with (force)");
      TestDatabases.execute(admin, "drop role if exists " + ROLE);
    }
  }

  private static String secondUrl() {
    return TestDatabases.POSTGRES_URL.substring(0, TestDatabases.POSTGRES_URL.lastIndexOf('/') + 1)
        + SECOND_DATABASE;
  }

  // The connection is held, not used: it opens the pool whose name is compared.
  @SuppressWarnings("try")
  @Test
  void theSameUrlAndUserIsTheDefaultPoolWhenPoolguardUrlNamesThatDatabase() throws SQLException {
    // Surefire configures poolguard.url/user with the same database.
    DataSource first =
        SharedTestDataSource.forDatabase(
            TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, null, "first");
    DataSource second =
        SharedTestDataSource.forDatabase(
            TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, null, "second");
    assertSame(first, second);
    assertSame(SharedTestDataSource.get(), first);
    try (Connection connection = first.getConnection()) {
      assertEquals(
          SharedTestDataSource.stats().poolName(), SharedTestDataSource.stats(first).poolName());
    }
  }

  @Test
  void anotherDatabaseGetsAPoolOfItsOwnWithPoolguardSizing() throws SQLException {
    DataSource second = SharedTestDataSource.forDatabase(secondUrl(), ROLE, PASSWORD, "other");
    assertNotSame(SharedTestDataSource.get(), second);
    try (Connection connection = second.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select current_database(), current_user")) {
      rs.next();
      assertEquals(SECOND_DATABASE, rs.getString(1));
      assertEquals(ROLE, rs.getString(2));
    }
    assertNotEquals(
        SharedTestDataSource.stats().poolName(), SharedTestDataSource.stats(second).poolName());
    assertEquals(
        SettingsResolver.DEFAULT_MAX_POOL_SIZE,
        SharedTestDataSource.stats(second).maximumPoolSize());
  }

  @Test
  void theSameDatabaseAsAnotherUserIsAnotherPool() {
    DataSource asRole =
        SharedTestDataSource.forDatabase(TestDatabases.POSTGRES_URL, ROLE, PASSWORD, "role");
    assertNotSame(SharedTestDataSource.get(), asRole);
  }

  @Test
  void statsOfADataSourcePoolGuardDoesNotServeSaysSo() {
    DataSource foreign = new org.postgresql.ds.PGSimpleDataSource();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SharedTestDataSource.stats(foreign));
    assertTrue(String.valueOf(e.getMessage()).contains("PGSimpleDataSource"), e.getMessage());
  }

  @Test
  void aMalformedUrlFailsNamingTheConsumerWithoutThePassword() {
    PoolGuardException e =
        assertThrows(
            PoolGuardException.class,
            () ->
                SharedTestDataSource.forDatabase(
                    "postgres:/nohost?password=" + PASSWORD, ROLE, PASSWORD, "context x"));
    assertTrue(String.valueOf(e.getMessage()).contains("context x"), e.getMessage());
    assertFalse(String.valueOf(e.getMessage()).contains(PASSWORD), e.getMessage());
  }

  @Test
  void poolsOfTwoDatabasesOutliveANestedSessionAndCloseOnceWithTheOuterOneReportingTheirConsumers()
      throws Exception {
    String output =
        ChildJvm.run(
            ForDatabaseSessionsMain.class,
            Map.of(),
            List.of(
                "-Dpoolguard.url=" + TestDatabases.POSTGRES_URL,
                "-Dpoolguard.user=" + TestDatabases.POSTGRES_USER,
                "-Dfixture.url1=" + TestDatabases.POSTGRES_URL,
                "-Dfixture.url2=" + secondUrl(),
                "-Dfixture.user=" + ROLE,
                "-Dfixture.password=" + PASSWORD));
    Properties seen = new Properties();
    for (String line : output.lines().toList()) {
      int equals = line.indexOf('=');
      if (line.startsWith("after") || line.startsWith("succeeded")) {
        seen.setProperty(line.substring(0, equals), line.substring(equals + 1).strip());
      }
    }
    assertEquals("3", seen.getProperty("succeeded"), output);
    String firstPool = seen.getProperty("afterNested.first");
    assertTrue(firstPool.matches("\\[poolguard-\\d+-\\d+]"), output);
    assertEquals(firstPool, seen.getProperty("afterNested.second"), "one pool per database");
    assertNotEquals(firstPool, seen.getProperty("afterNested.third"), "two databases, two pools");
    for (String consumer : List.of("first", "second", "third")) {
      assertEquals("[]", seen.getProperty("afterOuter." + consumer), output);
    }
    assertEquals(1, count("for PostgreSQL 127.0.0.1:5432/test .*used by 2 consumers", output));
    assertEquals(
        1,
        count(
            "for PostgreSQL 127.0.0.1:5432/" + SECOND_DATABASE + " .*used by 1 consumer$", output));
    assertEquals(2, count("\\[PoolGuard] session report", output), output);
    assertFalse(output.contains(PASSWORD), output);
  }

  private static int count(String regex, String text) {
    Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
    int found = 0;
    while (matcher.find()) {
      found++;
    }
    return found;
  }
}
