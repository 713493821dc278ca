package dev.poolguard.runtime.internal;

/**
 * One piece of session state a test left on a connection it gave back, as said in the line that
 * names the test: {@code search_path = tenant_a, public}, {@code temporary table scratch}.
 *
 * @param kind what sort of state, for the fix and the session report's counts
 * @param what the state itself, never a password
 */
record Leftover(Kind kind, String what) {
  enum Kind {
    TRANSACTION("transaction", "transactions", "commit or roll back before closing the connection"),
    SETTING(
        "setting",
        "settings",
        "use SET LOCAL inside a transaction, or set it back before closing the connection"),
    ROLE("role", "roles", "RESET ROLE (or SET LOCAL ROLE inside a transaction) before closing"),
    TEMPORARY_TABLE(
        "temporary table",
        "temporary tables",
        "create it ON COMMIT DROP, or drop it before closing the connection"),
    ADVISORY_LOCK(
        "advisory lock",
        "advisory locks",
        "unlock it before closing, or take a transaction lock (pg_advisory_xact_lock) instead"),
    LISTEN("LISTEN", "LISTENs", "UNLISTEN before closing the connection"),
    CURSOR("cursor", "cursors", "CLOSE it before closing the connection"),
    PREPARED_STATEMENT(
        "prepared statement", "prepared statements", "DEALLOCATE it before closing the connection"),
    USER_VARIABLE("user variable", "user variables", "use a local variable or a parameter instead"),
    NAMED_LOCK("named lock", "named locks", "RELEASE_LOCK it before closing the connection"),
    /** The look at the session failed (a statement_timeout left, a role without rights). */
    UNREADABLE(
        "unreadable session",
        "unreadable sessions",
        "leave no setting that makes the next statement fail (set statement_timeout with SET"
            + " LOCAL inside a transaction)");

    private final String label;
    private final String plural;
    private final String fix;

    Kind(String label, String plural, String fix) {
      this.label = label;
      this.plural = plural;
      this.fix = fix;
    }

    /** {@code temporary tables}. */
    String plural() {
      return plural;
    }

    /** {@code temporary table}: how the session report counts it. */
    String label() {
      return label;
    }

    /** What the test should do instead. */
    String fix() {
      return fix;
    }
  }

  static Leftover of(Kind kind, String what) {
    return new Leftover(kind, what);
  }

  @Override
  public String toString() {
    return what;
  }
}
