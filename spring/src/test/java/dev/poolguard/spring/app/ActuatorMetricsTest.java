package dev.poolguard.spring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.poolguard.runtime.PoolStats;
import dev.poolguard.runtime.SharedTestDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.metadata.CompositeDataSourcePoolMetadataProvider;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadata;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadataProvider;

/**
 * What actuator's metrics show for the replaced bean, read from the context's Micrometer registry
 * (what {@code /actuator/metrics} reports): the shared pool, never the 17 connections the context
 * configured for a pool that never started.
 */
@ConfiguredHikariContext
class ActuatorMetricsTest {
  @Autowired MeterRegistry registry;
  @Autowired HikariDataSource dataSource;
  @Autowired ObjectProvider<DataSourcePoolMetadataProvider> metadataProviders;

  // The connection is held, not used: the meters count it as active.
  @SuppressWarnings("try")
  @Test
  void jdbcConnectionsMetersShowTheSharedPool() throws Exception {
    try (Connection held = dataSource.getConnection()) {
      PoolStats shared = SharedTestDataSource.stats(dataSource);
      assertEquals(shared.maximumPoolSize(), jdbcConnections("max"));
      assertTrue(jdbcConnections("max") < dataSource.getMaximumPoolSize(), "not Boot's 17");
      assertEquals(0, jdbcConnections("min"));
      assertEquals(1, jdbcConnections("active"), "the connection this test holds");
      assertEquals(poolGuardSessions(), jdbcConnections("active") + jdbcConnections("idle"));
    }
    assertEquals(0, jdbcConnections("active"));
  }

  // The connection is held, not used: the meters count it as active.
  @SuppressWarnings("try")
  @Test
  void hikaricpMetersAreTaggedWithTheSharedPoolsNameAndCountItsSessions() throws Exception {
    String pool = SharedTestDataSource.stats(dataSource).poolName();
    try (Connection held = dataSource.getConnection()) {
      assertEquals(poolGuardSessions(), hikaricp("hikaricp.connections", pool));
      assertEquals(1, hikaricp("hikaricp.connections.active", pool));
      assertEquals(0, hikaricp("hikaricp.connections.pending", pool));
      assertEquals(
          SharedTestDataSource.stats(dataSource).maximumPoolSize(),
          hikaricp("hikaricp.connections.max", pool));
      assertEquals(0, hikaricp("hikaricp.connections.min", pool));
    }
  }

  // The borrow itself is what the timer counts; the connection is not used.
  @SuppressWarnings("try")
  @Test
  void theAcquireTimerCountsThisBeansBorrows() throws Exception {
    String pool = SharedTestDataSource.stats(dataSource).poolName();
    long before = acquireCount(pool);
    try (Connection borrowed = dataSource.getConnection()) {
      assertEquals(before + 1, acquireCount(pool));
    }
  }

  @Test
  void bootsPoolMetadataSaysConnectionsComeInTheSharedPoolsAutoCommitMode() throws Exception {
    DataSourcePoolMetadata metadata =
        new CompositeDataSourcePoolMetadataProvider(metadataProviders.orderedStream().toList())
            .getDataSourcePoolMetadata(dataSource);
    assertNotNull(metadata);
    try (Connection connection = dataSource.getConnection()) {
      assertEquals(connection.getAutoCommit(), metadata.getDefaultAutoCommit(), "not Boot's false");
    }
  }

  private double jdbcConnections(String figure) {
    return registry.get("jdbc.connections." + figure).tag("name", "dataSource").gauge().value();
  }

  private double hikaricp(String name, String pool) {
    return registry.get(name).tag("pool", pool).gauge().value();
  }

  private long acquireCount(String pool) {
    return registry.get("hikaricp.connections.acquire").tag("pool", pool).timer().count();
  }

  private static int poolGuardSessions() throws Exception {
    return SpringTestDatabases.sessions(SpringTestDatabases.DATABASE, true);
  }
}
