package dev.poolguard.runtime.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Every borrow gets a clean, live session ({@code poolguard.hygiene}): what a test leaves on the
 * connection it gives back is undone before anyone else can borrow it, and the test is named (and
 * with {@code fail} fails); a connection the server ended while it was pooled is never handed out.
 * One per pool; the database's own part is its {@link SessionDialect}.
 */
public final class SessionHygiene {
  /** Dirty returns of tests that must fail for them ({@code poolguard.hygiene=fail}). */
  private static final Map<TestOwner, List<String>> FAILING = new ConcurrentHashMap<>();

  private final HygieneMode mode;
  private final SessionDialect dialect;
  private final String description;
  private final Consumer<Connection> retire;
  private final Replacement replacement;
  private final Runnable restoredMark;

  /** The baseline of each physical connection, dropped with it. */
  private final Map<Connection, SessionDialect.Baseline> baselines =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Map<Leftover.Kind, AtomicLong> restored = new ConcurrentHashMap<>();

  /**
   * @param retire evicts a pooled connection (HikariCP's own proxy) instead of keeping it
   * @param replacement a live connection in place of one the server ended under a borrower
   * @param restoredMark called once per dirty return (the timeline's marks)
   */
  SessionHygiene(
      HygieneMode mode,
      SessionDialect dialect,
      String poolName,
      Consumer<Connection> retire,
      Replacement replacement,
      Runnable restoredMark) {
    this.mode = mode;
    this.dialect = dialect;
    this.description = "PoolGuard connection of " + poolName;
    this.retire = retire;
    this.replacement = replacement;
    this.restoredMark = restoredMark;
  }

  /** A connection from the pool: what a borrower is given, and HikariCP's own under it. */
  record Pooled(Connection given, Connection pooled) {}

  /** Where a borrow moves when the server ended its session. */
  @FunctionalInterface
  interface Replacement {
    /** Evicts {@code ended} (HikariCP's own) and takes a live connection from the pool. */
    Pooled replace(Connection ended) throws SQLException;
  }

  /** The failures {@code owner} must get for what it left; cleared as they are taken. */
  public static List<String> failuresOf(TestOwner owner) {
    List<String> failures = FAILING.remove(owner);
    return failures == null ? List.of() : failures;
  }

  /**
   * Whether {@code pooled}, just taken from the pool, is still a session on the server (without a
   * round trip where the driver allows it).
   */
  boolean isLive(Connection pooled) {
    return mode == HygieneMode.OFF || dialect.isLive(pooled);
  }

  /**
   * Wraps the connection a borrower gets: on its return, the session is restored to the baseline of
   * {@code pooled}'s physical connection, read now if this is its first borrow.
   *
   * @param given what the borrower gives back to (the pool's connection, or the budget's layer)
   * @param pooled HikariCP's own connection, the key to its physical connection
   */
  Connection guard(Connection given, Connection pooled, BorrowSite site) throws SQLException {
    if (mode == HygieneMode.OFF) {
      return given;
    }
    Connection physical = pooled.unwrap(Connection.class);
    return ConnectionProxy.of(
        given,
        description,
        new Restoring(given, pooled, physical, baselineOf(physical, pooled), site));
  }

  private SessionDialect.Baseline baselineOf(Connection physical, Connection pooled)
      throws SQLException {
    SessionDialect.Baseline baseline = baselines.get(physical);
    if (baseline == null) {
      baseline = dialect.baseline(pooled);
      baselines.put(physical, baseline);
    }
    return baseline;
  }

  /** Sessions restored so far, by kind of leftover. */
  Map<Leftover.Kind, Long> restoredByKind() {
    Map<Leftover.Kind, Long> counts = new EnumMap<>(Leftover.Kind.class);
    restored.forEach((kind, count) -> counts.put(kind, count.get()));
    return counts;
  }

  /**
   * Follows one borrow: what its SQL may have changed, the restore on its return, and its move to a
   * new connection when the server ended its session between two statements.
   */
  private final class Restoring implements ConnectionProxy.Hooks, StatementTap.Borrow {
    private final BorrowSite site;
    private final Footprint footprint = new Footprint();
    private volatile Connection given;
    private volatile Connection pooled;

    /**
     * The driver's own connection under {@link #pooled}: what happened on it stays readable after
     * HikariCP has swapped its proxy's connection for a closed one on a broken-connection failure.
     */
    private volatile Connection physical;

    private volatile SessionDialect.Baseline baseline;
    private volatile int generation;

    /** The borrow moved after an INSERT: the sequences' currval it may read is gone. */
    private volatile boolean sequencesLost;

    Restoring(
        Connection given,
        Connection pooled,
        Connection physical,
        SessionDialect.Baseline baseline,
        BorrowSite site) {
      this.given = given;
      this.pooled = pooled;
      this.physical = physical;
      this.baseline = baseline;
      this.site = site;
    }

    @Override
    public Connection current(Connection wrapped) {
      return given;
    }

