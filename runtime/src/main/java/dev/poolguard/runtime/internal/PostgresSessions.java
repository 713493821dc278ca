package dev.poolguard.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Session state on PostgreSQL through pgjdbc. What it costs a borrow-and-return cycle:
 *
 * <ul>
 *   <li>on borrow, no round trip: pgjdbc reads what the server already sent (a {@code FATAL}
 *       message and the end of the stream when the server ended the session while it was pooled);
 *   <li>on return, nothing when the borrower ran no SQL or only {@link InertSql} (a sequence's
 *       currval an INSERT set is forgotten only when a later borrower first reads one); otherwise
 *       one query over the session's catalog views (role, temporary relations, advisory locks,
 *       {@code LISTEN}, cursors {@code WITH HOLD}, SQL {@code PREPARE}), which also forgets the
 *       sequences' {@code currval}; the settings ({@code pg_settings}, the one costly view) are
 *       read too only when the SQL may have changed one (see {@link Footprint}). An open or failed
 *       transaction is known from pgjdbc without asking and rolled back. Only a dirty return costs
 *       more: the statements that undo what was found.
 * </ul>
 *
 * <p>Behind PgBouncer in transaction mode ({@code pgbouncer=true}) consecutive statements may reach
 * different server sessions, so only the transaction is restored there; PgBouncer owns the rest.
 */
final class PostgresSessions implements SessionDialect {
  private static final String STATE =
      "SELECT 'user', current_user::text, session_user::text, NULL"
          + " UNION ALL SELECT 'temporary table', c.relname::text, NULL, NULL"
          + " FROM pg_catalog.pg_class c WHERE c.relnamespace = pg_catalog.pg_my_temp_schema()"
          + " AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')"
          + " UNION ALL SELECT 'advisory lock', l.classid::text, l.objid::text,"
          + " l.objsubid || ' ' || l.mode FROM pg_catalog.pg_locks l"
          + " WHERE l.locktype = 'advisory' AND l.pid = pg_catalog.pg_backend_pid()"
          + " UNION ALL SELECT 'listen', c, NULL, NULL FROM pg_catalog.pg_listening_channels() c"
          + " UNION ALL SELECT 'cursor', name, NULL, NULL FROM pg_catalog.pg_cursors"
          + " WHERE is_holdable"
          + " UNION ALL SELECT 'prepared statement', name, NULL, NULL"
          + " FROM pg_catalog.pg_prepared_statements WHERE from_sql";

  private static final String SETTINGS =
      " UNION ALL SELECT 'setting', name, setting, reset_val FROM pg_catalog.pg_settings"
          + " WHERE source = 'session'";

  /** Each return forgets the sequences' currval: any INSERT into a serial column sets it. */
  private static final String FORGET_SEQUENCES = "; DISCARD SEQUENCES";

  private static final String STATE_QUERY = STATE + FORGET_SEQUENCES;
  private static final String STATE_AND_SETTINGS_QUERY = STATE + SETTINGS + FORGET_SEQUENCES;

  /** A transaction gets an id with its first write: whether rolling it back discards any. */
  private static final String WROTE_IN_TRANSACTION =
      "SELECT pg_catalog.txid_current_if_assigned() IS NOT NULL";

  private static final String CONNECTION_DOES_NOT_EXIST = "08003";

  private final boolean transactionPooling;

  PostgresSessions(boolean transactionPooling) {
    this.transactionPooling = transactionPooling;
  }

