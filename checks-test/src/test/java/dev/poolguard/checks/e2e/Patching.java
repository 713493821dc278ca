package dev.poolguard.checks.e2e;

import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;

/**
 * Runs {@code -XepPatchChecks} over a copy of a fixture tree, applies the patch Error Prone writes
 * with {@code git apply} (what a user does with it), and compiles the patched tree again.
 */
final class Patching {
  private Patching() {}

  static Result patchAndRecompile(String check, Path workDir)
      throws IOException, InterruptedException {
    Path tree = workDir.resolve("tree");
    copyTree(ErrorProneJavac.fixtureRoot(check), tree);
    List<Path> files = javaFiles(tree);
    Path patchDir = workDir.resolve("patch");
    Files.createDirectories(patchDir);

    Compilation patching =
        ErrorProneJavac.inProcess(
            ErrorProneJavac.fixtureSources(files),
            "-XepPatchChecks:" + check,
            "-XepPatchLocation:" + patchDir);
    assertWithMessage("patching run: %s", patching.diagnostics())
        .that(patching.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    Path patchFile = patchDir.resolve("error-prone.patch");
    String patch = Files.readString(patchFile, UTF_8);

    Process apply =
        new ProcessBuilder(
                "git",
                "apply",
                "--unsafe-paths",
                "-p0",
                "--directory=" + relativeRoot(tree),
                patchFile.toString())
            .directory(Path.of("/").toFile())
            .redirectErrorStream(true)
            .start();
    String applyOutput = new String(apply.getInputStream().readAllBytes(), UTF_8);
    assertWithMessage("git apply did not finish").that(apply.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertWithMessage("git apply failed:\n%s\n%s", applyOutput, patch)
        .that(apply.exitValue())
        .isEqualTo(0);

    Compilation patched =
        ErrorProneJavac.inProcess(ErrorProneJavac.fixtureSources(javaFiles(tree)));
    ImmutableList<String> remaining = Diagnostics.of(patched, tree, List.of(check));
    ImmutableList<String> otherErrors =
        patched.diagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(d -> d.getMessage(null))
            .filter(m -> !m.contains("[" + check + "]"))
            .collect(ImmutableList.toImmutableList());
    return new Result(patch, remaining, otherErrors);
  }

  private static String relativeRoot(Path tree) {
    return Path.of("/").relativize(tree.toAbsolutePath()).toString();
  }

  private static List<Path> javaFiles(Path tree) throws IOException {
    try (Stream<Path> files = Files.walk(tree)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /** Copies the directory tree {@code from} to {@code to}. */
  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  /**
   * The patch text, the check's diagnostics left after applying it, and any other compile errors.
   */
  record Result(String patch, ImmutableList<String> remaining, ImmutableList<String> otherErrors) {}
}
