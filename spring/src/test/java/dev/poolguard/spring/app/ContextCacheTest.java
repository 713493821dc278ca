package dev.poolguard.spring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.SharedTestDataSource;
import dev.poolguard.spring.app.contexts.ContextObservations;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Eight test classes over five context signatures, in order, with a context cache of 3 (Surefire
 * sets {@code spring.test.context.cache.maxSize}) and a {@code @DirtiesContext} class in between:
 * contexts are evicted, closed and rebuilt while others stay cached. They run in a launcher session
 * nested in Surefire's, as a suite inside a suite.
 */
@Timeout(180)
class ContextCacheTest {
  @Test
  void everyContextBorrowsFromOneSharedPoolThatNoEvictionOrDirtiedContextCloses() throws Exception {
    TestExecutionSummary summary = FixtureContexts.run("dev.poolguard.spring.app.contexts");

    assertEquals(8, summary.getTestsSucceededCount(), () -> FixtureContexts.failures(summary));
    assertTrue(
        ContextObservations.contexts() >= 7,
        "contexts built (evictions and the dirtied one rebuild): "
            + ContextObservations.contexts());
    assertEquals(1, ContextObservations.pools().size(), "one pool for the database");
    assertTrue(
        ContextObservations.poolGuardPeak() >= 1 && ContextObservations.poolGuardPeak() <= 3,
        "server sessions of the shared pool: " + ContextObservations.poolGuardPeak());
    assertEquals(
        0, ContextObservations.otherPeak(), "the pools Spring would have built never connected");

    String pool = ContextObservations.pools().iterator().next();
    for (DataSource fromAnyContext : ContextObservations.dataSources()) {
      // Also the beans of evicted and dirtied (closed) contexts: their closing left the pool open.
      try (Connection connection = fromAnyContext.getConnection()) {
        assertTrue(connection.isValid(1));
      }
      assertEquals(pool, SharedTestDataSource.stats(fromAnyContext).poolName());
    }
  }
}
