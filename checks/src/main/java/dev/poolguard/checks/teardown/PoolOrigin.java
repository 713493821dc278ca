package dev.poolguard.checks.teardown;

/** Where a pool value that test code ends comes from, as far as the compilation shows. */
enum PoolOrigin {
  /** The process-wide shared pool: {@code SharedTestDataSource.get()} or a listed factory. */
  SHARED(4),
  /**
   * A pool kept in JUnit's run-wide extension store ({@code context.getRoot().getStore(..)}): one
   * pool for every test class of the run, like the shared one.
   */
  RUN_WIDE_STORE(3),
  /** A pool that another class holds: its field, or an accessor handing out its field. */
  FOREIGN(2),
  /**
   * A pool this class (or its superclass) built, or got fresh from a helper that builds one per
   * call.
   */
  OWNED(1),
  /** Not known (a parameter, an accessor compiled elsewhere): never flagged. */
  UNKNOWN(0);

  /**
   * How much an origin says about ending the pool: the ranking is explicit, not the order above.
   */
  private final int telling;

  PoolOrigin(int telling) {
    this.telling = telling;
  }

  /**
   * The more telling of two origins (shared beats the run-wide store beats foreign beats owned
   * beats unknown): a value that may be the shared pool on one path is treated as the shared pool.
   */
  PoolOrigin or(PoolOrigin other) {
    return telling >= other.telling ? this : other;
  }
}
