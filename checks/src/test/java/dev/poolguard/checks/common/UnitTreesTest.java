package dev.poolguard.checks.common;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.scanner.ScannerSupplier;
import com.sun.source.tree.Tree;
import dev.poolguard.checks.clients.PerTestDatabaseClient;
import dev.poolguard.checks.teardown.SharedPoolClosedInTest;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The checks run as unit matchers over one shared walk ({@link UnitTrees}); these tests hold that
 * dispatch to what Error Prone's per-tree dispatch did: suppression where it is written, generated
 * code, each unit read with its own trees, and one walk serving several checks.
 */
final class UnitTreesTest {
  private final CompilationTestHelper clients =
      CompilationTestHelper.newInstance(PerTestDatabaseClient.class, getClass());

  @Test
  void suppressionOnTheMethodCoversOnlyThatMethod() {
    clients
        .addSourceLines(
            "src/test/java/com/acme/PoolsTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import org.junit.jupiter.api.Test;",
            "class PoolsTest {",
            "  @SuppressWarnings(\"PerTestDatabaseClient\")",
            "  @Test void suppressed() {",
            "    new HikariDataSource();",
            "  }",
            "  @Test void reported() {",
            "    // BUG: Diagnostic contains: builds a connection pool of its own",
            "    new HikariDataSource();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void suppressionOnTheClassCoversItsNestedClasses() {
    clients
        .addSourceLines(
            "src/test/java/com/acme/PoolsTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import org.junit.jupiter.api.Test;",
            "@SuppressWarnings(\"PerTestDatabaseClient\")",
            "class PoolsTest {",
            "  @Test void suppressed() {",
            "    new HikariDataSource();",
            "  }",
            "  class Nested {",
            "    HikariDataSource pool = new HikariDataSource();",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void suppressionOnAVariableCoversItsInitializer() {
    clients
        .addSourceLines(
            "src/test/java/com/acme/PoolsTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import org.junit.jupiter.api.Test;",
            "class PoolsTest {",
            "  @Test void test() {",
            "    @SuppressWarnings(\"PerTestDatabaseClient\")",
            "    HikariDataSource suppressed = new HikariDataSource();",
            "    // BUG: Diagnostic contains: builds a connection pool of its own",
            "    HikariDataSource reported = new HikariDataSource();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void suppressionNamingAnotherCheckDoesNotSuppress() {
    clients
        .addSourceLines(
            "src/test/java/com/acme/PoolsTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import org.junit.jupiter.api.Test;",
            "@SuppressWarnings(\"HardcodedTestSlug\")",
            "class PoolsTest {",
            "  @Test void test() {",
            "    // BUG: Diagnostic contains: builds a connection pool of its own",
            "    new HikariDataSource();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void ignoringSuppressionAnnotationsReportsSuppressedCode() {
    clients
        .addSourceLines(
            "src/test/java/com/acme/PoolsTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import org.junit.jupiter.api.Test;",
            "@SuppressWarnings(\"PerTestDatabaseClient\")",
            "class PoolsTest {",
            "  @Test void test() {",
            "    // BUG: Diagnostic contains: builds a connection pool of its own",
            "    new HikariDataSource();",
            "  }",
            "}")
        .setArgs("-XepIgnoreSuppressionAnnotations")
        .doTest();
  }

  @Test
  void warningsInGeneratedCodeAreDroppedWhenErrorProneIsToldTo() {
    clients
        .addSourceLines(
            "src/test/java/com/acme/GeneratedPoolsTest.java",
            generatedTestBuildingAPool("    // a warning here, in @Generated code: dropped"))
        .setArgs("-XepDisableWarningsInGeneratedCode", "-Xep:PerTestDatabaseClient:WARN")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void errorsInGeneratedCodeAreStillReported() {
    clients
        .addSourceLines(
            "src/test/java/com/acme/GeneratedPoolsTest.java",
            generatedTestBuildingAPool(
                "    // BUG: Diagnostic contains: builds a connection pool of its own"))
        .setArgs("-XepDisableWarningsInGeneratedCode")
        .doTest();
  }

  /**
   * A {@code @Generated} test class whose test builds a pool, {@code comment} on the line above.
   */
  private static String[] generatedTestBuildingAPool(String comment) {
    return new String[] {
      "package com.acme;",
      "import com.zaxxer.hikari.HikariDataSource;",
      "import javax.annotation.processing.Generated;",
      "import org.junit.jupiter.api.Test;",
      "@Generated(\"some.Generator\")",
      "class GeneratedPoolsTest {",
      "  @Test void test() {",
      comment,
      "    new HikariDataSource();",
      "  }",
      "}"
    };
  }

  @Test
  void eachUnitIsCheckedWithItsOwnTrees() {
    clients
        .addSourceLines(
            "src/test/java/com/acme/FirstTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import org.junit.jupiter.api.Test;",
            "class FirstTest {",
            "  @Test void test() {",
            "    // BUG: Diagnostic contains: builds a connection pool of its own",
            "    new HikariDataSource();",
            "  }",
            "}")
        .addSourceLines(
            "src/test/java/com/acme/SecondTest.java",
            "package com.acme;",
            "import java.sql.DriverManager;",
            "import org.junit.jupiter.api.Test;",
            "class SecondTest {",
            "  @Test void test() throws Exception {",
            "    // BUG: Diagnostic contains: builds a raw connection outside the shared pool",
            "    DriverManager.getConnection(\"jdbc:postgresql://db/test\");",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void checksRunTogetherEachReportTheirOwnFindingsInOneUnit() {
    CompilationTestHelper.newInstance(
            ScannerSupplier.fromBugCheckerClasses(
                PerTestDatabaseClient.class, SharedPoolClosedInTest.class),
            getClass())
        .addSourceLines(
            "src/test/java/com/acme/TeardownTest.java", poolAndSharedPoolTeardown("TeardownTest"))
        .doTest();
  }

  @Test
  void checksAfterTheFirstUnitFindTheCallsTheyChooseInEveryUnit() {
    // The first unit is walked before the second check has said which calls it reads; every later
    // unit is walked once for both.
    CompilationTestHelper.newInstance(
            ScannerSupplier.fromBugCheckerClasses(
                PerTestDatabaseClient.class, SharedPoolClosedInTest.class),
            getClass())
        .addSourceLines(
            "src/test/java/com/acme/FirstTest.java", poolAndSharedPoolTeardown("FirstTest"))
        .addSourceLines(
            "src/test/java/com/acme/SecondTest.java", poolAndSharedPoolTeardown("SecondTest"))
        .doTest();
  }

  @Test
  void callsChooseOnlyTreesThatResolveToAMethod() {
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () -> new UnitTrees.Calls(Set.of(Tree.Kind.TRY), (method, state) -> true));
    String message = String.valueOf(thrown.getMessage());
    assertTrue(message.contains("kinds must be among"), message);
  }

  /** A test class with one finding of each of the two checks. */
  private static String[] poolAndSharedPoolTeardown(String className) {
    return new String[] {
      "package com.acme;",
      "import com.zaxxer.hikari.HikariDataSource;",
      "import dev.poolguard.runtime.SharedTestDataSource;",
      "import org.junit.jupiter.api.AfterAll;",
      "import org.junit.jupiter.api.Test;",
      "class " + className + " {",
      "  @Test void test() {",
      "    // BUG: Diagnostic contains: PerTestDatabaseClient",
      "    new HikariDataSource();",
      "  }",
      "  @AfterAll static void tearDown() throws Exception {",
      "    // BUG: Diagnostic contains: SharedPoolClosedInTest",
      "    ((AutoCloseable) SharedTestDataSource.get()).close();",
      "  }",
      "}"
    };
  }
}
