package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.PoolGuardException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared pool through a real PgBouncer of the test's own, in each pool mode. */
class PgBouncerTest {

  /** Prepared statements run again and again (past pgjdbc's prepareThreshold) in transactions. */
  private static void preparedStatementsInTransactions(SharedPool pool) throws Exception {
    for (int round = 0; round < 20; round++) {
      try (Connection connection = pool.borrow()) {
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement("select ?::int + 1")) {
          statement.setInt(1, round);
          try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            assertEquals(round + 1, rs.getInt(1));
          }
        }
        connection.commit();
      }
    }
  }

  @Nested
  class TransactionMode {
    @RegisterExtension
    static final PgBouncer BOUNCER = PgBouncer.transactionMode().defaultPoolSize(2);

    @Test
    void theRuntimeProbeAndPreparedStatementsPassWithPgbouncerTrue() throws Exception {
      SharedPool pool =
          SharedPool.open(
              TestDatabases.settings("url", BOUNCER.jdbcUrl() + "?user=postgres&pgbouncer=true"),
              "poolguard-pgbouncer-tx");
      try {
        preparedStatementsInTransactions(pool);
      } finally {
        pool.close();
      }
    }

    @Test
    void concurrentBorrowersShareTheBouncersTwoServerConnections() throws Exception {
      SharedPool pool =
          SharedPool.open(
              TestDatabases.settings(
                  "url", BOUNCER.jdbcUrl() + "?user=postgres&pgbouncer=true", "maxPoolSize", "3"),
              "poolguard-pgbouncer-concurrent");
      try {
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          workers.add(
              CompletableFuture.runAsync(
                  () -> {
                    try {
                      preparedStatementsInTransactions(pool);
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  }));
        }
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new))
            .get(60, TimeUnit.SECONDS);
      } finally {
        pool.close();
      }
    }
  }

  @Nested
  class SessionMode {
    @RegisterExtension static final PgBouncer BOUNCER = PgBouncer.sessionMode().defaultPoolSize(3);

    @Test
    void theRuntimeProbeAndPreparedStatementsPass() throws Exception {
      SharedPool pool =
          SharedPool.open(
              TestDatabases.settings("url", BOUNCER.jdbcUrl() + "?user=postgres"),
              "poolguard-pgbouncer-session");
      try {
        preparedStatementsInTransactions(pool);
      } finally {
        pool.close();
      }
    }
  }

  /**
   * pgjdbc up to 42.2 sent extra_float_digits in the start-up packet (newer ones send a SET after
   * connecting, as other drivers and older Java agents still do not); PgBouncer's default
   * configuration refuses that parameter. The refusal is taken from a real PgBouncer with a
   * start-up packet of that kind and given to the runtime as the driver would.
   */
  @Nested
  class WithPgBouncersDefaultStartupParameters {
    @RegisterExtension
    static final PgBouncer BOUNCER = PgBouncer.transactionMode().withDefaultStartupParameters();

    @Test
    void theRefusalOfExtraFloatDigitsNamesTheSettingThatFixesIt() throws Exception {
      SQLException refusal = BOUNCER.startupRefusal("extra_float_digits", "2");
      assertTrue(
          String.valueOf(refusal.getMessage()).contains("unsupported startup parameter"),
          refusal::getMessage);
      PoolSettings settings =
          TestDatabases.settings("url", BOUNCER.jdbcUrl() + "?user=postgres&pgbouncer=true");

      String message = FailureMessages.cannotConnect(settings, refusal);

      assertTrue(message.contains("ignore_startup_parameters = extra_float_digits"), message);
      assertTrue(message.contains("127.0.0.1:" + BOUNCER.port()), message);
    }
  }

  @Nested
  class AtItsClientLimit {
    @RegisterExtension
    static final PgBouncer BOUNCER = PgBouncer.transactionMode().maxClientConn(2);

    @Test
    void aPoolWaitsForAClientSlotAndGetsItWhenOneIsGivenBack() throws Exception {
      Connection first = DriverManager.getConnection(BOUNCER.jdbcUrl(), "postgres", "");
      Connection second = DriverManager.getConnection(BOUNCER.jdbcUrl(), "postgres", "");
      second.close();
      Connection third = DriverManager.getConnection(BOUNCER.jdbcUrl(), "postgres", "");
      CompletableFuture<Void> release =
          CompletableFuture.runAsync(
              () -> {
                try {
                  Thread.sleep(700);
                  third.close();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      try {
        SharedPool pool =
            SharedPool.open(
                TestDatabases.settings(
                    "url",
                    BOUNCER.jdbcUrl() + "?user=postgres&pgbouncer=true",
                    "acquireTimeout",
                    "5"),
                "poolguard-pgbouncer-waits");
        try (Connection connection = pool.borrow()) {
          assertTrue(connection.isValid(2));
        } finally {
          pool.close();
        }
      } finally {
        release.get(10, TimeUnit.SECONDS);
        first.close();
      }
    }

    // The connections are held, not used: they fill PgBouncer's client slots.
    @SuppressWarnings("try")
    @Test
    void aPoolThatNeverGetsOneFailsOnceWithTheNumbers() throws Exception {
      try (Connection first = DriverManager.getConnection(BOUNCER.jdbcUrl(), "postgres", "");
          Connection second = DriverManager.getConnection(BOUNCER.jdbcUrl(), "postgres", "")) {
        PoolGuardException e =
            assertThrows(
                PoolGuardException.class,
                () ->
                    SharedPool.open(
                        TestDatabases.settings(
                            "url",
                            BOUNCER.jdbcUrl() + "?user=postgres&pgbouncer=true",
                            "acquireTimeout",
                            "1"),
                        "poolguard-pgbouncer-full"));
        assertTrue(
            String.valueOf(e.getMessage()).contains("no more connections allowed"), e.getMessage());
        assertTrue(
            String.valueOf(e.getMessage()).matches("(?s).*refused \\d+ connection attempts in .*"),
            e.getMessage());
        assertTrue(String.valueOf(e.getMessage()).contains("acquire timeout 1 s"), e.getMessage());
      }
    }
  }
}
