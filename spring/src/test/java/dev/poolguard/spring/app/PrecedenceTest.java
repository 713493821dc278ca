package dev.poolguard.spring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.poolguard.runtime.SharedTestDataSource;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Surefire sets {@code poolguard.url} to another database: it configures {@code
 * SharedTestDataSource.get()} only, and the context keeps the database of its {@code
 * spring.datasource.*}.
 */
@SpringBootTest
class PrecedenceTest {
  @Autowired DataSource dataSource;

  @Test
  void theContextsSpringDatasourceUrlDecidesNotPoolguardUrl() throws Exception {
    assertEquals(
        SpringTestDatabases.DATABASE,
        JdbcClient.create(dataSource)
            .sql("select current_database()")
            .query(String.class)
            .single());
    try (Connection defaultPool = SharedTestDataSource.get().getConnection()) {
      assertNotEquals(SpringTestDatabases.DATABASE, defaultPool.getCatalog());
    }
    assertNotEquals(
        SharedTestDataSource.stats().poolName(), SharedTestDataSource.stats(dataSource).poolName());
  }
}
