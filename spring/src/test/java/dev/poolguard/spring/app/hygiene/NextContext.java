package dev.poolguard.spring.app.hygiene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolguard.spring.app.TestApplication;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** The next context on the same shared pool: it sees the server's search_path. */
@SpringBootTest(classes = TestApplication.class)
@TestPropertySource(properties = "hygiene.context=next")
@Order(2)
class NextContext {
  @Autowired JdbcTemplate jdbc;

  @Test
  void seesTheDefaultSearchPath() {
    SessionObservations.sawBackend(jdbc);
    assertEquals("\"$user\", public", jdbc.queryForObject("show search_path", String.class));
  }
}
