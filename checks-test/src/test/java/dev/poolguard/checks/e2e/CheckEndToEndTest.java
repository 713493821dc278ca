package dev.poolguard.checks.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.common.truth.Correspondence;
import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every check must show through the packaged jar on a real processor path, over its fixture
 * tree {@code fixtures/<Check>/}: exactly the golden diagnostics, nothing in production sources,
 * and a build that stays green when a user turns the check down to a warning. Subclasses add the
 * check's messages and its {@code -XepPatchChecks} fix.
 */
abstract class CheckEndToEndTest {
  private final String check;
  private final List<String> checks;
  final Path root;
  final List<Path> files;

  CheckEndToEndTest(String check) {
    this.check = check;
    this.checks = List.of(check);
    this.root = ErrorProneJavac.fixtureRoot(check);
    this.files = ErrorProneJavac.fixtureFiles(check);
  }

  /** Error messages the failing compilation must contain. */
  abstract List<String> expectedMessages();

  @Test
  void failsTheBuildWithExactlyTheGoldenDiagnostics() {
    Compilation compilation = ErrorProneJavac.inProcess(ErrorProneJavac.fixtureSources(files));

    assertThat(compilation).failed();
    assertThat(Diagnostics.of(compilation, root, checks))
        .containsExactlyElementsIn(Diagnostics.golden(check))
        .inOrder();
    expectedMessages().forEach(message -> assertThat(compilation).hadErrorContaining(message));
  }

  @Test
  void leavesProductionSourcesAlone() {
    Compilation compilation = ErrorProneJavac.inProcess(ErrorProneJavac.fixtureSources(files));

    assertThat(Diagnostics.of(compilation, root, checks))
        .comparingElementsUsing(
            Correspondence.<String, String>from(String::startsWith, "starts with"))
        .doesNotContain("src/main/");
  }

  @Test
  void severityOverrideKeepsTheBuildGreen() {
    Compilation compilation =
        ErrorProneJavac.inProcess(ErrorProneJavac.fixtureSources(files), "-Xep:" + check + ":WARN");

    assertThat(compilation).succeeded();
    assertThat(Diagnostics.of(compilation, root, checks))
        .containsExactlyElementsIn(Diagnostics.golden(check));
    assertThat(compilation).hadWarningContaining("[" + check + "]");
  }

  /**
   * {@code -XepPatchChecks} for this check over a copy of the fixture tree, applied and recompiled.
   */
  Patching.Result patchAndRecompile(Path workDir) throws Exception {
    return Patching.patchAndRecompile(check, workDir);
  }

  /** How a diagnostic of this check on {@code file:line} appears in results. */
  String diagnostic(String fileAndLine) {
    return fileAndLine + ": [" + check + "]";
  }
}
