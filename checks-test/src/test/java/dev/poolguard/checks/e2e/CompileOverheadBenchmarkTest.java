package dev.poolguard.checks.e2e;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maven entry point of the compile-overhead benchmark; off unless {@code -Dpoolguard.bench=true}
 * (see {@code scripts/bench-checks}). It prints ratios measured in one run and asserts no time. The
 * other tests cover how {@code --compare-with} builds the compared processor path.
 */
class CompileOverheadBenchmarkTest {
  @Test
  @EnabledIfSystemProperty(named = "poolguard.bench", matches = "true")
  void benchmark() throws Exception {
    List<String> args = new ArrayList<>();
    for (String key :
        List.of(
            "classes",
            "seed",
            "pairs",
            "warmup",
            "toolchains",
            "clean",
            "out",
            "sources",
            "classpath",
            "compareWith")) {
      String value = System.getProperty("poolguard.bench." + key);
      if (value != null && !value.isBlank()) {
        args.add("--" + key + "=" + value);
      }
    }
    CompileOverheadBenchmark.main(args.toArray(String[]::new));
  }

  @Test
  void comparedProcessorPathReplacesOnlyTheChecksEntry(@TempDir Path other) throws Exception {
    Files.createDirectories(other.resolve("dev/poolguard/checks"));
    List<String> before = Arrays.asList(ErrorProneJavac.processorPath().split(File.pathSeparator));

    List<String> after =
        Arrays.asList(
            CompileOverheadBenchmark.withOtherChecks(String.join(File.pathSeparator, before), other)
                .split(File.pathSeparator));

    List<String> changed = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (!before.get(i).equals(after.get(i))) {
        changed.add(before.get(i) + " -> " + after.get(i));
      }
    }
    assertThat(after).hasSize(before.size());
    assertThat(changed).hasSize(1);
    // The checks jar, or the checks module's classes directory when the reactor stops before
    // package.
    assertThat(changed.get(0))
        .matches("(.*poolguard-checks-.*\\.jar|.*/checks/target/classes) -> " + other);
  }

  @Test
  void comparedChecksWithoutPoolGuardClassesAreRejectedByName(@TempDir Path notChecks) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CompileOverheadBenchmark.withOtherChecks(
                    ErrorProneJavac.processorPath(), notChecks));
    assertThat(e)
        .hasMessageThat()
        .contains(
            "--compare-with " + notChecks + ": not a PoolGuard checks jar or classes directory");
  }

  @Test
  void processorPathWithoutChecksIsRejected(@TempDir Path other) throws Exception {
    Files.createDirectories(other.resolve("dev/poolguard/checks"));

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> CompileOverheadBenchmark.withOtherChecks("/nonexistent.jar", other));
    assertThat(e)
        .hasMessageThat()
        .contains("expected one PoolGuard checks entry on the processor path, found 0");
  }
}
