package dev.poolguard.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.fixtures.SuiteRecorder;
import dev.poolguard.runtime.internal.ChildJvm;
import dev.poolguard.runtime.internal.SettingsResolver;
import dev.poolguard.runtime.internal.TestDatabases;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The pool's life follows the JUnit Platform launcher sessions; checked with real sessions. */
@Timeout(120)
class LauncherSessionLifecycleTest {
  @Test
  void eachSessionSharesOnePoolClosesItAtTheEndAndTheNextSessionGetsAFreshOne() throws Exception {
    String output =
        ChildJvm.run(
            SessionLifecycleMain.class,
            Map.of(),
            List.of(
                "-Dpoolguard.url=" + TestDatabases.POSTGRES_URL,
                "-Dpoolguard.user=" + TestDatabases.POSTGRES_USER));
    Properties seen = new Properties();
    for (String line : output.lines().toList()) {
      if (line.startsWith("session")) {
        seen.setProperty(
            line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1).strip());
      }
    }
    for (int session = 1; session <= 2; session++) {
      String prefix = "session" + session + ".";
      assertEquals(
          String.valueOf(SuiteLauncher.TESTS), seen.getProperty(prefix + "succeeded"), output);
      assertEquals("0", seen.getProperty(prefix + "failed"), output);
      assertTrue(
          seen.getProperty(prefix + "pools").matches("\\[poolguard-\\d+-\\d+]"),
          () -> "one pool per session: " + output);
      int serverPeak = Integer.parseInt(seen.getProperty(prefix + "serverPeak"));
      assertTrue(
          serverPeak >= 1 && serverPeak <= SettingsResolver.DEFAULT_MAX_POOL_SIZE,
          "server-side connections of the pool: " + serverPeak);
      assertEquals(
          "[]", seen.getProperty(prefix + "poolAfterClose"), "closed when the session ended");
    }
    assertNotEquals(seen.getProperty("session1.pools"), seen.getProperty("session2.pools"));

    Matcher report =
        Pattern.compile(
                "\\[PoolGuard] session report for PostgreSQL .*: pool size 3, borrows 16, "
                    + "peak [1-3] in use, waits \\d+, time-outs 0, suspected leaks 0, wall time [0-9.]+ s")
            .matcher(output);
    int reports = 0;
    while (report.find()) {
      reports++;
    }
    assertEquals(2, reports, "one report line per session:\n" + output);
    System.out.println("child JVM, two sessions:\n" + output.strip());
  }

  @Test
  void aNestedSessionSharesTheEnclosingSessionsPoolAndLeavesItOpen() throws Exception {
    // Surefire runs this class inside a launcher session of its own; the suite's session is nested
    // in it.
    SharedTestDataSource.get();
    String outerPool = SharedTestDataSource.stats().poolName();
    SuiteRecorder.reset();

    TestExecutionSummary summary = SuiteLauncher.runSuiteInNewSession();

    assertEquals(
        SuiteLauncher.TESTS,
        summary.getTestsSucceededCount(),
        () -> summary.getFailures().toString());
    assertEquals(Set.of(outerPool), SuiteRecorder.poolNames());
    assertTrue(SuiteRecorder.serverPeak() <= SettingsResolver.DEFAULT_MAX_POOL_SIZE);
    assertEquals(
        outerPool,
        SharedTestDataSource.stats().poolName(),
        "the nested session's end left it open");
    try (Connection connection = SharedTestDataSource.get().getConnection()) {
      assertTrue(connection.isValid(1));
    }
  }
}
