package dev.poolguard.runtime;

import dev.poolguard.runtime.fixtures.SuiteRecorder;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Run in a fresh JVM by {@link LauncherSessionLifecycleTest}: two launcher sessions one after the
 * other, as an IDE or a build tool might run them, each running the fixture suite in parallel.
 * Prints one {@code key=value} line per observation.
 */
public final class SessionLifecycleMain {
  private SessionLifecycleMain() {}

  public static void main(String[] args) {
    for (int session = 1; session <= 2; session++) {
      SuiteRecorder.reset();
      TestExecutionSummary summary = SuiteLauncher.runSuiteInNewSession();
      summary.printFailuresTo(new PrintWriter(System.out, true, StandardCharsets.UTF_8), 20);
      System.out.println("session" + session + ".succeeded=" + summary.getTestsSucceededCount());
      System.out.println("session" + session + ".failed=" + summary.getTotalFailureCount());
      System.out.println("session" + session + ".pools=" + SuiteRecorder.poolNames());
      System.out.println("session" + session + ".serverPeak=" + SuiteRecorder.serverPeak());
      System.out.println(
          "session"
              + session
              + ".poolAfterClose=["
              + SharedTestDataSource.stats().poolName()
              + "]");
    }
    System.out.flush();
  }
}
