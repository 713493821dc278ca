package dev.poolguard.runtime.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;

/**
 * How a statement handed to a borrower was made: which kind, the SQL it was prepared with (none for
 * a plain statement), and the connection call that makes it again elsewhere, with the same
 * arguments (the session hygiene's move to a live connection).
 */
record StatementSource(Kind kind, @Nullable String sql, Creation creation) {
  /** What the connection method that made it returns. */
  enum Kind {
    PLAIN,
    PREPARED,
    CALLABLE
  }

  /** The connection call that made the statement. */
  @FunctionalInterface
  interface Creation {
    Statement makeOn(Connection connection) throws SQLException;
  }

  static StatementSource plain(Creation creation) {
    return new StatementSource(Kind.PLAIN, null, creation);
  }

  static StatementSource prepared(String sql, Creation creation) {
    return new StatementSource(Kind.PREPARED, sql, creation);
  }

  static StatementSource callable(String sql, Creation creation) {
    return new StatementSource(Kind.CALLABLE, sql, creation);
  }

  Statement makeOn(Connection connection) throws SQLException {
    return creation.makeOn(connection);
  }
}
