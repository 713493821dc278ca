package dev.poolguard.checks.leaks;

import static dev.poolguard.checks.common.CheckTestSupport.assertFlagRejected;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class TestConnectionLeakTest {
  private static final String IMPORTS =
      """
      import com.zaxxer.hikari.HikariDataSource;
      import dev.poolguard.runtime.SharedTestDataSource;
      import java.sql.Connection;
      import java.sql.PreparedStatement;
      import java.sql.ResultSet;
      import java.sql.SQLException;
      import java.sql.Statement;
      import java.util.ArrayList;
      import java.util.List;
      import javax.sql.DataSource;
      import org.jdbi.v3.core.Handle;
      import org.jdbi.v3.core.Jdbi;
      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.jdbc.datasource.DataSourceUtils;
      import static org.junit.jupiter.api.Assertions.*;
      """;

  private final CompilationTestHelper compilationHelper =
      CompilationTestHelper.newInstance(TestConnectionLeak.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoringHelper =
      BugCheckerRefactoringTestHelper.newInstance(TestConnectionLeak.class, getClass());

  /** A JUnit 5 test class {@code LeakTest} in test sources, with {@code body} as its members. */
  private CompilationTestHelper junit5(String body) {
    return compilationHelper.addSourceLines(
        "src/test/java/com/acme/LeakTest.java",
        "package com.acme;",
        IMPORTS,
        "import org.junit.jupiter.api.*;",
        "class LeakTest {",
        "  DataSource ds = SharedTestDataSource.get();",
        "  Jdbi jdbi = Jdbi.create(ds);",
        body,
        "}");
  }

  // ---- not flagged ----

  @Test
  void tryWithResourcesIsNotFlagged() {
    junit5(
            """
            @Test void t() throws Exception {
              try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("select 1");
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void aBorrowFromAPoolTheTryClosesIsNotFlagged() {
    junit5(
            """
            @Test void t() throws Exception {
              try (HikariDataSource own = new HikariDataSource()) {
                own.getConnection();
                Connection held = own.getConnection();
                assertTrue(held.isValid(1));
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void aBorrowFromAPoolClosedOnlyLaterIsStillFlagged() {
    junit5(
            """
            @Test void t() throws Exception {
              HikariDataSource own = new HikariDataSource();
              // BUG: Diagnostic contains: discarded
              own.getConnection();
              own.close();
            }
            """)
        .doTest();
  }

  @Test
  void java9TryOverEffectivelyFinalLocalIsNotFlagged() {
    junit5(
            """
            @Test void t() throws Exception {
              Connection c = ds.getConnection();
              try (c) {
                c.createStatement().execute("select 1");
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void closedLaterIsNotFlagged() {
    junit5(
            """
            @Test void t() throws Exception {
              Connection c = ds.getConnection();
              c.createStatement().execute("select 1");
              c.close();
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void closedInFinallyIsNotFlagged() {
    junit5(
            """
            @Test void t() throws Exception {
              Connection c = null;
              try {
                c = ds.getConnection();
                c.createStatement().execute("select 1");
              } finally {
                if (c != null) {
                  c.close();
                }
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void returnedConnectionIsNotFlagged() {
    junit5(
            """
            private Connection open() throws SQLException {
              Connection c = ds.getConnection();
              c.setAutoCommit(false);
              return c;
            }
            private Connection direct() throws SQLException {
              return ds.getConnection();
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void handedOnAsArgumentIsNotFlagged() {
    junit5(
            """
            List<Connection> open = new ArrayList<>();
            @Test void t() throws Exception {
              Connection c = ds.getConnection();
              open.add(c);
              open.add(ds.getConnection());
              register(ds.getConnection());
            }
            void register(Connection c) {}
            @AfterEach void closeAll() throws Exception {
              for (Connection c : open) {
                c.close();
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void closedByHelperIsNotFlagged() {
    junit5(
            """
            @Test void t() throws Exception {
              Connection c = ds.getConnection();
              c.setAutoCommit(false);
              closeQuietly(c);
            }
            static void closeQuietly(AutoCloseable c) {
              try { c.close(); } catch (Exception ignored) {}
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void capturedAndClosedByLambdaIsNotFlagged() {
    junit5(
            """
            @Test void t() throws Exception {
              Connection c = ds.getConnection();
              Runnable cleanup = () -> {
                try { c.close(); } catch (SQLException e) { throw new IllegalStateException(e); }
              };
              cleanup.run();
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void chainEndingInCloseIsNotFlagged() {
    junit5(
            """
            @Test void t() throws Exception {
              ds.getConnection().close();
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void fieldClosedInAfterEachIsNotFlagged() {
    junit5(
            """
            Connection connection;
            @BeforeEach void setUp() throws Exception { connection = ds.getConnection(); }
            @AfterEach void tearDown() throws Exception { connection.close(); }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void staticFieldClosedInAfterAllThroughHelperIsNotFlagged() {
    junit5(
            """
            static Connection shared;
            @BeforeAll static void setUp() throws Exception {
              shared = SharedTestDataSource.get().getConnection();
            }
            @AfterAll static void tearDown() { closeQuietly(); }
            private static void closeQuietly() {
              try { if (shared != null) shared.close(); } catch (SQLException ignored) {}
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void fieldClosedThroughComposedTeardownAnnotationIsNotFlagged() {
    compilationHelper
        .addSourceLines(
            "src/test/java/com/acme/Cleanup.java",
            "package com.acme;",
            "import java.lang.annotation.*;",
            "import org.junit.jupiter.api.AfterEach;",
            "@Retention(RetentionPolicy.RUNTIME) @Target(ElementType.METHOD) @AfterEach",
            "@interface Cleanup {}")
        .addSourceLines(
            "src/test/java/com/acme/ComposedTest.java",
            "package com.acme;",
            IMPORTS,
            "class ComposedTest {",
            "  Connection connection;",
            "  @org.junit.jupiter.api.BeforeEach void setUp() throws Exception {",
            "    connection = SharedTestDataSource.get().getConnection();",
            "  }",
            "  @Cleanup void release() throws Exception { connection.close(); }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void fieldClosedInJunit4AfterIsNotFlagged() {
    compilationHelper
        .addSourceLines(
            "src/test/java/com/acme/Junit4Test.java",
            "package com.acme;",
            IMPORTS,
            "import org.junit.After;",
            "import org.junit.Before;",
            "public class Junit4Test {",
            "  private Connection connection;",
            "  @Before public void setUp() throws Exception {",
            "    connection = SharedTestDataSource.get().getConnection();",
            "  }",
            "  @After public void tearDown() throws Exception { connection.close(); }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void fieldClosedInTestNgAfterMethodIsNotFlagged() {
    compilationHelper
        .addSourceLines(
            "src/test/java/com/acme/NgTest.java",
            "package com.acme;",
            IMPORTS,
            "import org.testng.annotations.AfterMethod;",
            "import org.testng.annotations.BeforeMethod;",
            "public class NgTest {",
            "  private Handle handle;",
            "  @BeforeMethod public void setUp() {",
            "    handle = Jdbi.create(SharedTestDataSource.get()).open();",
            "  }",
            "  @AfterMethod public void tearDown() { handle.close(); }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void fieldClosedByTheTestsThemselvesIsNotFlagged() {
    junit5(
            """
            Handle handle;
            @BeforeEach void setUp() { handle = jdbi.open(); }
            @Test void t() {
              handle.createQuery("select 1").cleanupHandleRollback().mapTo(Integer.class).one();
            }
            @Test void u() { handle.close(); }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void callbackApisAreNotFlagged() {
    junit5(
            """
            @Test void t() {
              jdbi.useHandle(h -> h.execute("select 1"));
              int one = jdbi.withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one());
              new JdbcTemplate(ds).execute("select 1");
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void springReleaseConnectionIsNotFlagged() {
    junit5(
            """
            @Test void t() throws Exception {
              Connection c = DataSourceUtils.getConnection(ds);
              try {
                c.createStatement().execute("select 1");
              } finally {
                DataSourceUtils.releaseConnection(c, ds);
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void expectedFailureOnExhaustedPoolIsNotFlagged() {
    junit5(
            """
            @Test void t() {
              assertThrows(SQLException.class, () -> ds.getConnection());
              try {
                ds.getConnection();
                fail("pool should be exhausted");
              } catch (SQLException expected) {
              }
              try {
                ds.getConnection();
              } catch (SQLException e) {
                assertTrue(e.getMessage().contains("closed"));
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void mockitoVerificationAndStubbingAreNotBorrows() {
    junit5(
            """
            @Test void t() throws Exception {
              DataSource mock = org.mockito.Mockito.mock(DataSource.class);
              org.mockito.Mockito.doReturn(null).when(mock).getConnection();
              org.mockito.Mockito.when(mock.getConnection()).thenReturn(null);
              org.mockito.Mockito.verify(mock).getConnection();
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void jdbiHandleGivenToItsStatementForCleanupIsNotFlagged() {
    junit5(
            """
            @Test void t() {
              Handle h = jdbi.open();
              h.createQuery("select 1").cleanupHandleRollback().mapTo(Integer.class).one();
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void productionCodeIsNotFlagged() {
    compilationHelper
        .addSourceLines(
            "src/main/java/com/acme/Repository.java",
            "package com.acme;",
            "import java.sql.Connection;",
            "import javax.sql.DataSource;",
            "class Repository {",
            "  void touch(DataSource ds) throws Exception {",
            "    Connection c = ds.getConnection();",
            "    c.createStatement().execute(\"select 1\");",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void suppressedOnTheMethodIsNotFlagged() {
    junit5(
            """
            @SuppressWarnings("TestConnectionLeak")
            @Test void t() throws Exception {
              ds.getConnection().createStatement().execute("select 1");
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void suppressedOnTheFieldIsNotFlagged() {
    junit5(
            """
            @SuppressWarnings("TestConnectionLeak") // held for the whole class on purpose
            static Connection held;
            @BeforeAll static void setUp() throws Exception {
              held = SharedTestDataSource.get().getConnection();
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  // ---- flagged ----

  @Test
  void discardedBorrowIsFlagged() {
    junit5(
            """
            @Test void t() throws Exception {
              // BUG: Diagnostic contains: discarded without being closed: its result is dropped
              ds.getConnection();
            }
            """)
        .doTest();
  }

  @Test
  void chainReceiverIsFlagged() {
    junit5(
            """
            @Test void t() throws Exception {
              // BUG: Diagnostic contains: discarded without being closed: it is only the receiver of .createStatement(..)
              ds.getConnection().createStatement().execute("select 1");
            }
            """)
        .doTest();
  }

  @Test
  void borrowInsideAnAssertionIsFlagged() {
    junit5(
            """
            @Test void t() throws Exception {
              // BUG: Diagnostic contains: discarded without being closed
              assertTrue(ds.getConnection().isValid(1));
              // BUG: Diagnostic contains: it is only passed to assertNotNull(..)
              assertNotNull(ds.getConnection());
            }
            """)
        .doTest();
  }

  @Test
  void localNeverClosedIsFlagged() {
    junit5(
            """
            @Test void t() throws Exception {
              // BUG: Diagnostic contains: into 'c': local variable never closed
              Connection c = ds.getConnection();
              c.createStatement().execute("select 1");
              assertNotNull(c);
            }
            """)
        .doTest();
  }

  @Test
  void varLocalNeverClosedIsFlagged() {
    junit5(
            """
            @Test void t() throws Exception {
              // BUG: Diagnostic contains: local variable never closed
              var c = SharedTestDataSource.get().getConnection();
              c.setAutoCommit(false);
            }
            """)
        .doTest();
  }

  @Test
  void fieldNeverClosedInTeardownIsFlagged() {
    junit5(
            """
            Connection connection;
            @BeforeEach void setUp() throws Exception {
              // BUG: Diagnostic contains: into the field 'connection': field never closed in teardown
              connection = ds.getConnection();
            }
            @AfterEach void tearDown() throws Exception { connection.rollback(); }
            """)
        .doTest();
  }

  @Test
  void fieldInitializerNeverClosedIsFlagged() {
    junit5(
            """
            // BUG: Diagnostic contains: field never closed in teardown
            Handle handle = jdbi.open();
            @Test void t() { handle.execute("select 1"); }
            """)
        .doTest();
  }

  @Test
  void leakInLambdaIsFlagged() {
    junit5(
            """
            @Test void t() {
              assertDoesNotThrow(() -> {
                // BUG: Diagnostic contains: local variable never closed
                Connection c = ds.getConnection();
                c.createStatement().execute("select 1");
              });
            }
            """)
        .doTest();
  }

  @Test
  void leakInAnonymousClassIsFlagged() {
    junit5(
            """
            @Test void t() throws Exception {
              Runnable r = new Runnable() {
                @Override public void run() {
                  try {
                    // BUG: Diagnostic contains: discarded without being closed
                    ds.getConnection().isValid(1);
                  } catch (SQLException e) {
                    throw new IllegalStateException(e);
                  }
                }
              };
              r.run();
            }
            """)
        .doTest();
  }

  @Test
  void leakInNestedClassIsFlagged() {
    junit5(
            """
            @Nested class Inner {
              @Test void t() throws Exception {
                // BUG: Diagnostic contains: local variable never closed
                Connection c = ds.getConnection();
                c.isValid(1);
              }
            }
            """)
        .doTest();
  }

  @Test
  void jdbiHandleNeverClosedIsFlagged() {
    junit5(
            """
            @Test void t() {
              // BUG: Diagnostic contains: borrows a Handle into 'h': local variable never closed
              Handle h = jdbi.open();
              h.execute("select 1");
            }
            """)
        .doTest();
  }

  @Test
  void springConnectionNeverReleasedIsFlaggedWithoutFix() {
    junit5(
            """
            @Test void t() throws Exception {
              // BUG: Diagnostic contains: DataSourceUtils.releaseConnection
              Connection c = DataSourceUtils.getConnection(ds);
              c.createStatement().execute("select 1");
            }
            """)
        .doTest();
  }

  @Test
  void helperReturningABorrowMakesItsCallerTheOwner() {
    junit5(
            """
            private Connection connect() throws SQLException { return ds.getConnection(); }
            @Test void t() throws Exception {
              // BUG: Diagnostic contains: a helper that returns a borrowed resource
              Connection c = connect();
              c.isValid(1);
            }
            """)
        .doTest();
  }

  @Test
  void junit4FieldNeverClosedIsFlagged() {
    compilationHelper
        .addSourceLines(
            "src/test/java/com/acme/Junit4Test.java",
            "package com.acme;",
            IMPORTS,
            "import org.junit.Before;",
            "import org.junit.Test;",
            "public class Junit4Test {",
            "  private static Connection connection;",
            "  @Before public void setUp() throws Exception {",
            "    // BUG: Diagnostic contains: field never closed in teardown",
            "    connection = SharedTestDataSource.get().getConnection();",
            "  }",
            "  @Test public void t() throws Exception { connection.isValid(1); }",
            "}")
        .doTest();
  }

  @Test
  void productionCodeIsFlaggedWithAllCode() {
    compilationHelper
        .setArgs("-XepOpt:PoolGuard:AllCode=true")
        .addSourceLines(
            "src/main/java/com/acme/Repository.java",
            "package com.acme;",
            "import javax.sql.DataSource;",
            "class Repository {",
            "  void touch(DataSource ds) throws Exception {",
            "    // BUG: Diagnostic contains: borrows a Connection that is discarded without being closed",
            "    ds.getConnection().isValid(1);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void additionalAcquirersAreChecked() {
    compilationHelper
        .setArgs("-XepOpt:TestConnectionLeak:AdditionalAcquirers=com.acme.Db#borrow")
        .addSourceLines(
            "src/test/java/com/acme/Db.java",
            "package com.acme;",
            "import java.sql.Connection;",
            "final class Db {",
            "  static Connection borrow() { throw new UnsupportedOperationException(); }",
            "}")
        .addSourceLines(
            "src/test/java/com/acme/DbTest.java",
            "package com.acme;",
            "import java.sql.Connection;",
            "class DbTest {",
            "  @org.junit.jupiter.api.Test void t() throws Exception {",
            "    // BUG: Diagnostic contains: local variable never closed",
            "    Connection c = Db.borrow();",
            "    c.isValid(1);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void badAdditionalAcquirersAreRejectedNamingTheFlag() {
    assertFlagRejected(
        TestConnectionLeak.class,
        "-XepOpt:TestConnectionLeak:AdditionalAcquirers=com.acme.Db",
        "Invalid -XepOpt:TestConnectionLeak:AdditionalAcquirers=com.acme.Db");
  }

  @Test
  void badMethodNameInAdditionalAcquirersIsRejected() {
    assertFlagRejected(
        TestConnectionLeak.class,
        "-XepOpt:TestConnectionLeak:AdditionalAcquirers=com.acme.Db#not-a-name",
        "-XepOpt:TestConnectionLeak:AdditionalAcquirers");
  }

  // ---- fixes ----

  private BugCheckerRefactoringTestHelper.ExpectOutput refactor(String... lines) {
    String[] input = new String[lines.length + 4];
    input[0] = "package com.acme;";
    input[1] = IMPORTS;
    input[2] = "class FixTest {";
    System.arraycopy(lines, 0, input, 3, lines.length);
    input[lines.length + 3] = "}";
    return refactoringHelper.addInputLines("src/test/java/com/acme/FixTest.java", input);
  }

  private static String[] expected(String... lines) {
    String[] output = new String[lines.length + 4];
    output[0] = "package com.acme;";
    output[1] = IMPORTS;
    output[2] = "class FixTest {";
    System.arraycopy(lines, 0, output, 3, lines.length);
    output[lines.length + 3] = "}";
    return output;
  }

  @Test
  void fixClosesABareDiscardedBorrow() {
    refactor("  void t(DataSource ds) throws SQLException {", "    ds.getConnection();", "  }")
        .addOutputLines(
            "src/test/java/com/acme/FixTest.java",
            expected(
                "  void t(DataSource ds) throws SQLException {",
                "    ds.getConnection().close();",
                "  }"))
        .doTest(BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH);
  }

  @Test
  void fixWrapsADiscardedChainInTryWithResources() {
    refactor(
            "  void t(DataSource ds) throws SQLException {",
            "    ds.getConnection().createStatement().execute(\"select 1\");",
            "  }")
        .addOutputLines(
            "src/test/java/com/acme/FixTest.java",
            expected(
                "  void t(DataSource ds) throws SQLException {",
                "    try (Connection connection = ds.getConnection()) {",
                "      connection.createStatement().execute(\"select 1\");",
                "    }",
                "  }"))
        .doTest(BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH);
  }

  @Test
  void fixPicksANameThatIsFree() {
    refactor(
            "  void t(DataSource ds, String connection) throws SQLException {",
            "    assertTrue(ds.getConnection().isValid(1), connection);",
            "  }")
        .addOutputLines(
            "src/test/java/com/acme/FixTest.java",
            expected(
                "  void t(DataSource ds, String connection) throws SQLException {",
                "    try (Connection connection2 = ds.getConnection()) {",
                "      assertTrue(connection2.isValid(1), connection);",
                "    }",
                "  }"))
        .doTest(BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH);
  }

  @Test
  void fixWrapsALocalAndTheStatementsUpToItsLastUse() {
    refactor(
            "  void t(DataSource ds) throws SQLException {",
            "    int before = 1;",
            "    Connection c = ds.getConnection();",
            "    Statement s = c.createStatement();",
            "    s.execute(\"select \" + before);",
            "    c.commit();",
            "    int after = 2;",
            "  }")
        .addOutputLines(
            "src/test/java/com/acme/FixTest.java",
            expected(
                "  void t(DataSource ds) throws SQLException {",
                "    int before = 1;",
                "    try (Connection c = ds.getConnection()) {",
                "      Statement s = c.createStatement();",
                "      s.execute(\"select \" + before);",
                "      c.commit();",
                "    }",
                "    int after = 2;",
                "  }"))
        .doTest(BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH);
  }

  @Test
  void fixKeepsVarAndJdbiHandles() {
    refactor(
            "  void t(Jdbi jdbi) {",
            "    var h = jdbi.open();",
            "    h.execute(\"select 1\");",
            "  }")
        .addOutputLines(
            "src/test/java/com/acme/FixTest.java",
            expected(
                "  void t(Jdbi jdbi) {",
                "    try (var h = jdbi.open()) {",
                "      h.execute(\"select 1\");",
                "    }",
                "  }"))
        .doTest(BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhenALaterStatementUsesAVariableDeclaredInBetween() {
    junit5(
            """
            @Test void t() throws Exception {
              // BUG: Diagnostic contains: No automatic fix: 'n', declared between
              Connection c = ds.getConnection();
              int n = c.getMetaData().getMaxConnections();
              c.isValid(n);
              System.out.println(n);
            }
            """)
        .doTest();
  }

  @Test
  void noFixWhenAReturnHandsOutSomethingDeclaredInside() {
    junit5(
            """
            ResultSet query() throws Exception {
              // BUG: Diagnostic contains: No automatic fix: a return inside the block hands out 'rs'
              Connection c = ds.getConnection();
              ResultSet rs = c.createStatement().executeQuery("select 1");
              if (c.isValid(1)) {
                return rs;
              }
              return null;
            }
            """)
        .doTest();
  }

  @Test
  void noFixWhenTheLocalIsUsedInALambdaThatMayRunLater() {
    junit5(
            """
            @Test void t() throws Exception {
              // BUG: Diagnostic contains: No automatic fix: 'c' is used in a lambda
              Connection c = ds.getConnection();
              Runnable later = () -> assertNotNull(c);
              later.run();
            }
            """)
        .doTest();
  }

  @Test
  void noFixWhenTheBorrowIsInAShortCircuitCondition() {
    junit5(
            """
            @Test void t(boolean check) throws Exception {
              // BUG: Diagnostic contains: No automatic fix: the borrow is evaluated inside a condition
              assertTrue(check && ds.getConnection().isValid(1));
            }
            """)
        .doTest();
  }

  @Test
  void noFixWhenCloseWouldThrowAnUnhandledCheckedException() {
    refactor(
            "  void t(DataSource ds) {",
            "    Connection c = DataSourceUtils.getConnection(ds);",
            "    assertNotNull(c);",
            "  }")
        .expectUnchanged()
        .doTest();
  }

  @Test
  void fixClosesAFieldInTheTeardownOfTheSameLifecycle() {
    refactor(
            "  Connection connection;",
            "  @org.junit.jupiter.api.BeforeEach void setUp(DataSource ds) throws SQLException {",
            "    connection = ds.getConnection();",
            "  }",
            "  @org.junit.jupiter.api.AfterEach void tearDown() throws SQLException {",
            "    connection.rollback();",
            "  }")
        .addOutputLines(
            "src/test/java/com/acme/FixTest.java",
            expected(
                "  Connection connection;",
                "  @org.junit.jupiter.api.BeforeEach void setUp(DataSource ds) throws SQLException {",
                "    connection = ds.getConnection();",
                "  }",
                "  @org.junit.jupiter.api.AfterEach void tearDown() throws SQLException {",
                "    connection.rollback();",
                "    if (connection != null) {",
                "      connection.close();",
                "    }",
                "  }"))
        .doTest(BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH);
  }

  @Test
  void fixClosesAStaticHandleInAOneLineAfterAll() {
    refactor(
            "  static Handle handle;",
            "  @org.junit.jupiter.api.BeforeAll static void setUp() {",
            "    handle = Jdbi.create(SharedTestDataSource.get()).open();",
            "  }",
            "  @org.junit.jupiter.api.AfterAll static void tearDown() {}")
        .addOutputLines(
            "src/test/java/com/acme/FixTest.java",
            expected(
                "  static Handle handle;",
                "  @org.junit.jupiter.api.BeforeAll static void setUp() {",
                "    handle = Jdbi.create(SharedTestDataSource.get()).open();",
                "  }",
                "  @org.junit.jupiter.api.AfterAll static void tearDown() {",
                "    if (handle != null) {",
                "      handle.close();",
                "    }",
                "  }"))
        .doTest(BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH);
  }

  @Test
  void noFixForAFieldWhoseClassHasNoTeardown() {
    junit5(
            """
            Connection connection;
            @BeforeEach void setUp() throws Exception {
              // BUG: Diagnostic contains: No automatic fix: the class has no teardown method
              connection = ds.getConnection();
            }
            """)
        .doTest();
  }

  @Test
  void noFixForAFieldWhenTheTeardownDoesNotDeclareSqlException() {
    refactor(
            "  Connection connection;",
            "  @org.junit.jupiter.api.BeforeEach void setUp(DataSource ds) throws SQLException {",
            "    connection = ds.getConnection();",
            "  }",
            "  @org.junit.jupiter.api.AfterEach void tearDown() {}")
        .expectUnchanged()
        .doTest();
  }

  @Test
  void fixAlsoWrapsTheUsesOfAStatementDerivedFromTheConnection() {
    refactor(
            "  void t(DataSource ds) throws SQLException {",
            "    Connection c = ds.getConnection();",
            "    PreparedStatement insert = c.prepareStatement(\"insert into t values (?)\");",
            "    insert.setInt(1, 1);",
            "    insert.executeUpdate();",
            "    System.out.println(\"done\");",
            "  }")
        .addOutputLines(
            "src/test/java/com/acme/FixTest.java",
            expected(
                "  void t(DataSource ds) throws SQLException {",
                "    try (Connection c = ds.getConnection()) {",
                "      PreparedStatement insert = c.prepareStatement(\"insert into t values (?)\");",
                "      insert.setInt(1, 1);",
                "      insert.executeUpdate();",
                "    }",
                "    System.out.println(\"done\");",
                "  }"))
        .doTest(BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH);
  }

  @Test
  void borrowInATryWhoseCatchDoesNotAssertIsFlagged() {
    junit5(
            """
            @Test void t() {
              try {
                // BUG: Diagnostic contains: discarded without being closed
                ds.getConnection();
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            }
            """)
        .doTest();
  }
}
