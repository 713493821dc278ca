package dev.poolguard.runtime.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * {@code poolguard.budget=N}: all PoolGuard pools of all JVMs on one database hold at most N server
 * connections together. Each physical connection must take one of N slot locks on itself before the
 * pool may use it (see {@link BudgetLocks}); the server is the only coordinator, and a slot dies
 * with its connection.
 *
 * <p>Fairness: a pool that already holds a connection takes another slot only if one stays free
 * afterwards (or it is the only live pool), so a JVM that holds none usually finds a slot at once.
 * A JVM that holds none takes its first slot only through the one waiting connection of the
 * database, which counts it as a live member; a pool holding more than its share of a full budget
 * (slots / live pools, 0 when there are more pools than slots) then gives a connection back when
 * one is returned to it, and the waiting JVM takes that slot.
 */
final class ConnectionBudget {
  private static final AtomicBoolean IGNORED_ANNOUNCED = new AtomicBoolean();

  /** How long a census stays good enough to decide on without asking the server again. */
  private static final long CENSUS_TTL_NANOS = 50_000_000L;

  /** A census older than this no longer stops a pool from opening a connection to look. */
  private static final long STALE_CENSUS_MILLIS = 1000;

  private final int budget;

  /**
   * Slots for connections in use: one less than the budget (at least one), because the budget also
   * covers the one connection that waits for a slot on behalf of a JVM that has none.
   */
  private final int slots;

  private final BudgetLocks locks;
  private final int memberKey = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
  private final AtomicInteger mine = new AtomicInteger();
  private final AtomicBoolean memberMarked = new AtomicBoolean();
  private final boolean joinOnEveryConnection;
  private volatile BudgetLocks.@Nullable Census lastCensus;
  private volatile long lastCensusNanos;

  ConnectionBudget(DatabaseKind kind, int budget) {
    this.budget = budget;
    this.slots = Math.max(1, budget - 1);
    this.locks = BudgetLocks.of(kind, slots);
    // PostgreSQL's shared advisory locks let every connection carry the pool's membership.
    this.joinOnEveryConnection = kind == DatabaseKind.POSTGRESQL;
  }

  static boolean supports(DatabaseKind kind) {
    return kind == DatabaseKind.POSTGRESQL
        || kind == DatabaseKind.MARIADB
        || kind == DatabaseKind.MYSQL;
  }

  static void announceIgnored(DatabaseKind kind, String setting, String source) {
    if (IGNORED_ANNOUNCED.compareAndSet(false, true)) {
      PoolGuardLog.line(
          setting
              + " (from "
              + source
              + ") is ignored for "
              + kind.displayName()
              + ": a budget across JVMs applies to PostgreSQL, MariaDB and MySQL; an "
              + kind.displayName()
              + " database is not shared between JVMs.");
    }
  }

  int budget() {
    return budget;
  }

  /** The most connections one pool may hold: the budget less the waiting connection's place. */
  int slots() {
    return slots;
  }

  /** Slots this pool holds now. */
  int held() {
    return mine.get();
  }

  /**
   * Whether opening another physical connection may get a slot: always for a pool that holds none;
   * otherwise as the last census says, or, when it is older than {@value #STALE_CENSUS_MILLIS} ms
   * (no connection of this pool was returned since), by opening one to look.
   */
  boolean mayGrow() {
    BudgetLocks.Census census = lastCensus;
    long age = System.nanoTime() - lastCensusNanos;
    return mine.get() == 0
        || census == null
        || age > TimeUnit.MILLISECONDS.toNanos(STALE_CENSUS_MILLIS)
        || growthAllowed(census);
  }

  /**
   * For a pool that holds no slot: takes any free one on {@code physical} and returns it wrapped
   * (the wrapper notices when it closes), or {@code null} with {@code physical} left open.
   */
  @Nullable Connection tryFirstSlot(Connection physical) throws SQLException {
    boolean marked = join(physical);
    Connection slotted = takeAnySlot(physical, marked);
    if (slotted != null) {
      census(physical);
    }
    return slotted;
  }

