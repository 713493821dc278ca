package com.acme.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.SharedTestDataSource;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcUtils;

/** Jdbi handles and Spring JDBC utilities. */
class JdbiAndSpringTest {
  private final DataSource ds = SharedTestDataSource.get();
  private final Jdbi jdbi = Jdbi.create(ds);
  private final JdbcTemplate jdbcTemplate = new JdbcTemplate(ds);
  private Handle handle;
  private Handle leakedHandle;

  @BeforeEach
  void openHandles() {
    handle = jdbi.open();
    // BUG: Diagnostic contains: field never closed in teardown
    leakedHandle = jdbi.open();
  }

  @AfterEach
  void closeHandles() {
    handle.close();
  }

  @Test
  void closesItsHandle() {
    Handle h = jdbi.open();
    h.execute("insert into tenants(slug) values ('a')");
    h.close();
  }

  @Test
  void usesTryWithResources() {
    try (Handle h = jdbi.open()) {
      assertEquals(1, h.createQuery("select 1").mapTo(Integer.class).one());
    }
  }

  @Test
  void leaksAHandle() {
    // BUG: Diagnostic contains: into 'h': local variable never closed
    Handle h = jdbi.open();
    h.useTransaction(t -> t.execute("delete from tenants"));
  }

  @Test
  void leaksAChainedHandle() {
    // BUG: Diagnostic contains: discarded without being closed
    jdbi.open().execute("insert into tenants(slug) values ('b')");
  }

  @Test
  void usesCallbacks() throws Exception {
    jdbi.useHandle(h -> h.execute("select 1"));
    List<Integer> ids =
        jdbi.withHandle(h -> h.createQuery("select id from tenants").mapTo(Integer.class).list());
    assertTrue(ids.size() >= 0);
    jdbi.useHandle(h -> assertTrue(h.getConnection().isValid(1)));
    jdbcTemplate.update("delete from tenants");
    Integer one = jdbcTemplate.queryForObject("select 1", Integer.class);
    assertEquals(1, one);
  }

  @Test
  void leaksFromJdbcTemplatesDataSource() throws Exception {
    // BUG: Diagnostic contains: discarded without being closed
    assertTrue(jdbcTemplate.getDataSource().getConnection().isValid(1));
  }

  @Test
  void releasesThroughDataSourceUtils() throws Exception {
    Connection c = DataSourceUtils.getConnection(ds);
    try {
      c.createStatement().execute("select 1");
    } finally {
      DataSourceUtils.releaseConnection(c, ds);
    }
  }

  @Test
  void forgetsToRelease() throws Exception {
    // BUG: Diagnostic contains: local variable never closed
    Connection c = DataSourceUtils.getConnection(ds);
    c.createStatement().execute("select 1");
  }

  @Test
  void closesWithJdbcUtils() throws Exception {
    Connection c = ds.getConnection();
    try {
      c.createStatement().execute("select 1");
    } finally {
      JdbcUtils.closeConnection(c);
    }
  }

  @Test
  void wrapsInASingleConnectionDataSource() throws Exception {
    SingleConnectionDataSource single = new SingleConnectionDataSource(ds.getConnection(), false);
    new JdbcTemplate(single).execute("select 1");
    single.destroy();
  }

  @Test
  void staticOpenOnADataSource() {
    // BUG: Diagnostic contains: local variable never closed
    Handle h = Jdbi.open(ds);
    h.execute("select 1");
  }
}
