package dev.poolguard.spring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.poolguard.runtime.SharedTestDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Code that injects {@code HikariDataSource} keeps working: the bean is still one, with the
 * settings Spring bound, but borrows from the shared pool and never starts its own; what it says
 * about a running pool is the shared pool's.
 */
@ConfiguredHikariContext
class ConcreteHikariTypeTest {
  @Autowired HikariDataSource hikari;
  @Autowired MeterRegistry registry;

  @Test
  void theInjectedHikariDataSourceBorrowsFromTheSharedPool() throws Exception {
    long before = SharedTestDataSource.stats(hikari).borrows();
    try (Connection connection = hikari.getConnection()) {
      assertEquals(true, connection.isValid(1));
    }
    assertEquals(before + 1, SharedTestDataSource.stats(hikari).borrows());
    assertEquals(3, SharedTestDataSource.stats(hikari).maximumPoolSize());
  }

  @Test
  void itKeepsTheBoundSettings() {
    assertEquals(17, hikari.getMaximumPoolSize());
    assertFalse(hikari.isAutoCommit());
    assertEquals(SpringTestDatabases.url(SpringTestDatabases.DATABASE), hikari.getJdbcUrl());
  }

  // The connection is held, not used: it opens the shared pool whose name is compared.
  @SuppressWarnings("try")
  @Test
  void itsPoolNameIsTheSharedPoolsAndItIsRunning() throws Exception {
    try (Connection connection = hikari.getConnection()) {
      assertEquals(SharedTestDataSource.stats(hikari).poolName(), hikari.getPoolName());
      assertTrue(hikari.getPoolName().startsWith("poolguard-"), hikari.getPoolName());
      assertTrue(hikari.isRunning());
    }
  }

  // The connections are held, not used: the MXBean counts them as active.
  @SuppressWarnings("try")
  @Test
  void itsPoolMXBeanCountsTheSharedPoolsServerSessions() throws Exception {
    HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
    try (Connection first = hikari.getConnection();
        Connection second = hikari.getConnection()) {
      assertEquals(2, pool.getActiveConnections(), "this test holds two, nobody else any");
      assertEquals(pool.getActiveConnections() + pool.getIdleConnections(), poolGuardSessions());
      assertEquals(pool.getTotalConnections(), poolGuardSessions());
      assertEquals(0, pool.getThreadsAwaitingConnection());
    }
    assertEquals(0, pool.getActiveConnections());
    assertEquals(pool.getIdleConnections(), poolGuardSessions(), "returned, still open");
  }

  @Test
  void suspendingOrEvictingTheSharedPoolIsRefusedNamingItAndTheOptOut() throws Exception {
    HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
    try (Connection connection = hikari.getConnection()) {
      assertRefused(pool::suspendPool, "suspendPool()");
      assertRefused(pool::resumePool, "resumePool()");
      assertRefused(pool::softEvictConnections, "softEvictConnections()");
      assertRefused(() -> hikari.evictConnection(connection), "evictConnection(..)");
      assertTrue(connection.isValid(1), "the refusals changed nothing");
    }
    assertTrue(hikari.isRunning());
  }

  @Test
  void aMetricRegistryIsRefusedNamingWhatToSetInstead() {
    String message =
        String.valueOf(
            assertThrows(IllegalStateException.class, () -> hikari.setMetricRegistry(registry))
                .getMessage());
    assertTrue(message.contains("set a MetricsTrackerFactory instead"), message);
  }

  @Test
  void aSecondMetricsTrackerFactoryIsRefusedAsByARunningPool() {
    assertNotNull(hikari.getMetricsTrackerFactory(), "Spring Boot's Micrometer binding set one");
    assertThrows(
        IllegalStateException.class,
        () -> hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry)));
  }

  private void assertRefused(Executable operation, String name) {
    String message =
        String.valueOf(assertThrows(UnsupportedOperationException.class, operation).getMessage());
    assertTrue(message.startsWith("PoolGuard: " + name + " is refused"), message);
    assertTrue(message.contains(hikari.getPoolName()), message);
    assertTrue(message.contains("poolguard.spring.enabled=false"), message);
  }

  private static int poolGuardSessions() throws Exception {
    return SpringTestDatabases.sessions(SpringTestDatabases.DATABASE, true);
  }
}
