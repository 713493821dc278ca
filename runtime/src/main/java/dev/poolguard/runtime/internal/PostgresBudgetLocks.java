package dev.poolguard.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The budget on PostgreSQL: session-level advisory locks, which are scoped to the current database.
 * Slots are the two-key locks ({@link #SLOT_CLASS}, slot); membership is a shared lock ({@link
 * #MEMBER_CLASS}, pool key) that every physical connection of a pool takes, so {@code pg_locks}
 * counts distinct pools. {@code pg_locks} and {@code pg_stat_activity} of one's own role are
 * readable without any privilege.
 */
final class PostgresBudgetLocks implements BudgetLocks {
  static final int SLOT_CLASS = 0x50470001;
  static final int MEMBER_CLASS = 0x50470002;
  static final int WAITER_CLASS = 0x50470003;

  private static final String ADVISORY =
      "from pg_locks l where l.locktype = 'advisory' and l.granted and l.objsubid = 2"
          + " and l.database = (select oid from pg_database where datname = current_database())";

  private static final String CENSUS =
      "select count(*) filter (where l.classid = ?::bigint::oid),"
          + " count(distinct l.objid) filter (where l.classid = ?::bigint::oid) "
          + ADVISORY;

  private static final String HOLDERS =
      "select coalesce(a.application_name, ''), count(*) "
          + ADVISORY.replace(
              "from pg_locks l", "from pg_locks l left join pg_stat_activity a on a.pid = l.pid")
          + " and l.classid = ?::bigint::oid group by 1 order by 2 desc, 1";

  private final int budget;

  PostgresBudgetLocks(int budget) {
    this.budget = budget;
  }

  @Override
  public boolean tryTakeSlot(Connection connection, int slot) throws SQLException {
    return queryBoolean(connection, "select pg_try_advisory_lock(?, ?)", SLOT_CLASS, slot);
  }

  @Override
  public boolean join(Connection connection, int memberKey) throws SQLException {
    return queryBoolean(
        connection, "select pg_try_advisory_lock_shared(?, ?)", MEMBER_CLASS, memberKey);
  }

  @Override
  public boolean tryBecomeWaiter(Connection connection) throws SQLException {
    return queryBoolean(connection, "select pg_try_advisory_lock(?, ?)", WAITER_CLASS, 0);
  }

  @Override
  public void stopWaiting(Connection connection) throws SQLException {
    queryBoolean(connection, "select pg_advisory_unlock(?, ?)", WAITER_CLASS, 0);
  }

  @Override
  public Census census(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(CENSUS)) {
      statement.setLong(1, Integer.toUnsignedLong(SLOT_CLASS));
      statement.setLong(2, Integer.toUnsignedLong(MEMBER_CLASS));
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return new Census(Math.min(rs.getInt(1), budget), Math.max(1, rs.getInt(2)));
      }
    }
  }

  @Override
  public List<String> holders(Connection connection) throws SQLException {
    List<String> holders = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(HOLDERS)) {
      statement.setLong(1, Integer.toUnsignedLong(SLOT_CLASS));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          holders.add(ApplicationName.describeHolder(rs.getString(1)) + ": " + rs.getInt(2));
        }
      }
    }
    return holders;
  }

  private static boolean queryBoolean(Connection connection, String sql, int key1, int key2)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setInt(1, key1);
      statement.setInt(2, key2);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }
}