  /**
   * Whether {@code physical} may be the connection through which this JVM, holding no slot, asks
   * for its first: only one connection of all JVMs waits at a time, and while it waits it counts
   * its pool as a live member, which makes pools over their share give connections back. Any other
   * pool closes its connection and looks again later.
   */
  boolean becomeWaiter(Connection physical) throws SQLException {
    return locks.tryBecomeWaiter(physical);
  }

  /** The waiting connection got its slot: the next JVM may wait. */
  void stopWaiting(Connection physical) throws SQLException {
    locks.stopWaiting(physical);
  }

  /**
   * For a pool that already holds a slot: takes another on {@code physical} if that leaves one free
   * for a JVM that has none (or no other pool is live); otherwise closes {@code physical} and
   * returns {@code null}.
   */
  @Nullable Connection tryGrow(Connection physical) throws SQLException {
    Connection slotted = null;
    try {
      boolean marked = join(physical);
      slotted = growthAllowed(census(physical)) ? takeAnySlot(physical, marked) : null;
      return slotted;
    } finally {
      if (slotted == null) {
        physical.close();
      }
    }
  }

  private boolean growthAllowed(BudgetLocks.Census census) {
    return census.heldSlots() < slots && (census.members() == 1 || census.heldSlots() + 1 < slots);
  }

  private @Nullable Connection takeAnySlot(Connection physical, boolean marked)
      throws SQLException {
    int start = ThreadLocalRandom.current().nextInt(slots);
    for (int i = 0; i < slots; i++) {
      if (locks.tryTakeSlot(physical, (start + i) % slots)) {
        mine.incrementAndGet();
        return slotted(physical, marked);
      }
    }
    return null;
  }

  /** Who holds the budget, biggest holder first, for the failure message. */
  List<String> holders(Connection connection) throws SQLException {
    return locks.holders(connection);
  }

  /**
   * Whether a connection being returned should rather be closed: the budget is full and this pool
   * holds more than its share. Asks the server at most every 50 ms (the census also tells {@link
   * #mayGrow} whether there is room); a connection inside a transaction is not asked anything.
   */
  boolean shouldRetire(Connection returning) throws SQLException {
    if (!returning.getAutoCommit()) {
      return false;
    }
    BudgetLocks.Census census = lastCensus;
    if (census == null || System.nanoTime() - lastCensusNanos > CENSUS_TTL_NANOS) {
      census = census(returning);
    }
    // With more live pools than slots the share is 0: every connection given back to a full
    // budget goes, so the slots rotate through all JVMs instead of the first ones keeping them.
    int share = slots / census.members();
    return census.heldSlots() >= slots && mine.get() > share;
  }

  private boolean join(Connection physical) throws SQLException {
    if (joinOnEveryConnection) {
      return locks.join(physical, memberKey);
    }
    if (memberMarked.compareAndSet(false, true)) {
      if (locks.join(physical, memberKey)) {
        return true;
      }
      memberMarked.set(false);
    }
    return false;
  }

  private BudgetLocks.Census census(Connection connection) throws SQLException {
    BudgetLocks.Census census = locks.census(connection);
    lastCensus = census;
    lastCensusNanos = System.nanoTime();
    return census;
  }

  private Connection slotted(Connection physical, boolean carriesMembership) {
    boolean releasesMembership = carriesMembership && !joinOnEveryConnection;
    return ConnectionProxy.of(
        physical,
        "PoolGuard budget slot",
        // The slot (and the membership mark, if this connection carries it) dies with the
        // connection on the server; the count of slots held follows it here.
        (target, ending) -> {
          mine.decrementAndGet();
          if (releasesMembership) {
            memberMarked.set(false);
          }
          ending.apply(target);
        });
  }
}
