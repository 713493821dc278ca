package dev.poolguard.runtime.internal;

import java.sql.SQLException;

/**
 * Recognises a failure because the server ended the session (not because of the SQL): PostgreSQL's
 * admin_shutdown, crash_shutdown and cannot_connect_now (57P01-57P03), the connection exception
 * class (08: 08006 connection failure, 08003 no connection, MariaDB's 08S01), and MariaDB's
 * "Connection was killed" (1927).
 */
final class ServerEnded {
  private static final int MARIADB_CONNECTION_KILLED = 1927;

  private ServerEnded() {}

  static boolean is(SQLException failure) {
    String state = failure.getSQLState();
    return (state != null && (state.startsWith("57P0") || state.startsWith("08")))
        || failure.getErrorCode() == MARIADB_CONNECTION_KILLED;
  }
}
