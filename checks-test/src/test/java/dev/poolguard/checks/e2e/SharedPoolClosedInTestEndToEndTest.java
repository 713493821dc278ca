package dev.poolguard.checks.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SharedPoolClosedInTest through the packaged jar on a real javac processor path. */
final class SharedPoolClosedInTestEndToEndTest {
  private static final String CHECK = "SharedPoolClosedInTest";
  private static final List<String> CHECKS = List.of(CHECK);

  private final Path root = ErrorProneJavac.fixtureRoot(CHECK);
  private final List<Path> files = ErrorProneJavac.fixtureFiles(CHECK);

  @Test
  void failsTheBuildWithExactlyTheGoldenDiagnostics() {
    Compilation compilation = ErrorProneJavac.inProcess(ErrorProneJavac.fixtureSources(files));

    assertThat(compilation).failed();
    assertThat(Diagnostics.of(compilation, root, CHECKS))
        .containsExactlyElementsIn(Diagnostics.golden(CHECK))
        .inOrder();
    assertThat(compilation).hadErrorContaining("ends the shared test pool");
    assertThat(compilation).hadErrorContaining("ends a pool this class does not own");
  }

  @Test
  void severityOverrideKeepsTheBuildGreen() {
    Compilation compilation =
        ErrorProneJavac.inProcess(ErrorProneJavac.fixtureSources(files), "-Xep:" + CHECK + ":WARN");

    assertThat(compilation).succeeded();
    assertThat(Diagnostics.of(compilation, root, CHECKS))
        .containsExactlyElementsIn(Diagnostics.golden(CHECK));
  }

  @Test
  void patchChecksDeletesTheCallsAndThePatchedTreeCompilesClean(@TempDir Path workDir)
      throws Exception {
    Patching.Result result = Patching.patchAndRecompile(CHECK, workDir);

    assertThat(result.patch()).contains("-    ((HikariDataSource) dataSource).close();");
    assertThat(result.patch()).contains("-    if (LegacyDb.pool() != null) {");
    assertThat(result.remaining()).isEmpty();
    assertThat(result.otherErrors()).isEmpty();
  }
}
