package dev.poolguard.runtime.internal;

import dev.poolguard.runtime.PoolGuardException;
import dev.poolguard.runtime.PoolStats;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * When the shared pool exists: created on first use, closed when the outermost JUnit Platform
 * launcher session ends (or at JVM exit), created afresh on the next use after that. A failure to
 * create it is remembered until the session ends, so a suite against a dead database fails at once
 * in every test instead of waiting out the connect timeout again and again. A server or budget that
 * was full is not remembered: the next use asks again.
 */
public final class SharedPoolLifecycle {
  /** The H2 fallback is announced once per JVM, not once per session. */
  private static final AtomicBoolean EMBEDDED_ANNOUNCED = new AtomicBoolean();

  /** Per JVM, not per lifecycle, so every pool of this process has its own name. */
  private static final AtomicInteger GENERATION = new AtomicInteger();

  private final Supplier<PoolSettings> settings;
  private final String namePrefix;
  private final Object lock = new Object();

  /** Who asked for this pool in the current session (Spring test contexts), for the report. */
  private final Set<String> consumers = ConcurrentHashMap.newKeySet();

  /** Written under {@link #lock}; volatile so the common path, an existing pool, takes no lock. */
  private volatile @Nullable SharedPool current;

  private @Nullable PoolGuardException creationFailure;
  private int openSessions;
  private long startNanos = System.nanoTime();

  SharedPoolLifecycle(Supplier<PoolSettings> settings) {
    this.settings = settings;
    // ProcessHandle, not the RuntimeMXBean: that would start the JVM's management in every test
    // JVM.
    this.namePrefix = "poolguard-" + ProcessHandle.current().pid() + "-";
  }

  /**
   * The current pool, created if there is none.
   *
   * @throws PoolGuardException when it cannot be created (now or earlier in this session)
   */
  public SharedPool pool() {
    SharedPool pool = current;
    if (pool != null) {
      return pool;
    }
    synchronized (lock) {
      if (current == null) {
        if (creationFailure != null) {
          throw new PoolGuardException(
              String.valueOf(creationFailure.getMessage()), creationFailure);
        }
        try {
          current = create();
        } catch (PoolGuardException e) {
          // A server or budget that is full now may have room at the next test; an unreachable
          // server or a bad setting stays so for the session, and fails every later use at once.
          if (CapacityException.in(e) == null) {
            creationFailure = e;
          }
          throw e;
        }
      }
      return current;
    }
  }

  private SharedPool create() {
    PoolSettings resolved = settings.get();
    if (resolved.source().equals(SettingsResolver.EMBEDDED_SOURCE)
        && EMBEDDED_ANNOUNCED.compareAndSet(false, true)) {
      PoolGuardLog.line(
          "no database URL configured; using an in-memory H2 database ("
              + SettingsResolver.EMBEDDED_URL
              + "). To use a real one, give a URL in "
              + FailureMessages.WHERE_URLS_GO
              + ".");
    }
    if (openSessions == 0) {
      // Outside a launcher session (JUnit 4 runner, TestNG, main): wall time counts from the first
      // use.
      startNanos = System.nanoTime();
    }
    return SharedPool.open(resolved, namePrefix + GENERATION.incrementAndGet());
  }

  /** The current pool without creating one; {@code null} when there is none. */
  @Nullable SharedPool currentIfOpen() {
    return current;
  }

  /** Counts {@code consumer} (once however often it asks) in this session's report. */
  void addConsumer(String consumer) {
    consumers.add(consumer);
  }

  /** Counters of the current pool; all zero when there is none. */
  public PoolStats stats() {
    SharedPool pool = current;
    return pool == null ? PoolStats.none() : pool.stats();
  }

  void sessionOpened() {
    synchronized (lock) {
      if (openSessions++ == 0) {
        startNanos = System.nanoTime();
      }
    }
  }

  /**
   * Only the outermost session's end closes the pool: a nested session (a test running tests)
   * shares it.
   */
  void sessionClosed() {
    synchronized (lock) {
      if (openSessions == 0 || --openSessions > 0) {
        return;
      }
    }
    closeAndReport();
  }

  /**
   * Closes the current pool, if any, prints the session report and forgets any creation failure.
   * Safe to call repeatedly and while other threads borrow: they either finish on the old pool or
   * get a new one.
   */
  void closeAndReport() {
    SharedPool closing;
    Duration wallTime;
    int consumerCount;
    synchronized (lock) {
      closing = current;
      current = null;
      creationFailure = null;
      wallTime = Duration.ofNanos(System.nanoTime() - startNanos);
      consumerCount = consumers.size();
      consumers.clear();
    }
    // Outside the lock: HikariCP may wait for held connections, and borrowers must not wait on
    // that.
    if (closing != null) {
      closing.close();
      closing.sessionReport(wallTime, consumerCount).forEach(PoolGuardLog::line);
    }
  }
}
