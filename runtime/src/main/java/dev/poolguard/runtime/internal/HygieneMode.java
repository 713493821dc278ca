package dev.poolguard.runtime.internal;

/**
 * {@code poolguard.hygiene}: what PoolGuard does with session state a test leaves on a connection
 * it gives back (see docs/configuration.md, "Session hygiene").
 */
enum HygieneMode {
  /** Restores the session and names the test in one line (the default). */
  RESET,
  /** Restores the session, names the test and fails it. */
  FAIL,
  /** Looks at nothing: the connection goes back as the test left it. */
  OFF
}
