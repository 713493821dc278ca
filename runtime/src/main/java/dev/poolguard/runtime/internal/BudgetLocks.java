package dev.poolguard.runtime.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The server-side locks a {@link ConnectionBudget} is kept with. Every lock is taken by a physical
 * connection on itself, at session level, so it lasts exactly as long as that connection: a JVM
 * that dies leaves nothing behind.
 */
interface BudgetLocks {
  /** Takes slot {@code slot} (0 to budget - 1) on {@code connection} if nobody holds it. */
  boolean tryTakeSlot(Connection connection, int slot) throws SQLException;

  /**
   * Marks {@code connection}'s pool as a live member, so other JVMs count it when they work out
   * their fair share. Returns whether this connection now carries the mark.
   */
  boolean join(Connection connection, int memberKey) throws SQLException;

  /**
   * Makes {@code connection} the one connection, of all JVMs, that waits for a slot while holding
   * none; returns whether it is.
   */
  boolean tryBecomeWaiter(Connection connection) throws SQLException;

  /** Gives up the waiter's place taken with {@link #tryBecomeWaiter}. */
  void stopWaiting(Connection connection) throws SQLException;

  /** How many slots are held and by how many members, as seen from {@code connection}. */
  Census census(Connection connection) throws SQLException;

  /** Who holds the slots, biggest holder first: {@code pid 4711 on ci-7: 3}. */
  List<String> holders(Connection connection) throws SQLException;

  /**
   * What the locks say about the budget right now.
   *
   * @param heldSlots slots held by all JVMs together
   * @param members live PoolGuard pools on this database (at least one: the asker)
   */
  record Census(int heldSlots, int members) {}

  static BudgetLocks of(DatabaseKind kind, int budget) {
    return switch (kind) {
      case POSTGRESQL -> new PostgresBudgetLocks(budget);
      case MARIADB, MYSQL -> new MariaDbBudgetLocks(budget);
      case H2, OTHER -> throw new IllegalArgumentException("no budget locks for " + kind);
    };
  }
}
