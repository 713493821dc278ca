package dev.poolguard.runtime.internal;

import dev.poolguard.runtime.PoolStats;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what happens to one pool and remembers who holds which connection, for which test. Each
 * borrowed connection is handed out behind a thin proxy that notices its return ({@code close()} or
 * {@code abort()}), the one event a {@code DataSource} cannot observe otherwise.
 *
 * <p>A connection becomes a suspected leak, once, the first time one of these is noticed: the test
 * or class that borrowed it finished without returning it ({@link #leaksOf}), it was held longer
 * than the leak threshold, or it was still out when the pool closed. Each is one {@code suspected
 * leak:} line and one in {@link PoolStats#suspectedLeaks()}.
 */
public final class BorrowTracker {
  /** Every open pool's tracker, so the end of a test can be checked against all of them. */
  private static final Set<BorrowTracker> OPEN = ConcurrentHashMap.newKeySet();

  private final String poolName;
  private final int maxPoolSize;
  private final Duration leakThreshold;
  private final LeakReporting.LeakMode leakMode;
  private final Set<BorrowSite> held = ConcurrentHashMap.newKeySet();
  private final List<Leak> leaks = new CopyOnWriteArrayList<>();
  private final Timeline timeline = new Timeline();
  private final AtomicLong borrows = new AtomicLong();
  private final AtomicInteger inUse = new AtomicInteger();
  private final AtomicInteger peakInUse = new AtomicInteger();
  private final AtomicLong waits = new AtomicLong();
  private final AtomicLong acquireTimeouts = new AtomicLong();
  private final AtomicLong deadReplaced = new AtomicLong();

  BorrowTracker(
      String poolName, int maxPoolSize, Duration leakThreshold, LeakReporting.LeakMode leakMode) {
    this.poolName = poolName;
    this.maxPoolSize = maxPoolSize;
    this.leakThreshold = leakThreshold;
    this.leakMode = leakMode;
    OPEN.add(this);
  }

  /**
   * Reports, in every open pool, the connections {@code owner} borrowed and has not returned;
   * called when it finishes. Those already reported are not reported again.
   *
   * @return the leaks reported now
   */
  public static List<Leak> leaksOf(TestOwner owner) {
    List<Leak> found = new ArrayList<>();
    for (BorrowTracker tracker : OPEN) {
      if (tracker.leakMode != LeakReporting.LeakMode.OFF) {
        for (BorrowSite site : tracker.held) {
          if (site.owner() == owner) {
            tracker
                .suspect(
                    site, owner.label() + " finished holding a connection of " + tracker.poolName)
                .ifPresent(found::add);
          }
        }
      }
    }
    return found;
  }

  /** Called before asking the pool; a borrow that finds every connection held will wait. */
  void beforeBorrow() {
    if (inUse.get() >= maxPoolSize) {
      waits.incrementAndGet();
    }
  }

  /** A returned session was restored: what a test left was undone. */
  void restored() {
    timeline.restored();
  }

  /** A pooled connection the server had ended was found on borrow and replaced. */
  void replacedDead() {
    deadReplaced.incrementAndGet();
  }

  long deadReplaced() {
    return deadReplaced.get();
  }

  void acquireTimedOut() {
    acquireTimeouts.incrementAndGet();
    timeline.timedOut();
  }

  /**
   * Registers a connection the pool just handed out to {@code site} and returns the proxy the
   * caller gets: it notes, once, when the connection goes back.
   */
  Connection track(Connection pooled, BorrowSite site) {
    held.add(site);
    borrows.incrementAndGet();
    peakInUse.accumulateAndGet(inUse.incrementAndGet(), Math::max);
    timeline.borrowed(held);
    return ConnectionProxy.of(
        pooled,
        "PoolGuard connection of " + poolName,
        (target, ending) -> {
          returned(site);
          ending.apply(target);
        });
  }

  int heldCount() {
    return held.size();
  }

  List<BorrowSite> holders() {
    return new ArrayList<>(held);
  }

  /** Every suspected leak so far, in the order noticed. */
  List<Leak> leaks() {
    return List.copyOf(leaks);
  }

  Timeline.Snapshot timeline() {
    return timeline.snapshot();
  }

  /**
   * Called when the pool closes: the connections still out were never returned. Later test ends no
   * longer look at this pool.
   */
  void reportUnreturned() {
    OPEN.remove(this);
    for (BorrowSite site : held) {
      suspect(site, "a connection of " + poolName + borrowedBy(site) + " was never returned");
    }
  }

  /**
   * The counters now, with what only the pool knows: {@code idle} connections and borrows {@code
   * waiting} for one.
   */
  PoolStats snapshot(int idle, int waiting) {
    if (!leakThreshold.isZero()) {
      for (BorrowSite site : held) {
        if (site.heldFor().compareTo(leakThreshold) > 0) {
          suspect(site, heldPastThreshold(site));
        }
      }
    }
    return new PoolStats(
        poolName,
        maxPoolSize,
        borrows.get(),
        peakInUse.get(),
        inUse.get(),
        idle,
        waiting,
        waits.get(),
        acquireTimeouts.get(),
        leaks.size());
  }

  private static String borrowedBy(BorrowSite site) {
    return site.owner() == null ? " taken outside any test" : " taken by " + site.ownerLabel();
  }

  private String heldPastThreshold(BorrowSite site) {
    return "a connection of "
        + poolName
        + borrowedBy(site)
        + " was held longer than the leak threshold of "
        + FailureMessages.seconds(leakThreshold);
  }

  /** Makes {@code site} a suspected leak and says so, unless it already is one. */
  private Optional<Leak> suspect(BorrowSite site, String what) {
    if (!site.markLeaked()) {
      return Optional.empty();
    }
    Leak leak = Leak.of(site, leakMode == LeakReporting.LeakMode.FAIL && site.owner() != null);
    leaks.add(leak);
    PoolGuardLog.line(
        "suspected leak: "
            + what
            + ", borrowed at "
            + leak.where()
            + ", held "
            + FailureMessages.elapsed(leak.heldFor())
            + " (thread '"
            + site.threadName()
            + "')");
    return Optional.of(leak);
  }

  private void returned(BorrowSite site) {
    held.remove(site);
    inUse.decrementAndGet();
    timeline.returned();
    if (!leakThreshold.isZero() && site.heldFor().compareTo(leakThreshold) > 0) {
      suspect(site, heldPastThreshold(site));
    }
  }
}
