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
 * One published jar serves every user: the checks jar this JDK 17 build packaged (compiled against
 * Error Prone 2.42.0) must load under JDK 25's javac with the newest Error Prone and report exactly
 * the same diagnostics. Users upgrade Error Prone without waiting for a PoolGuard release.
 */
final class CrossToolchainTest {
  @ParameterizedTest
  @ValueSource(strings = {"PerTestDatabaseClient", "SharedPoolClosedInTest", "HardcodedTestSlug"})
  void jdk17JarGivesTheSameDiagnosticsUnderJdk25AndTheNewestErrorProne(String check) {
    assumeTrue(
        Runtime.version().feature() < 21,
        "runs in the JDK 17 build, whose jar is the one compiled against Error Prone 2.42.0");
    Path jdk25 = Path.of(System.getProperty("poolguard.jdk25.home"));
    assumeTrue(Files.isExecutable(jdk25.resolve("bin/javac")), "no JDK 25 at " + jdk25);

    List<Path> files = ErrorProneJavac.fixtureFiles(check);
    ErrorProneJavac.ForkedResult result =
        ErrorProneJavac.forked(jdk25, ErrorProneJavac.latestProcessorPath(), files);

    assertWithMessage("JDK 25 javac output:\n%s", result.output())
        .that(result.output())
        .doesNotContain("An unhandled exception was thrown by the Error Prone");
    assertWithMessage("JDK 25 javac output:\n%s", result.output())
        .that(Diagnostics.of(result.output(), ErrorProneJavac.fixtureRoot(check), List.of(check)))
        .containsExactlyElementsIn(Diagnostics.golden(check))
        .inOrder();
    assertThat(result.exitCode()).isNotEqualTo(0);
  }
}
