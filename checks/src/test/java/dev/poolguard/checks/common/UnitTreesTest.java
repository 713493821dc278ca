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
import com.sun.source.util.TreePath;
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

  @Test
  void sitesInEveryKindOfMemberAreReadWithThePathJavacGives() {
    ClosingSites.reset();
    CompilationTestHelper.newInstance(ClosingSites.class, getClass())
        .addSourceLines(
            "Members.java",
            """
            import java.io.Closeable;
            import java.io.IOException;

            class Members {
              interface Action {
                void run() throws IOException;
              }

              static Closeable shared;
              // BUG: Diagnostic contains: ClosingSites
              Action inField = () -> shared.close();

              static {
                // BUG: Diagnostic contains: ClosingSites
                try {
                  // BUG: Diagnostic contains: ClosingSites
                  shared.close();
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              }

              static class Nested {
                void f() throws IOException {
                  // BUG: Diagnostic contains: ClosingSites
                  shared.close();
                }
              }

              Action f() {
                class Local implements Action {
                  public void run() throws IOException {
                    // BUG: Diagnostic contains: ClosingSites
                    shared.close();
                  }
                }
                return new Action() {
                  @Override
                  public void run() throws IOException {
                    new Local().run();
                    // BUG: Diagnostic contains: ClosingSites
                    shared.close();
                  }
                };
              }
            }
            """)
        .doTest();
    assertEquals(6, ClosingSites.SITES_READ.size());
    assertEquals(List.of(), ClosingSites.PATHS_NOT_AS_JAVAC_GIVES);
  }

  @Test
  void anAssignmentIsReadWhenTheNameOfTheVariableItAssignsPassesTheNameTest() {
    ClosingSites.reset();
    CompilationTestHelper.newInstance(ClosingSites.class, getClass())
        .addSourceLines(
            "Flags.java",
            """
            class Flags {
              boolean closed;
              int other;

              void f(Flags that, int[] values) {
                // BUG: Diagnostic contains: ClosingSites
                that.closed = true;
                // BUG: Diagnostic contains: ClosingSites
                closed = false;
                other = 1;
                values[0] = 2;
              }
            }
            """)
        .doTest();
    assertEquals(List.of("that.closed = true", "closed = false"), ClosingSites.SITES_READ);
    // An array element has no name: it is not tested, nor read.
    assertEquals(List.of("<init>", "closed", "other"), ClosingSites.NAMES_TESTED);
  }

  /**
   * {@link ClosingSites} over a unit with two calls of {@code hashCode()}, a try and three calls of
   * {@code close()} (one method, read at each call).
   */
  private CompilationTestHelper closingSites() {
    ClosingSites.reset();
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
   * A check over {@link UnitTrees} that reads the calls of methods named {@code close}, every
   * {@code try} and the assignments of variables named {@code closed}, reporting each, and records
   * what the walk asked its tests and handed it to read, and each site whose path is not the one
   * {@link TreePath#getPath(CompilationUnitTree, Tree)} finds.
   */
  @BugPattern(
      summary = "Reads calls of close(), try statements and assignments of `closed`",
      severity = WARNING)
  public static final class ClosingSites extends BugChecker implements CompilationUnitTreeMatcher {
    private static final long serialVersionUID = 1L;
    static final List<String> NAMES_TESTED = new ArrayList<>();
    static final List<String> METHODS_TESTED = new ArrayList<>();
    static final List<String> SITES_READ = new ArrayList<>();
    static final List<String> PATHS_NOT_AS_JAVAC_GIVES = new ArrayList<>();

    static void reset() {
      NAMES_TESTED.clear();
      METHODS_TESTED.clear();
      SITES_READ.clear();
      PATHS_NOT_AS_JAVAC_GIVES.clear();
    }

    private final UnitTrees.Candidates closing =
        new UnitTrees.Candidates(
            Set.of(Tree.Kind.METHOD_INVOCATION, Tree.Kind.TRY, Tree.Kind.ASSIGNMENT),
            (name, state) -> {
              NAMES_TESTED.add(name.toString());
              return name.contentEquals("close") || name.contentEquals("closed");
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
            if (!leaves(site.path()).equals(leaves(TreePath.getPath(unit, site.tree())))) {
              PATHS_NOT_AS_JAVAC_GIVES.add(source);
            }
            return describeMatch(site.tree());
          });
      return Description.NO_MATCH;
    }

    /** The trees from {@code path}'s leaf up to its unit. */
    private static List<Tree> leaves(TreePath path) {
      List<Tree> leaves = new ArrayList<>();
      path.forEach(leaves::add);
      return leaves;
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
