package dev.poolguard.checks.clients;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * What the roll-out of a real suite (jhannes/fluent-jdbc, scripts/migrate-fluent-jdbc) showed
 * PerTestDatabaseClient getting wrong before it was fixed, each as the behaviour that is right.
 */
final class PerTestDatabaseClientMigrationCasesTest {
  private final BugCheckerRefactoringTestHelper refactoringHelper =
      BugCheckerRefactoringTestHelper.newInstance(PerTestDatabaseClient.class, getClass());
  private final CompilationTestHelper compilationHelper =
      CompilationTestHelper.newInstance(PerTestDatabaseClient.class, getClass());

  /**
   * fluent-jdbc JtdsSqlServerTests.java:101: a connection to another vendor's database (URL from a
   * property whose default is SQL Server) was replaced by the shared pool, so the SQL Server suite,
   * skipped where no SQL Server runs, now ran its SQL Server dialect on the shared pool's database
   * and failed (32 errors). Right: report it, offer no fix.
   */
  @Test
  void connectionToAnotherVendorsDatabaseGetsNoFix() {
    refactoringHelper
        .addInputLines(
            "src/test/java/com/acme/SqlServerTests.java",
            "package com.acme;",
            "import java.sql.Connection;",
            "import java.sql.DriverManager;",
            "import java.sql.SQLException;",
            "import org.junit.Test;",
            "public class SqlServerTests {",
            "  static Connection getConnection() throws SQLException {",
            "    String url = System.getProperty(\"test.db.sqlserver.url\",",
            "        \"jdbc:jtds:sqlserver://localhost:1433;loginTimeout=2\");",
            "    return DriverManager.getConnection(url, \"sa\", \"secret\");",
            "  }",
            "  @Test public void t() throws SQLException { getConnection().close(); }",
            "}")
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }

  /**
   * The violations sample's PerClassPoolTest (and any suite with a pool closed in @AfterAll): the
   * fix replaced the pool and left {@code ((HikariDataSource) dataSource).close()}, which now casts
   * the shared pool (ClassCastException at run time) and takes a second patch pass to delete.
   * Right: one fix that also deletes the teardown's close of the variable it rewired.
   */
  @Test
  void replacingAPoolAlsoDeletesItsTeardownClose() {
    refactoringHelper
        .addInputLines(
            "src/test/java/com/acme/OrdersTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariConfig;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import javax.sql.DataSource;",
            "import org.junit.jupiter.api.AfterAll;",
            "import org.junit.jupiter.api.BeforeAll;",
            "import org.junit.jupiter.api.Test;",
            "class OrdersTest {",
            "  private static DataSource dataSource;",
            "  @BeforeAll static void setUp() {",
            "    dataSource = new HikariDataSource(new HikariConfig());",
            "  }",
            "  @AfterAll static void tearDown() {",
            "    ((HikariDataSource) dataSource).close();",
            "  }",
            "  @Test void t() {}",
            "}")
        .addOutputLines(
            "src/test/java/com/acme/OrdersTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariConfig;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import dev.poolguard.runtime.SharedTestDataSource;",
            "import javax.sql.DataSource;",
            "import org.junit.jupiter.api.AfterAll;",
            "import org.junit.jupiter.api.BeforeAll;",
            "import org.junit.jupiter.api.Test;",
            "class OrdersTest {",
            "  private static DataSource dataSource;",
            "  @BeforeAll static void setUp() {",
            "    dataSource = SharedTestDataSource.get();",
            "  }",
            "  @AfterAll static void tearDown() {",
            "  }",
            "  @Test void t() {}",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  /**
   * fluent-jdbc PostgresTests.java:109: {@code new PGSimpleDataSource()} was reported as "builds a
   * connection pool of its own"; it pools nothing and opens a new server connection on every
   * getConnection() (28 server connections at peak in that suite). Right: say so.
   */
  @Test
  void unpooledDataSourceIsNotCalledAPool() {
    compilationHelper
        .addSourceLines(
            "src/test/java/com/acme/PostgresTests.java",
            "package com.acme;",
            "import javax.sql.DataSource;",
            "import org.junit.Test;",
            "import org.postgresql.ds.PGSimpleDataSource;",
            "public class PostgresTests {",
            "  static DataSource getDataSource() {",
            "    // BUG: Diagnostic matches: UNPOOLED",
            "    PGSimpleDataSource dataSource = new PGSimpleDataSource();",
            "    return dataSource;",
            "  }",
            "  @Test public void t() {}",
            "}")
        .expectErrorMessage(
            "UNPOOLED",
            message -> !message.contains("connection pool") && message.contains("getConnection()"))
        .doTest();
  }
}
