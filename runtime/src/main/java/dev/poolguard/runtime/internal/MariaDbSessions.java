package dev.poolguard.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Session state on MariaDB. On return, nothing when the borrower ran no SQL; otherwise one query
 * ({@code @@in_transaction}, the user variables, and the session variables when the SQL may have
 * set one). Temporary tables and named locks appear in no catalog view of MariaDB 10.x: they are
 * known from the SQL that made them ({@link Footprint}) and undone by name, which finds out whether
 * they were still there. An open transaction is rolled back, temporary tables dropped and named
 * locks released in place; a user or session variable cannot be undefined, so a connection left
 * with one is retired and the pool opens a new one.
 */
final class MariaDbSessions implements SessionDialect {
  private static final String VARIABLES =
      "SELECT variable_name, variable_value FROM information_schema.SESSION_VARIABLES";

  private static final String STATE =
      "SELECT 'transaction', NULL FROM DUAL WHERE @@in_transaction = 1"
          + " UNION ALL SELECT 'user variable', variable_name"
          + " FROM information_schema.USER_VARIABLES";

  @Override
  public boolean isLive(Connection pooled) {
    // Connector/J offers no look at the socket without a round trip; HikariCP's own check (for a
    // connection idle longer than half a second) is what there is.
    return true;
  }

  @Override
  public Baseline baseline(Connection pooled) throws SQLException {
    return new Variables(variables(pooled));
  }

  private static Map<String, String> variables(Connection connection) throws SQLException {
    Map<String, String> variables = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(VARIABLES)) {
      while (rs.next()) {
        variables.put(rs.getString(1), Objects.toString(rs.getString(2), ""));
      }
    }
    return variables;
  }

  /** The session variables a connection had after the driver's and the pool's set-up. */
  private static final class Variables implements Baseline {
    private final Map<String, String> baseline;

    Variables(Map<String, String> baseline) {
      this.baseline = Map.copyOf(baseline);
    }

    @Override
    public Restoration restore(Connection pooled, Footprint footprint) throws SQLException {
      // A transaction begun through JDBC is HikariCP's to roll back; one begun with SQL is not
      // inert SQL, and neither is anything else that changes the session.
      if (!footprint.mayChangeSession()) {
        return Restoration.CLEAN;
      }
      List<Leftover> leftovers = new ArrayList<>();
      boolean retire = false;
      boolean inTransaction = false;
      try (Statement statement = pooled.createStatement();
          ResultSet rs = statement.executeQuery(STATE)) {
        while (rs.next()) {
          if (rs.getString(1).equals("transaction")) {
            inTransaction = true;
          } else {
            leftovers.add(Leftover.of(Leftover.Kind.USER_VARIABLE, "@" + rs.getString(2)));
            retire = true;
          }
        }
      }
      if (inTransaction) {
        SessionDialect.rollback(pooled);
        leftovers.add(Leftover.of(Leftover.Kind.TRANSACTION, "an open transaction (rolled back)"));
      }
      if (!pooled.getAutoCommit()) {
        pooled.setAutoCommit(true);
      }
      for (String table : footprint.temporaryTables()) {
        if (dropIfThere(pooled, table)) {
          leftovers.add(Leftover.of(Leftover.Kind.TEMPORARY_TABLE, "temporary table " + table));
        }
      }
      for (String lock : footprint.namedLocks()) {
        if (release(pooled, lock)) {
          leftovers.add(Leftover.of(Leftover.Kind.NAMED_LOCK, "named lock '" + lock + "'"));
        }
      }
      // A lock whose name is not known cannot be released by name (RELEASE_ALL_LOCKS would also
      // release the budget's slot): the connection goes, and its locks with it.
      if (footprint.unnamedLocks()) {
        retire = true;
      }
      if (footprint.maySetSettings()) {
        Map<String, String> now = variables(pooled);
        for (Map.Entry<String, String> variable : now.entrySet()) {
          if (!variable.getValue().equals(baseline.get(variable.getKey()))
              && !setBackByHikari(variable.getKey(), footprint)) {
            leftovers.add(
                Leftover.of(
                    Leftover.Kind.SETTING,
                    variable.getKey().toLowerCase(Locale.ROOT) + " = " + variable.getValue()));
            retire = true;
          }
        }
      }
      return new Restoration(leftovers, retire);
    }

    /** Drops the table; MariaDB answers "unknown table" with a note when it was not there. */
    private static boolean dropIfThere(Connection pooled, String table) throws SQLException {
      try (Statement statement = pooled.createStatement()) {
        statement.execute("DROP TEMPORARY TABLE IF EXISTS " + table);
        return statement.getWarnings() == null;
      }
    }

    /**
     * Releases every hold of this connection on the named lock (they are re-entrant); whether it
     * held one.
     */
    private static boolean release(Connection pooled, String lock) throws SQLException {
      boolean held = false;
      try (PreparedStatement statement = pooled.prepareStatement("SELECT RELEASE_LOCK(?)")) {
        statement.setString(1, lock);
        while (true) {
          try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            if (rs.getInt(1) != 1) {
              return held;
            }
            held = true;
          }
        }
      }
    }

    /** Isolation and read-only set through JDBC are HikariCP's to set back, not leftovers. */
    private static boolean setBackByHikari(String variable, Footprint footprint) {
      return switch (variable) {
        case "TX_ISOLATION", "TRANSACTION_ISOLATION" -> footprint.isolationSetThroughJdbc();
        case "TX_READ_ONLY", "TRANSACTION_READ_ONLY" -> footprint.readOnlySetThroughJdbc();
        default -> false;
      };
    }
  }
}
