package dev.poolguard.checks.e2e;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SharedPoolClosedInTest through the packaged jar on a real javac processor path. */
final class SharedPoolClosedInTestEndToEndTest extends CheckEndToEndTest {
  SharedPoolClosedInTestEndToEndTest() {
    super("SharedPoolClosedInTest");
  }

  @Override
  List<String> expectedMessages() {
    return List.of(
        "ends the shared test pool",
        "ends a pool this class does not own",
        "ends the pool kept in JUnit's run-wide extension store");
  }

  @Test
  void patchChecksDeletesTheCallsAndThePatchedTreeCompilesClean(@TempDir Path workDir)
      throws Exception {
    Patching.Result result = patchAndRecompile(workDir);

    assertThat(result.patch()).contains("-    ((HikariDataSource) dataSource).close();");
    assertThat(result.patch()).contains("-    if (LegacyDb.pool() != null) {");
    // Ending the root store's pool has no certain fix: it is still reported.
    assertThat(result.remaining())
        .containsExactly(diagnostic("src/test/java/com/acme/support/DatabaseExtension.java:25"));
    assertThat(result.otherErrors()).isEmpty();
  }
}
