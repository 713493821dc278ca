package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.LeakSuiteMain;
import dev.poolguard.runtime.fixtures.hygiene.FailModeLeftovers;
import dev.poolguard.runtime.fixtures.hygiene.MariaDbLeftovers;
import dev.poolguard.runtime.fixtures.hygiene.PostgresLeftovers;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Session hygiene through real launcher sessions in child JVMs, on a pool of one connection so
 * every test reuses the session the one before it gave back.
 */
@Timeout(120)
class SessionHygieneTest {
  private static String runPostgres(List<String> extra, String... args)
      throws IOException, InterruptedException {
    List<String> properties =
        new ArrayList<>(
            List.of(
                "-Dpoolguard.url="
                    + TestDatabases.POSTGRES_URL
                    + "?currentSchema=hygiene_base,public",
                "-Dpoolguard.user=" + TestDatabases.POSTGRES_USER,
                "-Dpoolguard.maxPoolSize=1"));
    properties.addAll(extra);
    return ChildJvm.run(LeakSuiteMain.class, Map.of(), properties, args);
  }

  private static void postgresFixtures() throws SQLException {
    try (Connection admin = TestDatabases.postgresAdmin()) {
      TestDatabases.execute(admin, "DROP TABLE IF EXISTS hygiene_rows");
      TestDatabases.execute(admin, "CREATE TABLE hygiene_rows (id int)");
      TestDatabases.execute(admin, "DROP SEQUENCE IF EXISTS hygiene_sequence");
      TestDatabases.execute(admin, "CREATE SEQUENCE hygiene_sequence");
      TestDatabases.execute(admin, "DROP TABLE IF EXISTS hygiene_serial");
      TestDatabases.execute(
          admin, "CREATE TABLE hygiene_serial (id serial PRIMARY KEY, note text)");
      TestDatabases.execute(
          admin,
          "DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hygiene_reader')"
              + " THEN CREATE ROLE hygiene_reader; END IF; END$$");
    }
  }

