package dev.poolguard.checks.common;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.scanner.ScannerSupplier;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import dev.poolguard.checks.clients.PerTestDatabaseClient;
import dev.poolguard.checks.teardown.SharedPoolClosedInTest;
import java.util.ArrayList;
import java.util.List;
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
  void candidatesReadOnlyCallsConstructionsReferencesTriesAndAssignments() {
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new UnitTrees.Candidates(
                    Set.of(Tree.Kind.IDENTIFIER), UnitTrees.NameTest.ANY, (method, state) -> true));
    String message = String.valueOf(thrown.getMessage());
    assertTrue(message.contains("kinds must be among"), message);
  }

  @Test
  void aMethodWhoseNameFailsTheNameTestIsNeverTested() {
    closingSites().doTest();
    assertEquals(List.of("Closeable.close"), ClosingSites.METHODS_TESTED);
  }

  @Test
  void eachNameIsTestedOncePerCompilation() {
    closingSites().doTest();
    // <init>: the implicit constructor's super() call.
    assertEquals(List.of("<init>", "hashCode", "close"), ClosingSites.NAMES_TESTED);
  }

  @Test
  void triesAndCallsAreReadInSourceOrder() {
    closingSites().doTest();
    assertEquals(
        List.of("a.close()", "try (Closeable c = b)", "b.close()", "b.close()"),
        ClosingSites.SITES_READ);
  }

  /**
   * {@link ClosingSites} over a unit with two calls of {@code hashCode()}, a try and three calls of
   * {@code close()} (one method, read at each call).
   */
  private CompilationTestHelper closingSites() {
    ClosingSites.METHODS_TESTED.clear();
    ClosingSites.NAMES_TESTED.clear();
    ClosingSites.SITES_READ.clear();
    return CompilationTestHelper.newInstance(ClosingSites.class, getClass())
        .addSourceLines(
            "Sites.java",
            "import java.io.Closeable;",
            "class Sites {",
            "  void f(Closeable a, Closeable b) throws Exception {",
            "    a.hashCode();",
            "    b.hashCode();",
            "    // BUG: Diagnostic contains: ClosingSites",
            "    a.close();",
            "    // BUG: Diagnostic contains: ClosingSites",
            "    try (Closeable c = b) {",
            "      // BUG: Diagnostic contains: ClosingSites",
            "      b.close();",
            "    }",
            "    // BUG: Diagnostic contains: ClosingSites",
            "    b.close();",
            "  }",
            "}");
  }

  /**
   * A check over {@link UnitTrees} that reads the calls of methods named {@code close} and every
   * {@code try}, reporting each, and records what the walk asked its tests and handed it to read.
   */
  @BugPattern(summary = "Reads calls of close() and try statements", severity = WARNING)
  public static final class ClosingSites extends BugChecker implements CompilationUnitTreeMatcher {
    private static final long serialVersionUID = 1L;
    static final List<String> NAMES_TESTED = new ArrayList<>();
    static final List<String> METHODS_TESTED = new ArrayList<>();
    static final List<String> SITES_READ = new ArrayList<>();

    private final UnitTrees.Candidates closing =
        new UnitTrees.Candidates(
            Set.of(Tree.Kind.METHOD_INVOCATION, Tree.Kind.TRY),
            (name, state) -> {
              NAMES_TESTED.add(name.toString());
              return name.contentEquals("close");
            },
            (method, state) -> {
              METHODS_TESTED.add(method.owner.getSimpleName() + "." + method.getSimpleName());
              return true;
            });

    @Override
    public Description matchCompilationUnit(CompilationUnitTree unit, VisitorState state) {
      UnitTrees.report(
          this,
          state,
          UnitTrees.of(state).sites(closing, state),
          (site, unitState) -> {
            String source = unitState.getSourceForNode(site.tree());
            SITES_READ.add(
                source.contains("{") ? source.substring(0, source.indexOf('{')).trim() : source);
            return describeMatch(site.tree());
          });
      return Description.NO_MATCH;
    }
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
