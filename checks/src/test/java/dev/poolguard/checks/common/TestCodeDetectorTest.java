package dev.poolguard.checks.common;

import com.google.errorprone.CompilationTestHelper;
import dev.poolguard.checks.clients.PerTestDatabaseClient;
import org.junit.jupiter.api.Test;

/**
 * Which files are test code ({@link TestCodeDetector}), seen through {@link PerTestDatabaseClient}:
 * a file that builds a pool has a finding exactly when it is test code. Files under {@code
 * src/main/} are not test code by their path or class name, so there only their imports and
 * declared tests decide.
 */
final class TestCodeDetectorTest {
  private static final String FINDING =
      "    // BUG: Diagnostic contains: new HikariDataSource(..) builds a connection pool";

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(PerTestDatabaseClient.class, getClass());

  @Test
  void aProductionFileImportingNoTestLibraryIsNotTestCode() {
    helper
        .addSourceLines(
            "src/main/java/com/acme/Pools.java",
            poolBuilder(
                "Pools", "import java.util.List;", "import com.zaxxer.hikari.HikariConfig;"))
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void aFileUnderATestSourcePathIsTestCode() {
    helper
        .addSourceLines("src/test/java/com/acme/Pools.java", poolBuilderWithFinding("Pools"))
        .doTest();
  }

  @Test
  void importingATestLibraryClassMakesTestCode() {
    helper
        .addSourceLines(
            "src/main/java/com/acme/Pools.java",
            poolBuilderWithFinding("Pools", "import org.junit.jupiter.api.Assertions;"))
        .doTest();
  }

  @Test
  void importingATestLibraryPackageOnDemandMakesTestCode() {
    helper
        .addSourceLines(
            "src/main/java/com/acme/Pools.java",
            poolBuilderWithFinding("Pools", "import org.assertj.core.api.*;"))
        .doTest();
  }

  @Test
  void importingATestLibraryMemberStaticallyMakesTestCode() {
    helper
        .addSourceLines(
            "src/main/java/com/acme/Pools.java",
            poolBuilderWithFinding(
                "Pools", "import static org.mockito.Mockito.mock;", "import java.util.List;"))
        .doTest();
  }

  @Test
  void importingAllStaticMembersOfATestLibraryClassMakesTestCode() {
    helper
        .addSourceLines(
            "src/main/java/com/acme/Pools.java",
            poolBuilderWithFinding("Pools", "import static org.junit.jupiter.api.Assertions.*;"))
        .doTest();
  }

  @Test
  void eachFileIsJudgedByItsOwnImportsThoughTheyShareAPackage() {
    helper
        .addSourceLines(
            "src/main/java/com/acme/Pools.java",
            poolBuilder("Pools", "import java.util.List;", "import java.util.Map;"))
        .addSourceLines(
            "src/main/java/com/acme/PoolsFixture.java",
            poolBuilderWithFinding(
                "PoolsFixture", "import java.util.List;", "import org.junit.jupiter.api.Test;"))
        .doTest();
  }

  @Test
  void aProductionFileDeclaringATestIsTestCode() {
    helper
        .addSourceLines(
            "src/main/java/com/acme/Pools.java",
            testMethodBuildingAPool("@org.junit.jupiter.api.Test"))
        .doTest();
  }

  @Test
  void aProductionFileWhoseNestedClassHasALifecycleMethodIsTestCode() {
    helper
        .addSourceLines(
            "src/main/java/com/acme/Pools.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "class Pools {",
            "  Object pool() {",
            "  " + FINDING,
            "    return new HikariDataSource();",
            "  }",
            "  static class Cleanup {",
            "    @Deprecated @org.junit.jupiter.api.AfterEach void done() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void aProductionFileUsingAComposedTestAnnotationIsTestCode() {
    helper
        .addSourceLines(
            "src/main/java/com/acme/IntegrationTest.java",
            "package com.acme;",
            "import java.lang.annotation.Retention;",
            "import java.lang.annotation.RetentionPolicy;",
            "@org.junit.jupiter.api.Test",
            "@Retention(RetentionPolicy.RUNTIME)",
            "@interface IntegrationTest {}")
        .addSourceLines(
            "src/main/java/com/acme/Pools.java", testMethodBuildingAPool("@IntegrationTest"))
        .doTest();
  }

  @Test
  void aProductionClassExtendingAJUnit3TestCaseIsTestCode() {
    helper
        .addSourceLines(
            "src/main/java/com/acme/Pools.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "class Pools extends junit.framework.TestCase {",
            "  Object pool() {",
            "  " + FINDING,
            "    return new HikariDataSource();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void aProductionClassWithOnlyOtherAnnotationsIsNotTestCode() {
    helper
        .addSourceLines(
            "src/main/java/com/acme/Pools.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "@SuppressWarnings(\"unused\")",
            "class Pools {",
            "  @Deprecated Object pool() {",
            "    return new HikariDataSource();",
            "  }",
            "  @Override public String toString() { return \"pools\"; }",
            "  static class Nested { @Deprecated void m() {} }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void aFileNamedLikeATestOutsideSrcMainIsTestCode() {
    helper
        .addSourceLines("tools/com/acme/PoolsTest.java", poolBuilderWithFinding("PoolsTest"))
        .doTest();
  }

  @Test
  void aFileNamedLikeATestUnderSrcMainIsNotTestCodeByItsName() {
    helper
        .addSourceLines("src/main/java/com/acme/PoolsTest.java", poolBuilder("PoolsTest"))
        .expectNoDiagnostics()
        .doTest();
  }

  /** Class {@code Pools}, whose method annotated {@code annotation} builds a pool, flagged. */
  private static String[] testMethodBuildingAPool(String annotation) {
    return new String[] {
      "package com.acme;",
      "import com.zaxxer.hikari.HikariDataSource;",
      "class Pools {",
      "  " + annotation + " void t() {",
      "  " + FINDING,
      "    new HikariDataSource();",
      "  }",
      "}"
    };
  }

  /** A class {@code name} with {@code imports} whose method builds a pool, flagged. */
  private static String[] poolBuilderWithFinding(String name, String... imports) {
    return source(name, FINDING, imports);
  }

  /** A class {@code name} with {@code imports} whose method builds a pool. */
  private static String[] poolBuilder(String name, String... imports) {
    return source(name, "    // not test code: no finding", imports);
  }

  private static String[] source(String name, String comment, String... imports) {
    String[] head = {"package com.acme;", "import com.zaxxer.hikari.HikariDataSource;"};
    String[] body = {
      "class " + name + " {",
      "  Object pool() {",
      comment,
      "    return new HikariDataSource();",
      "  }",
      "}"
    };
    String[] lines = new String[head.length + imports.length + body.length];
    System.arraycopy(head, 0, lines, 0, head.length);
    System.arraycopy(imports, 0, lines, head.length, imports.length);
    System.arraycopy(body, 0, lines, head.length + imports.length, body.length);
    return lines;
  }
}