    @Override
    public void creating(StatementSource source) throws SQLException {
      footprint.creating(source.kind());
      String sql = source.sql();
      if (sql != null) {
        sql(sql);
      }
    }

    @Override
    public void using(ConnectionProxy.Use use) {
      footprint.using(use);
    }

    @Override
    public void sql(String sql) throws SQLException {
      SqlFacts facts = SqlFacts.of(sql);
      if (facts.readsSequence()) {
        if (sequencesLost) {
          throw new SQLException(FailureMessages.sequencesLostInMove(site.ownerLabel()));
        }
        if (!footprint.sequencesTouched()) {
          baseline.beforeReadingSequences(pooled);
        }
      }
      footprint.sql(facts);
    }

    @Override
    public Statement created(Statement statement, StatementSource source) {
      return StatementTap.of(statement, source, this);
    }

    /** A statement failed: if the server ended the session, the failure says so. */
    @Override
    public SQLException failure(SQLException failure) {
      return ServerEnded.is(failure)
          ? new SQLException(
              FailureMessages.serverEnded(site.ownerLabel(), failure),
              failure.getSQLState(),
              failure.getErrorCode(),
              failure)
          : failure;
    }

    @Override
    public int generation() {
      return generation;
    }

    /**
     * The borrow moves only where nothing is lost: the session ended while no statement of it ran
     * (the look at the socket sees the server's farewell before anything is sent), in the pool's
     * auto-commit, after SQL that changed nothing in the session but the sequences' currval (no
     * transaction, setting, temporary table or lock to carry over). Otherwise the statement runs
     * where it is and fails with {@link #failure}'s message.
     */
    @Override
    public synchronized @Nullable Connection movedFrom(int created) throws SQLException {
      if (created == generation) {
        if (!movable() || dialect.isLive(pooled)) {
          return null;
        }
        move();
      }
      return given;
    }

    /**
     * After a failure: the same move where the server ended the session before it read the
     * statement (its farewell reached the socket only after the look), so that running the
     * statement on the new connection runs it once.
     */
    @Override
    public synchronized @Nullable Connection movedAfterFailure(int created, SQLException failure)
        throws SQLException {
      if (created != generation
          || !ServerEnded.is(failure)
          || !movable()
          || !dialect.neverReached(physical, failure)) {
        return null;
      }
      move();
      return given;
    }

    /** PoolGuard's pool hands out connections in auto-commit, restored by HikariCP on return. */
    private boolean movable() {
      return !footprint.mayChangeSession() && !footprint.autoCommitSet();
    }

    private synchronized void move() throws SQLException {
      Pooled live = replacement.replace(pooled);
      given = live.given();
      pooled = live.pooled();
      physical = live.pooled().unwrap(Connection.class);
      baseline = baselineOf(physical, live.pooled());
      sequencesLost = footprint.sequencesTouched();
      generation++;
      PoolGuardLog.line(FailureMessages.movedAfterServerEnded(site.ownerLabel(), site.where()));
    }

    @Override
    public void giveBack(Connection current, ConnectionProxy.Ending ending) throws SQLException {
      if (!ending.isClose() || pooled.isClosed()) {
        ending.apply(current);
        return;
      }
      SessionDialect.Restoration restoration;
      try {
        restoration = baseline.restore(pooled, footprint);
      } catch (SQLException e) {
        // The session cannot be read or restored: the connection goes instead of coming back
        // unknown. A session the server ended is no test's leftover.
        if (!ServerEnded.is(e)) {
          dirty(
              List.of(Leftover.of(Leftover.Kind.UNREADABLE, FailureMessages.unreadableSession(e))));
        }
        retire.accept(pooled);
        return;
      }
      try {
        if (!restoration.leftovers().isEmpty()) {
          dirty(restoration.leftovers());
        }
      } finally {
        if (restoration.retire()) {
          retire.accept(pooled);
        } else {
          ending.apply(current);
        }
      }
    }

    private void dirty(List<Leftover> leftovers) {
      for (Leftover leftover : leftovers) {
        restored.computeIfAbsent(leftover.kind(), kind -> new AtomicLong()).incrementAndGet();
      }
      restoredMark.run();
      String message = FailureMessages.dirtySession(site.ownerLabel(), site.where(), leftovers);
      PoolGuardLog.line(message);
      TestOwner owner = site.owner();
      if (mode == HygieneMode.FAIL && owner != null) {
        FAILING
            .computeIfAbsent(owner, key -> Collections.synchronizedList(new ArrayList<>()))
            .add(message);
      }
    }
  }

  /** {@code 2 settings, 1 temporary table}: the session report's counts. */
  static String describe(Map<Leftover.Kind, Long> byKind) {
    return byKind.entrySet().stream()
        .map(
            entry ->
                FailureMessages.count(
                    entry.getValue(), entry.getKey().label(), entry.getKey().plural()))
        .collect(Collectors.joining(", "));
  }
}
