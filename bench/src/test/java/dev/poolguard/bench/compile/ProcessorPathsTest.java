package dev.poolguard.bench.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.bench.common.BenchBuild;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the compile benchmark finds the checks on this build's processor path and puts another
 * build's in their place ({@code --compare-with}).
 */
class ProcessorPathsTest {
  @Test
  void checkNamesAreTheChecksTheJarRegisters() throws Exception {
    List<String> names = ProcessorPaths.checkNames(BenchBuild.processorPath());

    assertTrue(
        names.containsAll(
            List.of(
                "HardcodedTestSlug",
                "PerTestDatabaseClient",
                "SharedPoolClosedInTest",
                "TestConnectionLeak")),
        names::toString);
  }

  @Test
  void comparedProcessorPathReplacesOnlyTheChecksEntry(@TempDir Path other) throws Exception {
    Files.createDirectories(other.resolve("dev/poolguard/checks"));
    List<String> before = Arrays.asList(BenchBuild.processorPath().split(File.pathSeparator, -1));

    List<String> after =
        Arrays.asList(
            ProcessorPaths.withOtherChecks(String.join(File.pathSeparator, before), other)
                .split(File.pathSeparator, -1));

    List<String> changed = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (!before.get(i).equals(after.get(i))) {
        changed.add(before.get(i) + " -> " + after.get(i));
      }
    }
    assertEquals(before.size(), after.size());
    assertEquals(1, changed.size(), changed::toString);
    // The checks jar, or the checks module's classes directory when the reactor stops before
    // package.
    assertTrue(
        changed
            .get(0)
            .matches("(.*poolguard-checks-.*\\.jar|.*/checks/target/classes) -> " + other),
        changed.get(0));
  }

  @Test
  void comparedChecksWithoutPoolGuardClassesAreRejectedByName(@TempDir Path notChecks) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ProcessorPaths.withOtherChecks(BenchBuild.processorPath(), notChecks));
    assertTrue(
        String.valueOf(e.getMessage())
            .contains(
                "--compare-with "
                    + notChecks
                    + ": not a PoolGuard checks jar or classes directory"),
        e.getMessage());
  }

  @Test
  void processorPathWithoutChecksIsRejected(@TempDir Path other) throws Exception {
    Files.createDirectories(other.resolve("dev/poolguard/checks"));

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> ProcessorPaths.withOtherChecks("/nonexistent.jar", other));
    assertTrue(
        String.valueOf(e.getMessage())
            .contains("expected one PoolGuard checks entry on the processor path, found 0"),
        e.getMessage());
  }
}
