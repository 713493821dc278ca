package dev.poolguard.checks.e2e;

import java.util.List;
import java.util.stream.Stream;

/**
 * The names of PoolGuard's checks, in one place for every end-to-end test: a new check is added
 * here once. (The benchmarks in bench/ read the names from the checks jar itself.)
 */
final class PoolGuardChecks {
  static final List<String> NAMES =
      List.of(
          "PerTestDatabaseClient",
          "SharedPoolClosedInTest",
          "HardcodedTestSlug",
          "TestConnectionLeak");

  private PoolGuardChecks() {}

  /** {@link #NAMES} as a JUnit {@code @MethodSource}. */
  static Stream<String> names() {
    return NAMES.stream();
  }
}
