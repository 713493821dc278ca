package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGStatement;

/** The statements the session hygiene hands out, over a real PostgreSQL connection. */
class TappedStatementTest {
  private SharedPool pool;

  @BeforeEach
  void open() {
    pool = SharedPool.open(TestDatabases.postgres("maxPoolSize", "1"), "poolguard-test-tapped");
  }

  @AfterEach
  void close() {
    pool.close();
  }

  @Test
  void aStatementUnwrapsToItselfAsJdbcAndToTheDriversStatementOtherwise() throws Exception {
    try (Connection connection = pool.borrow();
        PreparedStatement select = connection.prepareStatement("SELECT 1")) {
      assertSame(select, select.unwrap(PreparedStatement.class));
      assertTrue(select.isWrapperFor(PGStatement.class));
      assertFalse(select.unwrap(PGStatement.class) instanceof TappedStatement);
      assertFalse(select.isWrapperFor(CallableStatement.class));
    }
  }

  @Test
  void aCallReachesTheDriverWhereJdbcHasADefault() throws Exception {
    // Statement.executeLargeUpdate's default throws UnsupportedOperationException; pgjdbc's runs.
    try (Connection connection = pool.borrow();
        Statement statement = connection.createStatement()) {
      assertEquals(0, statement.executeLargeUpdate("DO $$ BEGIN END $$"));
      assertEquals("'it''s'", statement.enquoteLiteral("it's"));
    }
  }

  @Test
  void aCallableStatementReadsBackItsOutParameter() throws Exception {
    try (Connection connection = pool.borrow();
        CallableStatement upper = connection.prepareCall("{? = call upper(?)}")) {
      upper.registerOutParameter(1, Types.VARCHAR);
      upper.setString(2, "tapped");
      upper.execute();
      assertEquals("TAPPED", upper.getString(1));
    }
  }

  @Test
  void toStringIsThePoolsAndDriversTextWithTheParametersSet() throws Exception {
    try (Connection connection = pool.borrow();
        PreparedStatement select = connection.prepareStatement("SELECT ?::int * 2")) {
      select.setInt(1, 21);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        assertEquals(42, rs.getInt(1));
      }
      String text = select.toString();
      assertTrue(text.startsWith("HikariProxyPreparedStatement@"), text);
      assertTrue(text.endsWith("SELECT ('21'::int4)::int * 2"), text);
    }
  }
}
