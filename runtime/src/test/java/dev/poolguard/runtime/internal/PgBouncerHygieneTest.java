package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Session hygiene through a real PgBouncer of the test's own, on a pool of one connection: in
 * session mode as on a direct connection; in transaction mode the transaction only.
 */
class PgBouncerHygieneTest {
  private static String text(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void run(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Nested
  class SessionMode {
    @RegisterExtension static final PgBouncer BOUNCER = PgBouncer.sessionMode().defaultPoolSize(2);

    @Test
    void aSettingAndATemporaryTableLeftAreGoneForTheNextBorrower() throws Exception {
      SharedPool pool =
          SharedPool.open(
              TestDatabases.settings(
                  "url", BOUNCER.jdbcUrl() + "?user=postgres", "maxPoolSize", "1"),
              "poolguard-pgbouncer-hygiene-session");
      try {
        try (Connection connection = pool.borrow()) {
          run(connection, "SET search_path = bounced, public");
          run(connection, "CREATE TEMPORARY TABLE bounced_scratch (id int)");
        }
        try (Connection connection = pool.borrow()) {
          assertEquals("\"$user\", public", text(connection, "SHOW search_path"));
          assertEquals(
              "0",
              text(connection, "SELECT count(*) FROM pg_class WHERE relname = 'bounced_scratch'"));
        }
      } finally {
        pool.close();
      }
    }
  }

  @Nested
  class TransactionMode {
    @RegisterExtension
    static final PgBouncer BOUNCER = PgBouncer.transactionMode().defaultPoolSize(2);

    @Test
    void anUncommittedTransactionLeftIsRolledBackNotCommitted() throws Exception {
      SharedPool pool =
          SharedPool.open(
              TestDatabases.settings(
                  "url", BOUNCER.jdbcUrl() + "?user=postgres&pgbouncer=true", "maxPoolSize", "1"),
              "poolguard-pgbouncer-hygiene-tx");
      try (Connection admin = TestDatabases.postgresAdmin()) {
        run(admin, "DROP TABLE IF EXISTS bounced_rows");
        run(admin, "CREATE TABLE bounced_rows (id int)");
        try (Connection connection = pool.borrow()) {
          run(connection, "BEGIN");
          run(connection, "INSERT INTO bounced_rows VALUES (1)");
        }
        try (Connection connection = pool.borrow()) {
          run(connection, "INSERT INTO bounced_rows VALUES (2)");
        }
        assertEquals("2", text(admin, "SELECT string_agg(id::text, ',') FROM bounced_rows"));
      } finally {
        pool.close();
      }
    }
  }
}
