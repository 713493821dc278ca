package dev.poolguard.runtime;

/**
 * Counters of the shared pool in the current test session, as returned by {@link
 * SharedTestDataSource#stats()}. All zero before the first borrow of a session.
 *
 * @param poolName the pool's name, unique per JVM and session (PostgreSQL also sees it as {@code
 *     application_name}); empty when no pool exists yet
 * @param maximumPoolSize the most connections the pool opens
 * @param borrows connections handed out
 * @param peakInUse the most connections held at the same time
 * @param inUse connections held right now
 * @param idle connections open but held by nobody right now (the pool opens them on demand and
 *     keeps none idle on purpose, so this falls to zero after HikariCP's idle timeout)
 * @param waiting borrows waiting right now for a connection to come free
 * @param waits borrows that found every connection held and had to wait for one
 * @param acquireTimeouts borrows that gave up after the acquire timeout
 * @param suspectedLeaks connections reported as suspected leaks, each once and each with one {@code
 *     [PoolGuard] suspected leak:} line: not returned when the test or class that borrowed them
 *     finished, held longer than the leak threshold ({@code poolguard.leakDetection}; a still-held
 *     connection is checked whenever the counters are read), or still out when the pool closed. The
 *     session report's {@code suspected leaks} and its leaks by test are this number.
 */
public record PoolStats(
    String poolName,
    int maximumPoolSize,
    long borrows,
    int peakInUse,
    int inUse,
    int idle,
    int waiting,
    long waits,
    long acquireTimeouts,
    long suspectedLeaks) {

  /** The counters of a pool that is not open: no name, every figure zero. */
  public static PoolStats none() {
    return new PoolStats("", 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }
}