  /** pgjdbc is the user's dependency: without it, PostgreSQL is reached through another driver. */
  static boolean isDriverPresent() {
    try {
      Class.forName(
          "org.postgresql.core.BaseConnection", false, PostgresSessions.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  @Override
  public boolean isLive(Connection pooled) {
    try {
      if (!pooled.isWrapperFor(PGConnection.class)) {
        return true;
      }
      // Reads only what is already in the socket: a session the server ended shows its FATAL
      // message (57P01) there, which pgjdbc throws.
      pooled.unwrap(PGConnection.class).getNotifications();
      return !pooled.isClosed();
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * pgjdbc threw before sending anything (08003: it already knew the connection closed), or still
   * waits for the server's acknowledgement of its Bind: a server that ends a session while idle
   * sends its FATAL message without reading what arrived, and one that read the Bind acknowledges
   * it with that message at the latest.
   */
  @Override
  public boolean neverReached(Connection physical, SQLException failure) {
    return CONNECTION_DOES_NOT_EXIST.equals(failure.getSQLState())
        || (physical instanceof BaseConnection connection
            && PgPendingWork.bindUnacknowledged(connection));
  }

  @Override
  public Baseline baseline(Connection pooled) throws SQLException {
    if (!pooled.isWrapperFor(BaseConnection.class)) {
      return new State(Map.of(), "", "", Set.of());
    }
    PgStreamLook.neverWait(pooled);
    if (transactionPooling) {
      return new State(Map.of(), "", "", Set.of());
    }
    Map<String, String> settings = new HashMap<>();
    Set<String> advisoryLocks = new HashSet<>();
    String currentUser = "";
    String sessionUser = "";
    try (Statement statement = pooled.createStatement();
        ResultSet rs = statement.executeQuery(STATE + SETTINGS)) {
      while (rs.next()) {
        String kind = rs.getString(1);
        switch (kind) {
          case "user" -> {
            currentUser = rs.getString(2);
            sessionUser = rs.getString(3);
          }
          case "setting" -> settings.put(rs.getString(2), rs.getString(3));
          case "advisory lock" -> advisoryLocks.add(lockKey(rs));
          default -> {
            // The pool's set-up leaves nothing else; whatever it left stays the baseline's.
          }
        }
      }
    }
    return new State(settings, currentUser, sessionUser, advisoryLocks);
  }

  private static String lockKey(ResultSet rs) throws SQLException {
    return rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4);
  }

  /** What a connection had after the driver's and the pool's set-up. */
  private final class State implements Baseline {
    private final Map<String, String> settings;
    private final String currentUser;
    private final String sessionUser;
    private final Set<String> advisoryLocks;

    /** Whether a borrower since the last look may have left a sequence's currval set. */
    private volatile boolean staleSequences;

    State(
        Map<String, String> settings,
        String currentUser,
        String sessionUser,
        Set<String> advisoryLocks) {
      this.settings = Map.copyOf(settings);
      this.currentUser = currentUser;
      this.sessionUser = sessionUser;
      this.advisoryLocks = Set.copyOf(advisoryLocks);
    }

    @Override
    public Restoration restore(Connection pooled, Footprint footprint) throws SQLException {
      if (!footprint.statementsRun() || !pooled.isWrapperFor(BaseConnection.class)) {
        return Restoration.CLEAN;
      }
      List<Leftover> leftovers = new ArrayList<>();
      endTransaction(pooled, leftovers);
      if (transactionPooling || !footprint.mayChangeSession()) {
        // Only inert SQL ran: nothing to look at. An INSERT may have set a currval, forgotten
        // when a later borrower first reads one (beforeReadingSequences), not on every return.
        staleSequences |= footprint.sequencesTouched();
        return new Restoration(leftovers, false);
      }
      staleSequences = false;
      List<String> undo = new ArrayList<>();
      boolean retire = false;
      try (PreparedStatement statement =
          pooled.prepareStatement(
              footprint.maySetSettings() ? STATE_AND_SETTINGS_QUERY : STATE_QUERY)) {
        statement.execute();
        Map<String, String[]> changedSettings = new HashMap<>();
        try (ResultSet rs = Objects.requireNonNull(statement.getResultSet())) {
          while (rs.next()) {
            String kind = rs.getString(1);
            String name = rs.getString(2);
            switch (kind) {
              case "user" -> roles(name, rs.getString(3), leftovers, undo);
              case "temporary table" -> {
                leftovers.add(
                    Leftover.of(Leftover.Kind.TEMPORARY_TABLE, "temporary table " + name));
                addOnce(undo, "DISCARD TEMP");
              }
              case "advisory lock" -> {
                if (!advisoryLocks.contains(lockKey(rs))) {
                  AdvisoryLock lock = AdvisoryLock.of(name, rs.getString(3), rs.getString(4));
                  leftovers.add(Leftover.of(Leftover.Kind.ADVISORY_LOCK, lock.toString()));
                  undo.add(lock.unlockAll());
                }
              }
              case "listen" -> {
                leftovers.add(Leftover.of(Leftover.Kind.LISTEN, "LISTEN " + name));
                addOnce(undo, "UNLISTEN *");
              }
              case "cursor" -> {
                leftovers.add(Leftover.of(Leftover.Kind.CURSOR, "cursor WITH HOLD " + name));
                undo.add("CLOSE " + quoted(name));
              }
              case "prepared statement" -> {
                leftovers.add(
                    Leftover.of(Leftover.Kind.PREPARED_STATEMENT, "prepared statement " + name));
                undo.add("DEALLOCATE " + quoted(name));
              }
              case "setting" ->
                  changedSettings.put(name, new String[] {rs.getString(3), rs.getString(4)});
              default -> throw new IllegalStateException("unknown session state kind " + kind);
            }
          }
        }
        if (footprint.maySetSettings()) {
          // Settings first: a read-only default or a timeout left would hinder the rest.
          List<String> settingsUndo = new ArrayList<>();
          retire = settings(changedSettings, footprint, leftovers, settingsUndo);
          undo.addAll(0, settingsUndo);
        }
      }
      retire |= customSettings(pooled, footprint, leftovers);
      if (!retire) {
        for (String sql : undo) {
          try (Statement statement = pooled.createStatement()) {
            statement.execute(sql);
          }
        }
      }
      return new Restoration(leftovers, retire);
    }

    @Override
    public void beforeReadingSequences(Connection pooled) throws SQLException {
      if (staleSequences && !transactionPooling) {
        try (Statement statement = pooled.createStatement()) {
          statement.execute("DISCARD SEQUENCES");
        }
        staleSequences = false;
      }
    }

    /**
     * Compares the session's settings with the baseline: each changed one is a leftover, set back
     * to the baseline's value or reset. A custom setting ({@code app.tenant}) a test defined stays
     * defined (as empty) after a reset, unlike in a new session: such a connection is retired.
     *
     * @return whether the connection must be retired
     */
    private boolean settings(
        Map<String, String[]> session,
        Footprint footprint,
        List<Leftover> leftovers,
        List<String> undo) {
      boolean retire = false;
      for (Map.Entry<String, String> base : settings.entrySet()) {
        String[] now = session.get(base.getKey());
        if (now == null || !now[0].equals(base.getValue())) {
          leftovers.add(
              setting(base.getKey(), now == null ? "its default" : Objects.toString(now[0])));
          undo.add(
              "SELECT pg_catalog.set_config("
                  + literal(base.getKey())
                  + ", "
                  + literal(base.getValue())
                  + ", false)");
        }
      }
      for (Map.Entry<String, String[]> entry : session.entrySet()) {
        String name = entry.getKey();
        String value = Objects.toString(entry.getValue()[0], "");
        // A custom setting (app.tenant) set in the session is a leftover whatever its value: a new
        // session does not have it at all.
        boolean custom = name.contains(".");
        if (settings.containsKey(name)
            || (!custom && value.equals(entry.getValue()[1]))
            || (name.equals("default_transaction_isolation")
                && footprint.isolationSetThroughJdbc())) {
          continue;
        }
        leftovers.add(setting(name, value));
        if (custom) {
          retire = true;
        } else {
          undo.add("RESET " + quoted(name));
        }
      }
      return retire;
    }

    /**
     * Custom settings ({@code app.tenant}) the SQL set that still have a value: pg_settings does
     * not list them, and only a new session forgets one, so the connection is retired. One that
     * reads empty (what SET LOCAL leaves after the transaction) is left alone.
     *
     * @return whether the connection must be retired
     */
    private boolean customSettings(Connection pooled, Footprint footprint, List<Leftover> leftovers)
        throws SQLException {
      boolean retire = false;
      for (String name : footprint.customSettings()) {
        if (settings.containsKey(name)) {
          continue;
        }
        try (PreparedStatement statement =
            pooled.prepareStatement("SELECT pg_catalog.current_setting(?, true)")) {
          statement.setString(1, name);
          try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            String value = rs.getString(1);
            if (value != null && !value.isEmpty()) {
              leftovers.add(setting(name, value));
              retire = true;
            }
          }
        }
      }
      return retire;
    }

    private void roles(
        String current, String session, List<Leftover> leftovers, List<String> undo) {
      if (!session.equals(sessionUser)) {
        leftovers.add(Leftover.of(Leftover.Kind.ROLE, "session authorization " + session));
        undo.add("RESET SESSION AUTHORIZATION");
      }
      if (!current.equals(currentUser)) {
        leftovers.add(Leftover.of(Leftover.Kind.ROLE, "role " + current));
        undo.add(
            currentUser.equals(sessionUser) ? "RESET ROLE" : "SET ROLE " + quoted(currentUser));
      }
    }
  }

  /**
   * Rolls back an open or failed transaction, which pgjdbc knows of without asking: never committed
   * by the next borrower. Whether an open one wrote is said.
   */
  private static void endTransaction(Connection pooled, List<Leftover> leftovers)
      throws SQLException {
    TransactionState state = pooled.unwrap(BaseConnection.class).getTransactionState();
    if (state == TransactionState.OPEN) {
      boolean wrote;
      try (Statement statement = pooled.createStatement();
          ResultSet rs = statement.executeQuery(WROTE_IN_TRANSACTION)) {
        rs.next();
        wrote = rs.getBoolean(1);
      }
      SessionDialect.rollback(pooled);
      leftovers.add(
          Leftover.of(
              Leftover.Kind.TRANSACTION,
              wrote
                  ? "an open transaction with uncommitted writes (rolled back, not committed)"
                  : "an open transaction (rolled back; it had written nothing)"));
    } else if (state == TransactionState.FAILED) {
      SessionDialect.rollback(pooled);
      leftovers.add(Leftover.of(Leftover.Kind.TRANSACTION, "a failed transaction (rolled back)"));
    }
    // What runs next must not open a transaction HikariCP would roll back at once.
    if (!pooled.getAutoCommit()) {
      pooled.setAutoCommit(true);
    }
  }

  private static Leftover setting(String name, String value) {
    return Leftover.of(Leftover.Kind.SETTING, name + " = " + value);
  }

  private static void addOnce(List<String> undo, String sql) {
    if (!undo.contains(sql)) {
      undo.add(sql);
    }
  }

  static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /**
   * A session advisory lock as {@code pg_locks} shows it: a bigint key (objsubid 1) or two int keys
   * (objsubid 2), exclusive or shared.
   */
  private record AdvisoryLock(String key, boolean shared) {
    static AdvisoryLock of(String classid, String objid, String subidAndMode) {
      long high = Long.parseLong(classid);
      long low = Long.parseLong(objid);
      String key =
          subidAndMode.startsWith("1 ")
              ? Long.toString((high << 32) | low)
              : (int) high + ", " + (int) low;
      return new AdvisoryLock(key, subidAndMode.endsWith("ShareLock"));
    }

    /** Session locks are re-entrant: unlocks until none is held. */
    String unlockAll() {
      return "DO $$BEGIN WHILE pg_catalog.pg_advisory_unlock"
          + (shared ? "_shared" : "")
          + "("
          + key
          + ") LOOP END LOOP; END$$";
    }

    @Override
    public String toString() {
      return (shared ? "shared advisory lock " : "advisory lock ") + key;
    }
  }
}
