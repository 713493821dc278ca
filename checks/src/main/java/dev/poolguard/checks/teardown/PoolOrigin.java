package dev.poolguard.checks.teardown;

/** Where a pool value that test code ends comes from, as far as the compilation shows. */
enum PoolOrigin {
  /** The process-wide shared pool: {@code SharedTestDataSource.get()} or a listed factory. */
  SHARED,
  /** A pool that another class holds: its field, or an accessor handing out its field. */
  FOREIGN,
  /**
   * A pool this class (or its superclass) built, or got fresh from a helper that builds one per
   * call.
   */
  OWNED,
  /** Not known (a parameter, an accessor compiled elsewhere): never flagged. */
  UNKNOWN;

  /** The more telling of two origins: shared beats foreign beats owned beats unknown. */
  PoolOrigin or(PoolOrigin other) {
    return compareTo(other) <= 0 ? this : other;
  }
}
