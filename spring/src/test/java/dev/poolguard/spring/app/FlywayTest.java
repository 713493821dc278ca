package dev.poolguard.spring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.SharedTestDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Flyway migrates at context start through the shared pool. */
@SpringBootTest
class FlywayTest {
  @Autowired Flyway flyway;
  @Autowired JdbcClient jdbcClient;

  @Test
  void migratedAtContextStartThroughTheSharedPool() {
    assertEquals(
        1,
        jdbcClient
            .sql("select count(*) from flyway_schema_history where version = '1' and success")
            .query(Integer.class)
            .single());
    assertTrue(
        SharedTestDataSource.stats(flyway.getConfiguration().getDataSource())
            .poolName()
            .startsWith("poolguard-"));
  }
}
