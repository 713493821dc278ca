package dev.poolguard.checks.e2e;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TestConnectionLeak through the packaged jar on a real javac processor path. */
final class TestConnectionLeakEndToEndTest extends CheckEndToEndTest {
  TestConnectionLeakEndToEndTest() {
    super("TestConnectionLeak");
  }

  @Override
  List<String> expectedMessages() {
    return List.of(
        "'dataSource.getConnection()' borrows a Connection that is discarded without being closed",
        "'TestDb.open()' (a helper that returns a borrowed resource)",
        "into 'connection': local variable never closed",
        "into the field 'audit': field never closed in teardown",
        "The shared test pool has 3 connections");
  }

  @Test
  void patchChecksWrapsTheBorrowsAndThePatchedTreeCompilesClean(@TempDir Path workDir)
      throws Exception {
    Patching.Result result = patchAndRecompile(workDir);

    assertThat(result.patch()).contains("+    dataSource.getConnection().close();");
    assertThat(result.patch())
        .contains("+    try (Connection connection = dataSource.getConnection()) {");
    assertThat(result.patch()).contains("+      connection.createStatement().execute(");
    assertThat(result.patch()).contains("+    try (Connection connection = TestDb.open()) {");
    assertThat(result.patch()).contains("+    if (audit != null) {");
    assertThat(result.remaining()).isEmpty();
    assertThat(result.otherErrors()).isEmpty();
  }
}
