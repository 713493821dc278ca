package dev.poolguard.spring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolguard.spring.app.hygiene.SessionObservations;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
    TestExecutionSummary summary = FixtureContexts.run("dev.poolguard.spring.app.hygiene");
    assertEquals(3, summary.getTestsSucceededCount(), () -> FixtureContexts.failures(summary));
    List<Integer> backends = SessionObservations.backends();
    // The same server session served both contexts: what the first left was there to be seen.
    assertEquals(2, backends.size(), backends::toString);
    assertEquals(backends.get(0), backends.get(1), "both contexts' tests ran on one session");
  }
}
