package dev.poolguard.runtime.internal;

import java.io.InputStream;
import java.io.Reader;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a statement handed to a borrower does besides the driver's work ({@link TappedStatement} and
 * its subclasses delegate to it): the SQL it runs goes to its {@link Borrow}, a failure because the
 * server ended the connection is rethrown with a message that says so (the driver's own stays the
 * cause), and where the server ended the session while the test held it between statements, the
 * statement is made again on the connection the borrow moved to before it runs.
 *
 * <p>To be made again, a statement remembers how it was made ({@link StatementSource}) and the
 * calls that configured it since (parameters, batches, limits). A statement is used by one thread
 * at a time, as JDBC asks.
 */
final class StatementTap {
  /**
   * Remembered calls are compacted to the last value of each parameter and setting once there are
   * this many (and again at twice as many as were left): a statement reused in a loop stays small.
   */
  private static final int COMPACTED_FROM = 64;

  /** Values that belong to one connection or are read once: a call with one is not repeated. */
  private static final List<Class<?>> NOT_REPEATABLE =
      List.of(
          InputStream.class,
          Reader.class,
          Blob.class,
          Clob.class,
          SQLXML.class,
          Array.class,
          Ref.class,
          RowId.class,
          Struct.class);

  private final Borrow borrow;
  private final StatementSource source;
  private List<Remembered> configuration = new ArrayList<>();
  private int compactAt = COMPACTED_FROM;
  private Statement target;
  private int generation;
  private boolean repeatable = true;

  private StatementTap(Borrow borrow, StatementSource source, Statement target) {
    this.borrow = borrow;
    this.source = source;
    this.target = target;
    this.generation = borrow.generation();
  }

  /**
   * {@code statement}, just made on the borrow's connection as {@code source} says, seen through.
   */
  static Statement of(Statement statement, StatementSource source, Borrow borrow) {
    StatementTap tap = new StatementTap(borrow, source, statement);
    return switch (source.kind()) {
      case PLAIN -> new TappedStatement(tap);
      case PREPARED -> new TappedPreparedStatement(tap);
      case CALLABLE -> new TappedCallableStatement(tap);
    };
  }

  /** What the borrow a statement belongs to does with it. */
  interface Borrow {
    /** Sees each SQL text before it runs; may run SQL of its own first. */
    void sql(String sql) throws SQLException;

    /** {@code failure}, with a message naming the cause where the server ended the session. */
    SQLException failure(SQLException failure);

    /** Counts the connections the borrow has moved to: 0 until it moves. */
    int generation();

    /**
     * Called before a statement of generation {@code created} runs: {@code null} when it can run
     * where it was made; otherwise the connection to make it again on, because the borrow moved
     * (now, or earlier) after the server ended the session it held between statements.
     */
    @Nullable Connection movedFrom(int created) throws SQLException;

    /**
     * Called when a statement of generation {@code created} failed with {@code failure}: the
     * connection to make it again on and run it once more, where the server ended the session
     * before the statement reached it; otherwise {@code null}.
     */
    @Nullable Connection movedAfterFailure(int created, SQLException failure) throws SQLException;
  }

  /** A configuring call, made now and again on a statement made again. */
  @FunctionalInterface
  interface Call {
    void makeOn(Statement statement) throws SQLException;
  }

  /** A statement execution. */
  @FunctionalInterface
  interface Execution<T> {
    T runOn(Statement statement) throws SQLException;
  }

  /** What a later call with the same kind and key overrides. */
  private enum Kind {
    IN_PARAMETER,
    OUT_PARAMETER,
    SETTING,
    CLEAR_PARAMETERS,
    BATCH
  }

  /**
   * One configuring call, remembered: its kind, what it sets (a parameter or setting), the call.
   */
  private record Remembered(Kind kind, @Nullable Object key, Call call) {}

  /** The driver's statement calls go to now. */
  Statement target() {
    return target;
  }

  /**
   * Runs {@code execution}: on the connection the borrow moved to, if it did, with {@code sql} (the
   * text passed to a plain statement's execute) seen first; once more on a new connection where the
   * server ended the session before it read the statement; otherwise failing with a message that
   * names the cause.
   *
   * @param batch whether it runs the batch, which the driver empties once run
   */
  <T> T execute(@Nullable String sql, boolean batch, Execution<T> execution) throws SQLException {
    if (repeatable) {
      Connection moved = borrow.movedFrom(generation);
      if (moved != null) {
        makeAgainOn(moved);
      }
    }
    if (sql != null) {
      borrow.sql(sql);
    }
    T result;
    try {
      result = execution.runOn(target);
    } catch (SQLException failure) {
      // A batch may have been sent in parts, each committed: only single executions run again.
      Connection moved =
          repeatable && !batch ? borrow.movedAfterFailure(generation, failure) : null;
      if (moved == null) {
        throw borrow.failure(failure);
      }
      makeAgainOn(moved);
      if (sql != null) {
        borrow.sql(sql); // seen again on the new connection, as makeAgainOn does its own
      }
      try {
        return execution.runOn(target);
      } catch (SQLException again) {
        throw borrow.failure(again);
      }
    }
    if (batch) {
      // The driver empties the batch once it ran: a statement made again starts without it.
      configuration.removeIf(call -> call.kind() == Kind.BATCH);
    }
    return result;
  }

