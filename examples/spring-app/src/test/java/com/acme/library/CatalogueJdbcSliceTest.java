package com.acme.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The JDBC slice on the real database. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class CatalogueJdbcSliceTest {
  @Autowired JdbcTemplate jdbc;

  @Test
  void theSchemaIsThere() {
    assertThat(jdbc.queryForObject("select count(*) from book where isbn = 'none'", Integer.class))
        .isZero();
  }
}
