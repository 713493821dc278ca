package dev.poolguard.checks.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PerTestDatabaseClient through the packaged jar on a real javac processor path. */
final class PerTestDatabaseClientEndToEndTest {
  private static final String CHECK = "PerTestDatabaseClient";
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
    assertThat(compilation).hadErrorContaining("new HikariDataSource(..) builds a connection pool");
  }

  @Test
  void leavesProductionSourcesAlone() {
    Compilation compilation = ErrorProneJavac.inProcess(ErrorProneJavac.fixtureSources(files));

    assertThat(Diagnostics.of(compilation, root, CHECKS))
        .comparingElementsUsing(
            com.google.common.truth.Correspondence.<String, String>from(
                String::startsWith, "starts with"))
        .doesNotContain("src/main/");
  }

  @Test
  void severityOverrideKeepsTheBuildGreen() {
    Compilation compilation =
        ErrorProneJavac.inProcess(
            ErrorProneJavac.fixtureSources(files), "-Xep:" + CHECK + ":WARN");

    assertThat(compilation).succeeded();
    assertThat(Diagnostics.of(compilation, root, CHECKS))
        .containsExactlyElementsIn(Diagnostics.golden(CHECK));
    assertThat(compilation).hadWarningContaining("[" + CHECK + "]");
  }

  @Test
  void patchChecksWritesAPatchThatApplies(@TempDir Path workDir) throws Exception {
    Patching.Result result = Patching.patchAndRecompile(CHECK, workDir);

    assertThat(result.patch()).contains("+import dev.poolguard.runtime.SharedTestDataSource;");
    assertThat(result.patch()).contains("+    dataSource = SharedTestDataSource.get();");
    assertThat(result.patch())
        .contains("+    try (Connection connection = SharedTestDataSource.get().getConnection()) {");
    // Only the HikariDataSource-typed field has no certain fix and is still reported.
    assertThat(result.remaining())
        .containsExactly("src/test/java/com/acme/orders/OrderRepositoryTest.java:21: [" + CHECK + "]");
    assertThat(result.otherErrors()).isEqualTo(ImmutableList.of());
  }
}
