package dev.poolguard.spring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.transaction.annotation.Transactional;

/** Spring's test transactions run on a shared-pool connection and roll back as usual. */
@SpringBootTest
@Transactional
class TransactionsTest {
  @Autowired JdbcTemplate jdbcTemplate;
  @Autowired JdbcClient jdbcClient;
  @Autowired DataSource dataSource;

  @Test
  void jdbcTemplateAndJdbcClientShareTheTestTransaction() {
    jdbcTemplate.update("insert into note (text) values ('rolled back')");
    assertEquals(
        1,
        jdbcClient
            .sql("select count(*) from note where text = 'rolled back'")
            .query(Integer.class)
            .single());
  }

  @AfterTransaction
  void theInsertIsRolledBack() throws SQLException {
    // Outside the test transaction: a connection of its own from the same shared pool.
    assertEquals(
        0,
        JdbcClient.create(dataSource)
            .sql("select count(*) from note where text = 'rolled back'")
            .query(Integer.class)
            .single());
  }
}
