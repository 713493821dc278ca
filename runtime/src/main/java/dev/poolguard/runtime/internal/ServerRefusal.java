package dev.poolguard.runtime.internal;

import java.sql.SQLException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Recognises the ways a server or a pooler in front of it says no to a new connection. "Too many
 * connections" is worth waiting for, because another client will give one back; everything else is
 * reported at once.
 */
final class ServerRefusal {
  /** PostgreSQL's too_many_connections: the server, the role or the database is at its limit. */
  private static final String POSTGRES_TOO_MANY = "53300";

  /**
   * MariaDB/MySQL ER_CON_COUNT_ERROR (the server), ER_TOO_MANY_USER_CONNECTIONS (the global
   * max_user_connections) and ER_USER_LIMIT_REACHED (the account's MAX_USER_CONNECTIONS).
   */
  private static final int MARIADB_TOO_MANY = 1040;

  private static final int MARIADB_TOO_MANY_FOR_USER = 1203;
  private static final int MARIADB_ACCOUNT_LIMIT = 1226;

  /** PgBouncer's wording when its max_client_conn is reached (it sends no SQLState of its own). */
  private static final String PGBOUNCER_CLIENT_LIMIT = "no more connections allowed";

  static final String PGBOUNCER_UNSUPPORTED_PARAMETER = "unsupported startup parameter";

  private ServerRefusal() {}

  /** Whether {@code failure} (or a cause) is a refusal for lack of connection slots. */
  static boolean isTooManyConnections(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && (POSTGRES_TOO_MANY.equals(sql.getSQLState())
              || sql.getErrorCode() == MARIADB_TOO_MANY
              || sql.getErrorCode() == MARIADB_TOO_MANY_FOR_USER
              || (sql.getErrorCode() == MARIADB_ACCOUNT_LIMIT
                  && messageContains(sql, "max_user_connections"))
              || messageContains(sql, PGBOUNCER_CLIENT_LIMIT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The start-up parameter PgBouncer refused ({@code extra_float_digits} for pgjdbc), or {@code
   * null} when {@code failure} is not that refusal.
   */
  static @Nullable String unsupportedStartupParameter(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message == null) {
        continue;
      }
      int at = message.toLowerCase(Locale.ROOT).indexOf(PGBOUNCER_UNSUPPORTED_PARAMETER);
      if (at >= 0) {
        String rest = message.substring(at + PGBOUNCER_UNSUPPORTED_PARAMETER.length());
        String name = rest.replaceFirst("^\\s*:?\\s*", "").split("[\\s,.;]", 2)[0];
        return name.isEmpty() ? "extra_float_digits" : name;
      }
    }
    return null;
  }

  private static boolean messageContains(SQLException e, String fragment) {
    String message = e.getMessage();
    return message != null && message.toLowerCase(Locale.ROOT).contains(fragment);
  }
}
