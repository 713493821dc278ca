package dev.poolguard.runtime.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * How one kind of database shows and restores the session state a test can leave behind. A pooled
 * connection's {@link Baseline} is read the first time it is borrowed, after the driver's and the
 * pool's own set-up; each return compares against it.
 */
interface SessionDialect {
  /** Reads what {@code pooled} holds now, before any test used it. */
  Baseline baseline(Connection pooled) throws SQLException;

  /**
   * Whether {@code pooled}, idle in the pool until now, is still a session on the server, found out
   * without a round trip where the driver allows it; {@code true} where it cannot be known so.
   */
  boolean isLive(Connection pooled);

  /**
   * Whether the statement that just failed with {@code failure} on the driver's connection {@code
   * physical} never reached the server, so that running it elsewhere runs it once: {@code false}
   * where that cannot be known.
   */
  default boolean neverReached(Connection physical, SQLException failure) {
    return false;
  }

  /** A transaction begun with SQL ({@code BEGIN}) is ended with SQL; one begun by JDBC by JDBC. */
  static void rollback(Connection pooled) throws SQLException {
    if (pooled.getAutoCommit()) {
      try (Statement statement = pooled.createStatement()) {
        statement.execute("ROLLBACK");
      }
    } else {
      pooled.rollback();
    }
  }

  /** The state one connection had when the pool opened it, and how to get back to it. */
  interface Baseline {
    /**
     * Restores {@code pooled} to this baseline after a borrower who left {@code footprint}; says
     * what was left. Runs no SQL when nothing can have changed.
     */
    Restoration restore(Connection pooled, Footprint footprint) throws SQLException;

    /**
     * Called before a borrower's first SQL that reads a sequence's currval, when it has set none
     * itself: forgets what an earlier borrower's INSERT left there. Nothing by default.
     */
    default void beforeReadingSequences(Connection pooled) throws SQLException {}
  }

  /**
   * What a return found and did.
   *
   * @param leftovers what the borrower left, now undone
   * @param retire whether the connection must be closed instead of kept, because a leftover cannot
   *     be undone in place
   */
  record Restoration(List<Leftover> leftovers, boolean retire) {
    static final Restoration CLEAN = new Restoration(List.of(), false);

    public Restoration {
      leftovers = List.copyOf(leftovers);
    }
  }

  /** For databases PoolGuard restores nothing on (H2, others): HikariCP's own reset only. */
  SessionDialect NOTHING =
      new SessionDialect() {
        @Override
        public Baseline baseline(Connection pooled) {
          return (connection, footprint) -> Restoration.CLEAN;
        }

        @Override
        public boolean isLive(Connection pooled) {
          return true;
        }
      };

  static SessionDialect of(PoolSettings settings) {
    return switch (settings.url().kind()) {
      case POSTGRESQL ->
          PostgresSessions.isDriverPresent()
              ? new PostgresSessions(settings.pgbouncer())
              : SessionDialect.NOTHING;
      case MARIADB -> new MariaDbSessions();
      // MySQL has neither @@in_transaction nor information_schema.USER_VARIABLES.
      case MYSQL, H2, OTHER -> NOTHING;
    };
  }
}
