package dev.poolguard.spring.app.boot4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.SharedTestDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** A {@code @JdbcTest} slice on the real database (Boot 4 package of the slice annotations). */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class JdbcSliceTest {
  @Autowired JdbcTemplate jdbcTemplate;
  @Autowired DataSource dataSource;

  @Test
  void theSliceUsesTheSharedPoolAndRollsBack() {
    jdbcTemplate.update("insert into tag (name) values ('slice')");
    assertEquals(
        1,
        jdbcTemplate.queryForObject(
            "select count(*) from tag where name = 'slice'", Integer.class));
    assertTrue(SharedTestDataSource.stats(dataSource).poolName().startsWith("poolguard-"));
  }
}
