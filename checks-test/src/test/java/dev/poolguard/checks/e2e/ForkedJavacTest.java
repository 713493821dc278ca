package dev.poolguard.checks.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checks as a user's build runs them: a separate {@code javac} process whose processor path
 * holds Error Prone, its dependencies and the packaged checks jar, and nothing else. (In-process
 * compilation shares this JVM's classpath, so only a forked javac proves the jar needs nothing
 * more.)
 */
final class ForkedJavacTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "PerTestDatabaseClient",
        "SharedPoolClosedInTest",
        "HardcodedTestSlug",
        "TestConnectionLeak"
      })
  void loadsWithNothingButErrorProneOnTheProcessorPath(String check) {
    Path javaHome = Path.of(System.getProperty("java.home"));

    assertGoldenDiagnostics(check, javaHome, ErrorProneJavac.processorPath());
  }

  /**
   * One published jar serves every user: the jar this JDK 17 build packaged, compiled against Error
   * Prone 2.42.0, must load under JDK 25's javac with the newest Error Prone and report exactly the
   * same diagnostics. Users upgrade Error Prone without waiting for a PoolGuard release.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "PerTestDatabaseClient",
        "SharedPoolClosedInTest",
        "HardcodedTestSlug",
        "TestConnectionLeak"
      })
  void jdk17JarGivesTheSameDiagnosticsUnderJdk25AndTheNewestErrorProne(String check) {
    assumeTrue(
        Runtime.version().feature() < 21,
        "runs in the JDK 17 build, whose jar is the one compiled against Error Prone 2.42.0");
    Path jdk25 = Path.of(System.getProperty("poolguard.jdk25.home"));
    assumeTrue(Files.isExecutable(jdk25.resolve("bin/javac")), "no JDK 25 at " + jdk25);

    assertGoldenDiagnostics(check, jdk25, ErrorProneJavac.latestProcessorPath());
  }

  private static void assertGoldenDiagnostics(String check, Path javaHome, String processorPath) {
    List<Path> files = ErrorProneJavac.fixtureFiles(check);
    ErrorProneJavac.ForkedResult result = ErrorProneJavac.forked(javaHome, processorPath, files);

    assertWithMessage("javac output:\n%s", result.output())
        .that(result.output())
        .doesNotContain("An unhandled exception was thrown by the Error Prone");
    assertWithMessage("javac output:\n%s", result.output())
        .that(result.output())
        .doesNotContain("NoClassDefFoundError");
    assertWithMessage("javac output:\n%s", result.output())
        .that(Diagnostics.of(result.output(), ErrorProneJavac.fixtureRoot(check), List.of(check)))
        .containsExactlyElementsIn(Diagnostics.golden(check))
        .inOrder();
    assertThat(result.exitCode()).isNotEqualTo(0);
  }
}
