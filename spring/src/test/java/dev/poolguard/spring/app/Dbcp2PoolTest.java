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

/** Commons DBCP2, as Boot builds it from spring.datasource.type, is replaced the same way. */
@SpringBootTest
@TestPropertySource(properties = "spring.datasource.type=org.apache.commons.dbcp2.BasicDataSource")
class Dbcp2PoolTest {
  @Autowired DataSource dataSource;

  @Test
  void aDbcp2PoolIsServedByTheSharedPool() throws Exception {
    assertEquals(1, JdbcClient.create(dataSource).sql("select 1").query(Integer.class).single());
    assertTrue(SharedTestDataSource.stats(dataSource).poolName().startsWith("poolguard-"));
    assertEquals(0, SpringTestDatabases.sessions(SpringTestDatabases.DATABASE, false));
  }
}