  /** Sets an in parameter (by index or name) to a value that can be set again. */
  void parameter(Object parameter, Call call) throws SQLException {
    configure(Kind.IN_PARAMETER, parameter, call);
  }

  /** Sets an in parameter to {@code value}, which may be one that cannot be set again (a LOB). */
  void object(Object parameter, @Nullable Object value, Call call) throws SQLException {
    if (isRepeatable(value)) {
      parameter(parameter, call);
    } else {
      unrepeatable(call);
    }
  }

  /** Registers an out parameter (by index or name). */
  void outParameter(Object parameter, Call call) throws SQLException {
    configure(Kind.OUT_PARAMETER, parameter, call);
  }

  /** Changes one of the statement's settings ({@code setFetchSize}, ...). */
  void setting(String name, Call call) throws SQLException {
    configure(Kind.SETTING, name, call);
  }

  /**
   * Makes a call that cannot be made again (a stream is read once, a LOB belongs to its
   * connection): from now on the statement runs where it was made, or fails there.
   */
  void unrepeatable(Call call) throws SQLException {
    repeatable = false;
    configuration.clear();
    call.makeOn(target);
  }

  void clearParameters() throws SQLException {
    configure(
        Kind.CLEAR_PARAMETERS,
        null,
        statement -> ((PreparedStatement) statement).clearParameters());
  }

  /** Adds to the batch: {@code sql} for a plain statement (seen now), the parameters otherwise. */
  void addBatch(@Nullable String sql, Call call) throws SQLException {
    if (sql != null) {
      borrow.sql(sql);
    }
    configure(Kind.BATCH, null, call);
  }

  void clearBatch() throws SQLException {
    // What the batch held is gone; nothing to make again.
    configuration.removeIf(call -> call.kind() == Kind.BATCH);
    target.clearBatch();
  }

  private void configure(Kind kind, @Nullable Object key, Call call) throws SQLException {
    if (repeatable) {
      configuration.add(new Remembered(kind, key, call));
      if (configuration.size() >= compactAt) {
        configuration = compacted(configuration);
        compactAt = Math.max(COMPACTED_FROM, 2 * configuration.size());
      }
    }
    call.makeOn(target);
  }

  private static boolean isRepeatable(@Nullable Object value) {
    // Parameters are nearly always these: decided without walking the list.
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return true;
    }
    for (Class<?> type : NOT_REPEATABLE) {
      if (type.isInstance(value)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The calls that still matter, in order. Up to the last addBatch all are kept (each batch entry
   * holds the parameters set before it); after it, the last of each parameter and setting, and the
   * last clearParameters with nothing it undid.
   */
  private static List<Remembered> compacted(List<Remembered> calls) {
    int lastBatch = -1;
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i).kind() == Kind.BATCH) {
        lastBatch = i;
      }
    }
    List<Remembered> kept = new ArrayList<>();
    Set<List<@Nullable Object>> seen = new HashSet<>();
    boolean parametersCleared = false;
    for (int i = calls.size() - 1; i > lastBatch; i--) {
      Remembered call = calls.get(i);
      switch (call.kind()) {
        case CLEAR_PARAMETERS -> {
          if (!parametersCleared) {
            kept.add(call);
          }
          parametersCleared = true;
        }
        case IN_PARAMETER, OUT_PARAMETER -> {
          if (!parametersCleared && seen.add(Arrays.asList(call.kind(), call.key()))) {
            kept.add(call);
          }
        }
        case SETTING, BATCH -> {
          if (seen.add(Arrays.asList(call.kind(), call.key()))) {
            kept.add(call);
          }
        }
      }
    }
    Collections.reverse(kept);
    List<Remembered> result = new ArrayList<>(calls.subList(0, lastBatch + 1));
    result.addAll(kept);
    return result;
  }

  /** Makes the statement again on {@code connection} and repeats its configuring calls. */
  private void makeAgainOn(Connection connection) throws SQLException {
    Statement again = source.makeOn(connection);
    for (Remembered call : configuration) {
      call.call().makeOn(again);
    }
    target = again;
    generation = borrow.generation();
    String sql = source.sql();
    if (sql != null) {
      // Seen again on the new connection: what it reads may not be there (a sequence's currval).
      borrow.sql(sql);
    }
  }
}
