package dev.poolguard.checks.leaks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Realistic test classes (in {@code cases/}) whose every leak carries a {@code // BUG:} marker:
 * each must be reported and nothing else may be, so a finding too many or too few fails.
 */
final class TestConnectionLeakCasesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "OrderRepositoryTest.java",
        "LifecycleFieldsTest.java",
        "LegacyJunit4Test.java",
        "TestNgLifecycleTest.java",
        "JdbiAndSpringTest.java",
        "HelpersTest.java",
        "TestFixtures.java"
      })
  void reportsExactlyTheMarkedLeaks(String file) {
    CompilationTestHelper.newInstance(TestConnectionLeak.class, getClass())
        .addSourceFile("cases/" + file)
        .doTest();
  }

  @org.junit.jupiter.api.Test
  void subclassFieldsClosedByTheBaseClassTeardownAreNotReported() {
    CompilationTestHelper.newInstance(TestConnectionLeak.class, getClass())
        .addSourceFile("cases/AbstractDatabaseTest.java")
        .addSourceFile("cases/InvoiceDatabaseTest.java")
        .doTest();
  }
}
