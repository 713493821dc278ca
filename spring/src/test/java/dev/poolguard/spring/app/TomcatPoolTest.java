package dev.poolguard.spring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.SharedTestDataSource;
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

  @Test
  void aTomcatJdbcPoolIsServedByTheSharedPool() throws Exception {
    assertEquals(1, JdbcClient.create(dataSource).sql("select 1").query(Integer.class).single());
    assertTrue(SharedTestDataSource.stats(dataSource).poolName().startsWith("poolguard-"));
    assertEquals(0, SpringTestDatabases.sessions(SpringTestDatabases.DATABASE, false));
  }
}
