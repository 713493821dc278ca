package dev.poolguard.spring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.poolguard.spring.app.hygiene.SessionObservations;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Two Spring test contexts, one after the other on the shared pool: the first one's test sets
 * search_path and leaves it, the next context's test does not see it, and a @Transactional test
 * still rolls back. They run in a launcher session nested in Surefire's.
 */
@Timeout(120)
class SessionHygieneTest {
  @Test
  void aSearchPathOneContextLeftIsNotSeenByTheNextWhileTestTransactionsRollBack() {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    try (LauncherSession session = LauncherFactory.openSession()) {
      session
          .getLauncher()
          .execute(
              LauncherDiscoveryRequestBuilder.request()
                  .selectors(selectPackage("dev.poolguard.spring.app.hygiene"))
                  .filters(ClassNameFilter.includeClassNamePatterns(".*Context"))
                  .configurationParameter(
                      "junit.jupiter.testclass.order.default",
                      "org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
                  .build(),
              listener);
    }
    TestExecutionSummary summary = listener.getSummary();
    assertEquals(3, summary.getTestsSucceededCount(), () -> failures(summary));
    List<Integer> backends = SessionObservations.backends();
    // The same server session served both contexts: what the first left was there to be seen.
    assertEquals(2, backends.size(), backends::toString);
    assertEquals(backends.get(0), backends.get(1), "both contexts' tests ran on one session");
  }

  private static String failures(TestExecutionSummary summary) {
    StringBuilder text = new StringBuilder();
    summary
        .getFailures()
        .forEach(
            failure ->
                text.append(failure.getTestIdentifier().getDisplayName())
                    .append(": ")
                    .append(failure.getException())
                    .append('\n'));
    return text.toString();
  }
}
