package dev.poolguard.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The budget on MariaDB and MySQL: named user locks ({@code GET_LOCK(name, 0)}), which belong to
 * the session that took them and are released when it ends. Lock names carry a hash of the current
 * database, because user locks are server-wide. Membership is one of {@value #MEMBER_NAMES}
 * numbered locks, held by one connection of each pool; {@code IS_USED_LOCK} counts them without any
 * privilege.
 */
final class MariaDbBudgetLocks implements BudgetLocks {
  static final int MEMBER_NAMES = 64;

  private final int budget;
  private final String census;
  private final String slotHolders;

  MariaDbBudgetLocks(int budget) {
    this.budget = budget;
    this.census = "SELECT " + sumOfUsed("s", budget) + ", " + sumOfUsed("m", MEMBER_NAMES);
    this.slotHolders =
        IntStream.range(0, budget)
            .mapToObj(i -> "IS_USED_LOCK(" + name("s", Integer.toString(i)) + ")")
            .collect(Collectors.joining(", ", "SELECT ", ""));
  }

  @Override
  public boolean tryTakeSlot(Connection connection, int slot) throws SQLException {
    return getLock(connection, "s", slot);
  }

  @Override
  public boolean join(Connection connection, int memberKey) throws SQLException {
    for (int i = 0; i < MEMBER_NAMES; i++) {
      if (getLock(connection, "m", (memberKey + i) % MEMBER_NAMES)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean tryBecomeWaiter(Connection connection) throws SQLException {
    return getLock(connection, "w", 0);
  }

  @Override
  public void stopWaiting(Connection connection) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT RELEASE_LOCK(" + name("w", "?") + ")")) {
      statement.setInt(1, 0);
      statement.executeQuery().close();
    }
  }

  @Override
  public Census census(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(census)) {
      rs.next();
      return new Census(Math.min(rs.getInt(1), budget), Math.max(1, rs.getInt(2)));
    }
  }

  /**
   * Holders by user and client address from {@code information_schema.PROCESSLIST}, which shows a
   * user's own sessions (all of them with the PROCESS privilege); others count as not visible.
   */
  @Override
  public List<String> holders(Connection connection) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(slotHolders)) {
      rs.next();
      for (int i = 1; i <= budget; i++) {
        long id = rs.getLong(i);
        if (!rs.wasNull()) {
          ids.add(Long.toString(id));
        }
      }
    }
    List<String> holders = new ArrayList<>();
    if (ids.isEmpty()) {
      return holders;
    }
    int visible = 0;
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT USER, SUBSTRING_INDEX(HOST, ':', 1), COUNT(*) FROM information_schema.PROCESSLIST"
                    + " WHERE ID IN ("
                    + String.join(",", ids)
                    + ") GROUP BY 1, 2 ORDER BY 3 DESC")) {
      while (rs.next()) {
        holders.add("user " + rs.getString(1) + " from " + rs.getString(2) + ": " + rs.getInt(3));
        visible += rs.getInt(3);
      }
    }
    if (visible < ids.size()) {
      holders.add("sessions not visible to this user: " + (ids.size() - visible));
    }
    return holders;
  }

  private static boolean getLock(Connection connection, String kind, int number)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT GET_LOCK(" + name(kind, "?") + ", 0)")) {
      statement.setInt(1, number);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getInt(1) == 1;
      }
    }
  }

  private static String sumOfUsed(String kind, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> "(IS_USED_LOCK(" + name(kind, Integer.toString(i)) + ") IS NOT NULL)")
        .collect(Collectors.joining(" + ", "(", ")"));
  }

  /**
   * {@code poolguard:<12 hex of the database name's SHA-1>:<kind><number>}, well under 64 chars.
   */
  private static String name(String kind, String numberExpression) {
    return "CONCAT('poolguard:', LEFT(SHA1(DATABASE()), 12), ':"
        + kind
        + "', "
        + numberExpression
        + ")";
  }
}
