package dev.poolguard.checks.e2e;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PerTestDatabaseClient through the packaged jar on a real javac processor path. */
final class PerTestDatabaseClientEndToEndTest extends CheckEndToEndTest {
  PerTestDatabaseClientEndToEndTest() {
    super("PerTestDatabaseClient");
  }

  @Override
  List<String> expectedMessages() {
    return List.of(
        "new HikariDataSource(..) builds a connection pool of its own",
        "DriverManager.getConnection(..) builds a raw connection outside the shared pool",
        "new HikariDataSource(..) builds a connection pool of its own once per thread");
  }

  @Test
  void patchChecksWritesAPatchThatApplies(@TempDir Path workDir) throws Exception {
    Patching.Result result = patchAndRecompile(workDir);

    assertThat(result.patch()).contains("+import dev.poolguard.runtime.SharedTestDataSource;");
    assertThat(result.patch()).contains("+    dataSource = SharedTestDataSource.get();");
    assertThat(result.patch())
        .contains(
            "+    try (Connection connection = SharedTestDataSource.get().getConnection()) {");
    // Only the HikariDataSource-typed field has no certain fix and is still reported (one line
    // lower:
    // the patch added an import).
    assertThat(result.remaining())
        .containsExactly(diagnostic("src/test/java/com/acme/orders/OrderRepositoryTest.java:21"));
    assertThat(result.otherErrors()).isEmpty();
  }
}
