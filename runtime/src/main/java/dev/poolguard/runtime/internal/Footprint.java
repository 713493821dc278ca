package dev.poolguard.runtime.internal;

import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one borrower did with its connection, as far as it tells whether the session can have
 * changed, seen through the calls it made (statements it created, the SQL they ran, {@code
 * unwrap}). Read on return to decide how much to look at: nothing when only {@link InertSql} ran
 * (the transaction state is known without asking), the cheap catalog views otherwise, and the
 * settings (the one costly view) only when the SQL may have changed one.
 */
final class Footprint {
  // Made on first use, under this object's lock: most borrows name none, and a borrow is one
  // object more or less on every test's path.
  private @Nullable Set<String> customSettings;
  private @Nullable Set<String> temporaryTables;
  private @Nullable Set<String> namedLocks;
  private volatile boolean unnamedLocks;
  private volatile boolean readOnlySetThroughJdbc;
  private volatile boolean autoCommitSet;

  private volatile boolean statementsRun;
  private volatile boolean mayChangeSession;
  private volatile boolean sequencesTouched;
  private volatile boolean maySetSettings;
  private volatile boolean isolationSetThroughJdbc;

  /** Notes a statement made (its SQL goes to {@link #sql}). */
  void creating(StatementSource.Kind kind) {
    statementsRun = true;
    if (kind == StatementSource.Kind.CALLABLE) {
      // A procedure can run anything unseen.
      mayRunAnything();
    }
  }

  /** Notes a call the borrower made on its connection that is not a statement. */
  void using(ConnectionProxy.Use use) {
    switch (use) {
      case UNWRAP -> {
        // The driver's own connection can run anything unseen.
        statementsRun = true;
        mayRunAnything();
      }
      case ISOLATION -> isolationSetThroughJdbc = true;
      case READ_ONLY -> readOnlySetThroughJdbc = true;
      case AUTO_COMMIT -> autoCommitSet = true;
    }
  }

  private void mayRunAnything() {
    mayChangeSession = true;
    maySetSettings = true;
  }

  /** Notes SQL prepared or run, by its facts. */
  void sql(SqlFacts facts) {
    // Only ever set, never cleared: a plain write per flag is safe from any thread.
    if (facts.setsSequence()) {
      sequencesTouched = true;
    }
    if (!facts.inert()) {
      mayChangeSession = true;
    }
    if (facts.maySetSettings()) {
      maySetSettings = true;
    }
    if (facts.unnamedLocks()) {
      unnamedLocks = true;
    }
    if (!facts.customSettings().isEmpty()
        || !facts.temporaryTables().isEmpty()
        || !facts.namedLocks().isEmpty()) {
      names(facts);
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

  private synchronized void names(SqlFacts facts) {
    customSettings = with(customSettings, facts.customSettings());
    temporaryTables = with(temporaryTables, facts.temporaryTables());
    namedLocks = with(namedLocks, facts.namedLocks());
  }

  private static @Nullable Set<String> with(@Nullable Set<String> names, Set<String> more) {
    if (more.isEmpty()) {
      return names;
    }
    Set<String> all = names == null ? new HashSet<>() : names;
    all.addAll(more);
    return all;
  }

  /** Custom settings the SQL set, as written ({@code app.tenant}). */
  synchronized Set<String> customSettings() {
    return copyOf(customSettings);
  }

  /** Temporary tables the SQL created, as written ({@code scratch}, {@code `scratch`}). */
  synchronized Set<String> temporaryTables() {
    return copyOf(temporaryTables);
  }

  /** The names of the locks the SQL took with {@code GET_LOCK('name', ..)}. */
  synchronized Set<String> namedLocks() {
    return copyOf(namedLocks);
  }

  private static Set<String> copyOf(@Nullable Set<String> names) {
    return names == null ? Set.of() : Set.copyOf(names);
  }

  /** Whether the SQL took a named lock whose name it did not write as a literal. */
  boolean unnamedLocks() {
    return unnamedLocks;
  }

  /**
   * Whether the borrower set auto-commit (either way): until then the connection is in the pool's
   * auto-commit, which HikariCP restores on every return.
   */
  boolean autoCommitSet() {
    return autoCommitSet;
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