  private static long rows(Connection admin) throws SQLException {
    try (Statement statement = admin.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM hygiene_rows")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The dirty-return line that names {@code test}. */
  private static String lineOf(String output, String test) {
    return output
        .lines()
        .filter(line -> line.contains("session left dirty by ") && line.contains("#" + test + "("))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no dirty-return line for " + test + ":\n" + output));
  }

  /** The PostgreSQL fixture's run, shared by the tests that read it (a child JVM costs seconds). */
  private static String postgresRun = "";

  private static synchronized String postgresRun() throws Exception {
    if (postgresRun.isEmpty()) {
      postgresFixtures();
      postgresRun = runPostgres(List.of(), PostgresLeftovers.class.getName());
    }
    return postgresRun;
  }

  @Test
  void everyKindOfPostgresLeftoverIsInvisibleToTheNextTestAndNamed() throws Exception {
    String output = postgresRun();
    assertFalse(output.contains("failed="), output);
    assertTrue(output.contains("succeeded=29"), output);
    assertTrue(
        lineOf(output, "leavesSearchPath").contains("search_path = tenant_a, public"), output);
    assertTrue(lineOf(output, "leavesACustomSetting").contains("app.tenant = tenant_a"), output);
    assertTrue(lineOf(output, "leavesATemporaryTable").contains("temporary table scratch"), output);
    assertTrue(lineOf(output, "leavesAnAdvisoryLock").contains("advisory lock 4242"), output);
    assertTrue(lineOf(output, "leavesATimeZone").contains("TimeZone = Pacific/Chatham"), output);
    assertTrue(
        lineOf(output, "leavesReadOnlyTransactions").contains("default_transaction_read_only = on"),
        output);
    assertTrue(
        lineOf(output, "leavesAnUncommittedInsert")
            .contains("an open transaction with uncommitted writes (rolled back, not committed)"),
        output);
    assertTrue(lineOf(output, "leavesAFailedTransaction").contains("a failed transaction"), output);
    assertTrue(lineOf(output, "leavesARole").contains("role hygiene_reader"), output);
    assertTrue(
        lineOf(output, "leavesAStatementTimeout").contains("statement_timeout = 30"), output);
    String listen = lineOf(output, "leavesListenCursorAndPreparedStatement");
    assertTrue(listen.contains("LISTEN hygiene_channel"), listen);
    assertTrue(listen.contains("cursor WITH HOLD kept"), listen);
    assertTrue(listen.contains("prepared statement made_in_sql"), listen);
    assertTrue(lineOf(output, "leavesSearchPath").contains("Fix: setting: use SET LOCAL"), output);
    assertTrue(output.contains("leftovers restored "), output);
    try (Connection admin = TestDatabases.postgresAdmin()) {
      assertEquals(0, rows(admin), "an uncommitted insert was committed");
    }
  }

  @Test
  void theSessionReportCountsWhatWasRestoredByKind() throws Exception {
    assertTrue(
        postgresRun()
            .contains(
                "leftovers restored 14 (2 transactions, 6 settings, 1 role, 1 temporary table,"
                    + " 1 advisory lock, 1 LISTEN, 1 cursor, 1 prepared statement)"),
        postgresRun());
  }

  @Test
  void cleanTestsAreNotNamed() throws Exception {
    String output = postgresRun();
    assertFalse(
        output
            .lines()
            .anyMatch(line -> line.contains("session left dirty by") && line.contains("#sees")),
        output);
  }

  @Test
  void failModeFailsExactlyTheTestsThatLeftState() throws Exception {
    String output =
        runPostgres(
            List.of("-Dpoolguard.hygiene=fail"), "--autodetect", FailModeLeftovers.class.getName());
    List<String> failed = output.lines().filter(line -> line.startsWith("failed=")).toList();
    assertEquals(2, failed.size(), output);
    assertTrue(failed.get(0).startsWith("failed=FailModeLeftovers#leavesATemporaryTable"), output);
    assertTrue(failed.get(1).startsWith("failed=FailModeLeftovers#leavesAnAdvisoryLock"), output);
    assertTrue(failed.get(0).contains("poolguard.hygiene=fail"), output);
    assertTrue(output.contains("succeeded=2"), output);
  }

  @Test
  void offModeLooksAtNothingAndTheNextTestSeesWhatWasLeft() throws Exception {
    String output =
        runPostgres(List.of("-Dpoolguard.hygiene=off"), FailModeLeftovers.class.getName());
    assertFalse(output.contains("session left dirty"), output);
    assertTrue(output.contains("failed=FailModeLeftovers#staysClean:"), output);
  }

  @Test
  void everyKindOfMariaDbLeftoverIsInvisibleToTheNextTestAndNamed() throws Exception {
    try (Connection admin = TestDatabases.mariadbAdmin()) {
      TestDatabases.execute(admin, "DROP TABLE IF EXISTS hygiene_rows");
      TestDatabases.execute(admin, "CREATE TABLE hygiene_rows (id int) ENGINE=InnoDB");
    }
    String output =
        ChildJvm.run(
            LeakSuiteMain.class,
            Map.of(),
            List.of(
                "-Dpoolguard.url=" + TestDatabases.MARIADB_URL,
                "-Dpoolguard.user=" + TestDatabases.MARIADB_USER,
                "-Dpoolguard.maxPoolSize=1"),
            MariaDbLeftovers.class.getName());
    assertFalse(output.contains("failed="), output);
    assertTrue(output.contains("succeeded=10"), output);
    assertTrue(lineOf(output, "leavesAUserVariable").contains("@tenant"), output);
    assertTrue(lineOf(output, "leavesASessionVariable").contains("time_zone = +05:45"), output);
    assertTrue(lineOf(output, "leavesATemporaryTable").contains("temporary table scratch"), output);
    assertTrue(lineOf(output, "leavesANamedLock").contains("named lock 'hygiene_lock'"), output);
    assertTrue(lineOf(output, "leavesAnUncommittedInsert").contains("an open transaction"), output);
    try (Connection admin = TestDatabases.mariadbAdmin();
        Statement statement = admin.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM hygiene_rows")) {
      rs.next();
      assertEquals(0, rs.getLong(1), "an uncommitted insert was committed");
    }
  }
}
