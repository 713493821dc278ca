package dev.poolguard.runtime.internal;

import dev.poolguard.runtime.PoolGuardException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads, on the pool's first connection, how many more connections the server would accept from
 * this pool: the server's, the role's (user's) and the database's limits and what is in use. Every
 * view it reads is readable by an ordinary role; when one is not (or a proxy such as PgBouncer
 * answers instead of the server, whose views would describe the proxy's side), there is no
 * pre-flight and nothing is said about capacity.
 */
final class CapacityPreflight {
  private static final Pattern MAX_USER_CONNECTIONS =
      Pattern.compile("MAX_USER_CONNECTIONS\\s+(\\d+)", Pattern.CASE_INSENSITIVE);

  /**
   * @param free connections this pool may hold, counting the one the pre-flight runs on
   * @param numbers the limits and counts behind {@code free}, for messages
   * @param holders the biggest holders: application name, user, client address, how many
   */
  record Capacity(int free, String numbers, List<String> holders) {}

  /** Reads the biggest holders of the server's connections. */
  @FunctionalInterface
  private interface Holders {
    List<String> read() throws SQLException;

    /**
     * The holders where {@code free} connections are fewer than the {@code wanted}: only then does
     * a message name them (the pool shrinks or fails), so a server with room costs no second query.
     */
    default List<String> ifShort(int free, int wanted) throws SQLException {
      return free < wanted ? read() : List.of();
    }
  }

  private CapacityPreflight() {}

  /** The capacity, or {@code null} when it cannot be known from {@code connection}. */
  static @Nullable Capacity read(Connection connection, PoolSettings settings) {
    if (settings.pgbouncer()) {
      return null;
    }
    try {
      return switch (settings.url().kind()) {
        case POSTGRESQL -> postgres(connection, settings);
        case MARIADB, MYSQL -> mariadb(connection, settings.maxPoolSize());
        case H2, OTHER -> null;
      };
    } catch (SQLException e) {
      // A view this role may not read, or a server too old for a column: no pre-flight then.
      return null;
    }
  }

  /**
   * The settings to build the pool with: as given when there is room, shrunk to what is free (with
   * one line saying so), or a failure naming the numbers and holders when nothing is free.
   */
  static PoolSettings apply(PoolSettings settings, @Nullable Capacity capacity) {
    if (capacity == null || capacity.free() >= settings.maxPoolSize()) {
      return settings;
    }
    if (capacity.free() < 1) {
      throw new PoolGuardException(FailureMessages.noCapacity(settings, capacity));
    }
    PoolGuardLog.line(FailureMessages.shrunk(settings, capacity));
    return settings.withMaxPoolSize(capacity.free());
  }

  private static @Nullable Capacity postgres(Connection connection, PoolSettings settings)
      throws SQLException {
    PostgresLimits limits = postgresLimits(connection);
    if (limits == null) {
      return null;
    }
    Integer serverPort = limits.serverPort();
    if (serverPort != null && serverPort != settings.url().port()) {
      // Port 6432 answering for a server on 5432: a proxy in between, whose limits are its own.
      return null;
    }
    return limits.capacity(settings.maxPoolSize(), () -> postgresHolders(connection));
  }

  /** The server's, the role's and the database's limits and use, as one row; {@code null}: none. */
  private static @Nullable PostgresLimits postgresLimits(Connection connection)
      throws SQLException {
    String sql =
        """
        select current_setting('max_connections')::int,
               current_setting('superuser_reserved_connections')::int,
               coalesce(nullif(current_setting('reserved_connections', true), ''), '0')::int,
               r.rolconnlimit, r.rolsuper, d.datconnlimit,
               (select count(*) from pg_stat_activity where backend_type = 'client backend'),
               (select count(*) from pg_stat_activity
                 where backend_type = 'client backend' and usename = current_user),
               (select count(*) from pg_stat_activity
                 where backend_type = 'client backend' and datname = current_database()),
               inet_server_port(), current_user, current_database()
          from pg_roles r, pg_database d
         where r.rolname = current_user and d.datname = current_database()
        """;
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      if (!rs.next()) {
        return null;
      }
      int serverPort = rs.getInt(10);
      // inet_server_port() is null over a Unix socket.
      Integer overTcp = rs.wasNull() ? null : serverPort;
      return new PostgresLimits(
          rs.getInt(1),
          rs.getInt(2),
          rs.getInt(3),
          rs.getInt(4),
          rs.getBoolean(5),
          rs.getInt(6),
          rs.getInt(7),
          rs.getInt(8),
          rs.getInt(9),
          overTcp,
          rs.getString(11),
          rs.getString(12));
    }
  }

  /**
   * What {@link #postgresLimits} read. A role or database limit of -1 means none; a superuser is
   * held to {@code max_connections} alone.
   */
  private record PostgresLimits(
      int maxConnections,
      int superuserReserved,
      int reserved,
      int roleLimit,
      boolean superuser,
      int databaseLimit,
      int inUse,
      int roleInUse,
      int databaseInUse,
      @Nullable Integer serverPort,
      String role,
      String database) {

    Capacity capacity(int wanted, Holders holders) throws SQLException {
      StringBuilder numbers = new StringBuilder();
      int serverLimit = superuser ? maxConnections : maxConnections - superuserReserved - reserved;
      numbers
          .append("server: max_connections ")
          .append(maxConnections)
          .append(
              superuser
                  ? " (role " + role + " is a superuser: no reserved slots or limits apply)"
                  : " - superuser_reserved_connections "
                      + superuserReserved
                      + (reserved > 0 ? " - reserved_connections " + reserved : "")
                      + " = "
                      + serverLimit)
          .append(", ")
          .append(inUse)
          .append(" in use");
      int free = serverLimit - inUse;
      if (!superuser && roleLimit >= 0) {
        free = Math.min(free, roleLimit - roleInUse);
        numbers.append("; role ").append(role).append(": CONNECTION LIMIT ").append(roleLimit);
        numbers.append(", ").append(roleInUse).append(" in use");
      }
      if (!superuser && databaseLimit >= 0) {
        free = Math.min(free, databaseLimit - databaseInUse);
        numbers.append("; database ").append(database).append(": CONNECTION LIMIT ");
        numbers.append(databaseLimit).append(", ").append(databaseInUse).append(" in use");
      }
      // The pre-flight's own connection is counted in use and is the pool's first.
      return new Capacity(free + 1, numbers.toString(), holders.ifShort(free + 1, wanted));
    }
  }

  private static List<String> postgresHolders(Connection connection) throws SQLException {
    String sql =
        """
        select coalesce(application_name, '(not visible)'), coalesce(usename, '?'),
               coalesce(host(client_addr), 'local socket'), count(*)
          from pg_stat_activity where backend_type = 'client backend'
         group by 1, 2, 3 order by 4 desc, 1 limit 5
        """;
    List<String> holders = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        holders.add(holder(rs.getInt(4), rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    }
    return holders;
  }

  private static Capacity mariadb(Connection connection, int wanted) throws SQLException {
    MariaDbServer server = mariadbServer(connection);
    int threadsConnected = threadsConnected(connection);
    int accountLimit = accountLimit(connection);
    int userInUse = connectionsOf(connection, server.user());
    int userLimit = accountLimit > 0 ? accountLimit : server.globalUserLimit();
    int free = server.maxConnections() - threadsConnected;
    StringBuilder numbers =
        new StringBuilder("server: max_connections ")
            .append(server.maxConnections())
            .append(", Threads_connected ")
            .append(threadsConnected);
    if (userLimit > 0) {
      free = Math.min(free, userLimit - userInUse);
      numbers
          .append("; user ")
          .append(server.user())
          .append(": max_user_connections ")
          .append(userLimit)
          .append(accountLimit > 0 ? " (the account's)" : " (global)")
          .append(", ")
          .append(userInUse)
          .append(" in use");
    }
    Holders holders = () -> mariadbHolders(connection);
    return new Capacity(free + 1, numbers.toString(), holders.ifShort(free + 1, wanted));
  }

  /**
   * @param globalUserLimit {@code max_user_connections} for every account; 0: none
   * @param user the account's user name, without its host part
   */
  private record MariaDbServer(int maxConnections, int globalUserLimit, String user) {}

  private static MariaDbServer mariadbServer(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT @@max_connections, @@max_user_connections,"
                    + " SUBSTRING_INDEX(CURRENT_USER(), '@', 1)")) {
      rs.next();
      return new MariaDbServer(rs.getInt(1), rs.getInt(2), rs.getString(3));
    }
  }

  private static int threadsConnected(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Threads_connected'")) {
      return rs.next() ? rs.getInt(2) : 0;
    }
  }

  /** The account's own {@code MAX_USER_CONNECTIONS}, from its grants; 0: none. */
  private static int accountLimit(Connection connection) throws SQLException {
    int accountLimit = 0;
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SHOW GRANTS")) {
      while (rs.next()) {
        Matcher m = MAX_USER_CONNECTIONS.matcher(rs.getString(1));
        if (m.find()) {
          accountLimit = Integer.parseInt(m.group(1));
        }
      }
    }
    return accountLimit;
  }

  /** Connections of {@code user} from any host. */
  private static int connectionsOf(Connection connection, String user) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = ?")) {
      statement.setString(1, user);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static List<String> mariadbHolders(Connection connection) throws SQLException {
    List<String> holders = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT USER, SUBSTRING_INDEX(HOST, ':', 1), COUNT(*) FROM information_schema.PROCESSLIST"
                    + " GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 5")) {
      while (rs.next()) {
        holders.add(holder(rs.getInt(3), null, rs.getString(1), rs.getString(2)));
      }
    }
    return holders;
  }

  private static String holder(
      int count, @Nullable String applicationName, String user, String address) {
    // Concatenated, not String.format: the pre-flight runs as every test JVM starts.
    return count
        + " x "
        + (applicationName == null || applicationName.isEmpty()
            ? ""
            : "application '" + applicationName + "', ")
        + "user "
        + user
        + " from "
        + address;
  }
}
