package dev.poolguard.runtime.internal;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What one borrower did with its connection, as far as it tells whether the session can have
 * changed, seen through the calls it made (statements it created, the SQL they ran, {@code
 * unwrap}). Read on return to decide how much to look at: nothing when only {@link InertSql} ran
 * (the transaction state is known without asking), the cheap catalog views otherwise, and the
 * settings (the one costly view) only when the SQL may have changed one.
 */
final class Footprint {
  /**
   * A statement that changes settings: one starting with SET or RESET (SET ROLE, SET SESSION
   * AUTHORIZATION, SET SESSION CHARACTERISTICS included), a call of set_config, a DO block or a
   * procedure CALL (which may run either).
   */
  private static final Pattern MAY_SET =
      Pattern.compile(
          "(?is)(?:^|;)\\s*(?:/\\*.*?\\*/\\s*|--[^\\n]*\\n\\s*)*(?:set|reset|do|call)\\b"
              + "|\\bset_config\\s*\\(");

  /** MariaDB's temporary tables, which no catalog view lists: named by the SQL that made them. */
  private static final Pattern TEMPORARY_TABLE =
      Pattern.compile(
          "(?i)\\bcreate\\s+temporary\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([`\"\\w.$]+)");

  /**
   * MariaDB's named locks, which no catalog view lists either: the name when it is a literal (group
   * 1), nothing when it is a parameter or an expression.
   */
  private static final Pattern NAMED_LOCK =
      Pattern.compile("(?i)\\bget_lock\\s*\\(\\s*(?:'((?:[^']|'')*)'\\s*,)?");

  /**
   * PostgreSQL's custom settings ({@code app.tenant}), which pg_settings does not list: named by
   * the SQL that set them, in set_config('name', ..) (group 1) or SET [SESSION|LOCAL] name (group
   * 2).
   */
  private static final Pattern CUSTOM_SETTING =
      Pattern.compile(
          "(?i)\\bset_config\\s*\\(\\s*'([\\w$]+\\.[\\w$.]+)'"
              + "|(?:^|;)\\s*set\\s+(?:session\\s+|local\\s+)?([a-z_][\\w$]*\\.[\\w$.]+)");

  private final Set<String> customSettings = ConcurrentHashMap.newKeySet();
  private final Set<String> temporaryTables = ConcurrentHashMap.newKeySet();
  private final Set<String> namedLocks = ConcurrentHashMap.newKeySet();
  private volatile boolean unnamedLocks;
  private volatile boolean readOnlySetThroughJdbc;

  /** SQL that sets a sequence's currval: an INSERT (a serial column's default), nextval, setval. */
  private static final Pattern SETS_SEQUENCE =
      Pattern.compile("(?is)^\\s*insert\\b|\\b(?:nextval|setval)\\s*\\(");

  private static final Pattern READS_SEQUENCE =
      Pattern.compile("(?i)\\b(?:currval|lastval)\\s*\\(");

  private volatile boolean statementsRun;
  private volatile boolean mayChangeSession;
  private volatile boolean sequencesTouched;
  private volatile boolean maySetSettings;
  private volatile boolean isolationSetThroughJdbc;

  /** Notes a call the borrower made on its connection (its SQL goes to {@link #sql}). */
  void calling(Method method, @Nullable Object @Nullable [] args) {
    switch (method.getName()) {
      case "prepareStatement", "createStatement" -> statementsRun = true;
      // A procedure, or the driver's own connection, can run anything unseen.
      case "prepareCall", "unwrap" -> {
        statementsRun = true;
        mayChangeSession = true;
        maySetSettings = true;
      }
      case "setTransactionIsolation" -> isolationSetThroughJdbc = true;
      case "setReadOnly" -> readOnlySetThroughJdbc = true;
      default -> {
        // Nothing else a connection offers changes the session on the server.
      }
    }
  }

  /** Whether {@code sql} reads a sequence's currval (or lastval). */
  static boolean readsSequenceState(String sql) {
    return READS_SEQUENCE.matcher(sql).find();
  }

  /** Notes SQL prepared or run. */
  void sql(String sql) {
    if (!sequencesTouched && SETS_SEQUENCE.matcher(sql).find()) {
      sequencesTouched = true;
    }
    if (!mayChangeSession && !InertSql.is(sql)) {
      mayChangeSession = true;
    }
    if (!maySetSettings && MAY_SET.matcher(sql).find()) {
      maySetSettings = true;
    }
    Matcher custom = CUSTOM_SETTING.matcher(sql);
    while (custom.find()) {
      customSettings.add(custom.group(1) != null ? custom.group(1) : custom.group(2));
    }
    Matcher table = TEMPORARY_TABLE.matcher(sql);
    while (table.find()) {
      temporaryTables.add(table.group(1));
    }
    Matcher lock = NAMED_LOCK.matcher(sql);
    while (lock.find()) {
      if (lock.group(1) == null) {
        unnamedLocks = true;
      } else {
        namedLocks.add(lock.group(1).replace("''", "'"));
      }
    }
  }

  /** Whether any SQL can have run: if not, nothing on the server can have changed. */
  boolean statementsRun() {
    return statementsRun;
  }

  /** Whether SQL ran that may have changed the session beyond the transaction. */
  boolean mayChangeSession() {
    return mayChangeSession;
  }

  /** Whether SQL ran that may have set a sequence's currval. */
  boolean sequencesTouched() {
    return sequencesTouched;
  }

  /** Whether the SQL run may have changed a setting (or is unknown). */
  boolean maySetSettings() {
    return maySetSettings;
  }

  /** Custom settings the SQL set, as written ({@code app.tenant}). */
  Set<String> customSettings() {
    return Set.copyOf(customSettings);
  }

  /** Temporary tables the SQL created, as written ({@code scratch}, {@code `scratch`}). */
  Set<String> temporaryTables() {
    return Set.copyOf(temporaryTables);
  }

  /** The names of the locks the SQL took with {@code GET_LOCK('name', ..)}. */
  Set<String> namedLocks() {
    return Set.copyOf(namedLocks);
  }

  /** Whether the SQL took a named lock whose name it did not write as a literal. */
  boolean unnamedLocks() {
    return unnamedLocks;
  }

  /** Whether read-only was set through JDBC, which HikariCP sets back itself. */
  boolean readOnlySetThroughJdbc() {
    return readOnlySetThroughJdbc;
  }

  /**
   * Whether the isolation level was set through JDBC: HikariCP sets it back itself, so the setting
   * it changes is not the test's leftover.
   */
  boolean isolationSetThroughJdbc() {
    return isolationSetThroughJdbc;
  }
}
