package dev.poolguard.spring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.SharedTestDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Another pool type Boot builds from spring.datasource.* is replaced the same way. */
@SpringBootTest
@TestPropertySource(properties = "spring.datasource.type=org.apache.tomcat.jdbc.pool.DataSource")
class TomcatPoolTest {
  @Autowired DataSource dataSource;
  @Autowired MeterRegistry registry;

  @Test
  void aTomcatJdbcPoolIsServedByTheSharedPool() throws Exception {
    assertEquals(1, JdbcClient.create(dataSource).sql("select 1").query(Integer.class).single());
    assertTrue(SharedTestDataSource.stats(dataSource).poolName().startsWith("poolguard-"));
    assertEquals(0, SpringTestDatabases.sessions(SpringTestDatabases.DATABASE, false));
  }

  // The connection is held, not used: the meters count it as active.
  @SuppressWarnings("try")
  @Test
  void actuatorsJdbcConnectionsMetersDescribeTheSharedPoolThatReplacedIt() throws Exception {
    try (Connection held = dataSource.getConnection()) {
      assertEquals(1, jdbcConnections("active"), "the connection this test holds");
      assertEquals(
          SharedTestDataSource.stats(dataSource).maximumPoolSize(), jdbcConnections("max"));
    }
  }

  private double jdbcConnections(String figure) {
    return registry.get("jdbc.connections." + figure).tag("name", "dataSource").gauge().value();
  }
}
