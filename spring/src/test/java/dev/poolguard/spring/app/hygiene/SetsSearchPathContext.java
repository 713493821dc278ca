package dev.poolguard.spring.app.hygiene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolguard.spring.app.TestApplication;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first context: a test transaction that still rolls back, then a test that changes the
 * session's search_path and leaves it so. Run by SessionHygieneTest in a nested launcher session.
 */
@SpringBootTest(classes = TestApplication.class)
@TestPropertySource(properties = "hygiene.context=sets-search-path")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1)
class SetsSearchPathContext {
  @Autowired JdbcTemplate jdbc;

  @Test
  @Order(1)
  @Transactional
  void insertsInATestTransaction() {
    jdbc.update("insert into note (text) values ('hygiene rolled back')");
    assertEquals(
        1,
        jdbc.queryForObject(
            "select count(*) from note where text = 'hygiene rolled back'", Integer.class));
  }

  @AfterTransaction
  void theInsertWasRolledBack() {
    assertEquals(
        0,
        jdbc.queryForObject(
            "select count(*) from note where text = 'hygiene rolled back'", Integer.class));
  }

  @Test
  @Order(2)
  void setsSearchPath() {
    jdbc.execute("set search_path = hygiene_elsewhere, public");
    SessionObservations.sawBackend(jdbc);
  }
}
