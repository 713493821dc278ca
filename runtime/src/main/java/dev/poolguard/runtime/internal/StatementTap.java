package dev.poolguard.runtime.internal;

import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A statement handed to a test, seen through: the SQL it runs goes to its {@link Borrow}, a failure
 * because the server ended the connection is rethrown with a message that says so (the driver's own
 * stays the cause), and where the server ended the session while the test held it between
 * statements, the statement is made again on the connection the borrow moved to before it runs.
 * Everything else is the driver's.
 *
 * <p>To be made again, a statement remembers how it was created and the calls that configured it
 * since (parameters, batches, limits). A statement is used by one thread at a time, as JDBC asks.
 */
final class StatementTap implements InvocationHandler {
  private static final Set<String> EXECUTIONS =
      Set.of(
          "execute",
          "executeQuery",
          "executeUpdate",
          "executeLargeUpdate",
          "executeBatch",
          "executeLargeBatch");

  private static final Set<String> BATCH_CALLS = Set.of("addBatch", "clearBatch");

  private static final Set<String> BATCH_RUNS = Set.of("executeBatch", "executeLargeBatch");

  /**
   * Remembered calls are compacted to the last value of each parameter and setting once there are
   * this many (and again at twice as many as were left): a statement reused in a loop stays small.
   */
  private static final int COMPACTED_FROM = 64;

  /** Arguments that belong to one connection or are read once: a call with one is not repeated. */
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
  private final Method creation;
  private final @Nullable Object @Nullable [] creationArgs;
  private List<Call> configuration = new ArrayList<>();
  private int compactAt = COMPACTED_FROM;
  private Statement target;
  private int generation;
  private boolean repeatable = true;

  private StatementTap(
      Borrow borrow,
      Method creation,
      @Nullable Object @Nullable [] creationArgs,
      Statement target,
      int generation) {
    this.borrow = borrow;
    this.creation = creation;
    this.creationArgs = creationArgs;
    this.target = target;
    this.generation = generation;
  }

  /**
   * {@code statement}, just created on the borrow's connection by {@code creation} with {@code
   * args}, behind a proxy of {@code type} (Statement, PreparedStatement or CallableStatement, as
   * the connection method declared).
   */
  static Statement of(
      Class<?> type,
      Statement statement,
      Method creation,
      @Nullable Object @Nullable [] args,
      Borrow borrow) {
    return (Statement)
        Proxy.newProxyInstance(
            StatementTap.class.getClassLoader(),
            new Class<?>[] {type},
            new StatementTap(borrow, creation, args, statement, borrow.generation()));
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

  /** One configuring call, to be made again on a new statement. */
  private static final class Call {
    private final Method method;
    private final @Nullable Object @Nullable [] args;

    Call(Method method, @Nullable Object @Nullable [] args) {
      this.method = method;
      this.args = args;
    }

    String name() {
      return method.getName();
    }

    void makeOn(Statement statement) throws IllegalAccessException, InvocationTargetException {
      method.invoke(statement, args);
    }

    /** A call with two arguments or more sets a parameter: the first names it. */
    boolean setsParameter() {
      return args != null && args.length >= 2;
    }

    /** The parameter it sets (an index or a name). */
    @Nullable Object parameter() {
      return args == null ? null : args[0];
    }
  }

  /** What a later call of the same key overrides: a parameter (in or out), or a setting. */
  private record Key(String kind, @Nullable Object name) {}

  // A proxy is equal only to itself: identity is the meaning of equals here.
  @SuppressWarnings("ReferenceEquality")
  @Override
  public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] args)
      throws Throwable {
    String name = method.getName();
    switch (name) {
      case "equals" -> {
        return args != null && proxy == args[0];
      }
      case "hashCode" -> {
        return System.identityHashCode(proxy);
      }
      case "unwrap" -> {
        if (args != null && args[0] instanceof Class<?> type && type.isInstance(proxy)) {
          return proxy;
        }
      }
      case "isWrapperFor" -> {
        if (args != null && args[0] instanceof Class<?> type && type.isInstance(proxy)) {
          return true;
        }
      }
      default -> {
        if (EXECUTIONS.contains(name)) {
          beforeRunning(args);
        } else if (configures(name)) {
          remember(name, method, args);
        }
      }
    }
    try {
      return run(name, method, args);
    } catch (SQLException failure) {
      // A batch may have been sent in parts, each committed: only single executions run again.
      if (repeatable && EXECUTIONS.contains(name) && !BATCH_RUNS.contains(name)) {
        Connection moved = borrow.movedAfterFailure(generation, failure);
        if (moved != null) {
          makeAgainOn(moved);
          if (args != null && args.length > 0 && args[0] instanceof String sql) {
            borrow.sql(sql); // seen again on the new connection, as makeAgainOn does its own
          }
          try {
            return run(name, method, args);
          } catch (SQLException again) {
            throw borrow.failure(again);
          }
        }
      }
      throw borrow.failure(failure);
    }
  }

  /** The call on the driver's statement, throwing what it threw. */
  private @Nullable Object run(String name, Method method, @Nullable Object @Nullable [] args)
      throws Throwable {
    try {
      Object result = method.invoke(target, args);
      if (BATCH_RUNS.contains(name)) {
        // The driver empties the batch once it ran: a statement made again starts without it.
        configuration.removeIf(call -> call.name().equals("addBatch"));
      }
      return result;
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static boolean configures(String name) {
    return name.startsWith("set")
        || name.startsWith("register")
        || name.equals("clearParameters")
        || name.equals("closeOnCompletion")
        || BATCH_CALLS.contains(name);
  }

  private void remember(String name, Method method, @Nullable Object @Nullable [] args)
      throws SQLException {
    if (args != null) {
      if (name.equals("addBatch") && args.length > 0 && args[0] instanceof String sql) {
        borrow.sql(sql);
      }
      for (Object arg : args) {
        if (!isRepeatable(arg)) {
          repeatable = false;
        }
      }
    }
    if (!repeatable) {
      configuration.clear();
      return;
    }
    if (name.equals("clearBatch")) {
      // What the batch held is gone; nothing to make again.
      configuration.removeIf(call -> call.name().equals("addBatch"));
      return;
    }
    configuration.add(new Call(method, args));
    if (configuration.size() >= compactAt) {
      configuration = compacted(configuration);
      compactAt = Math.max(COMPACTED_FROM, 2 * configuration.size());
    }
  }

  private static boolean isRepeatable(@Nullable Object arg) {
    // Parameters are nearly always these: decided without walking the list.
    if (arg == null || arg instanceof String || arg instanceof Number || arg instanceof Boolean) {
      return true;
    }
    for (Class<?> type : NOT_REPEATABLE) {
      if (type.isInstance(arg)) {
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
  private static List<Call> compacted(List<Call> calls) {
    int lastBatch = -1;
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i).name().equals("addBatch")) {
        lastBatch = i;
      }
    }
    List<Call> kept = new ArrayList<>();
    Set<Key> seen = new HashSet<>();
    boolean parametersCleared = false;
    for (int i = calls.size() - 1; i > lastBatch; i--) {
      Call call = calls.get(i);
      String name = call.name();
      if (name.equals("clearParameters")) {
        if (!parametersCleared) {
          kept.add(call);
        }
        parametersCleared = true;
      } else if (call.setsParameter()) {
        Key key = new Key(name.startsWith("register") ? "out" : "in", call.parameter());
        if (!parametersCleared && seen.add(key)) {
          kept.add(call);
        }
      } else if (seen.add(new Key(name, null))) {
        kept.add(call);
      }
    }
    Collections.reverse(kept);
    List<Call> result = new ArrayList<>(calls.subList(0, lastBatch + 1));
    result.addAll(kept);
    return result;
  }

  private void beforeRunning(@Nullable Object @Nullable [] args) throws Throwable {
    if (repeatable) {
      Connection moved = borrow.movedFrom(generation);
      if (moved != null) {
        makeAgainOn(moved);
      }
    }
    if (args != null && args.length > 0 && args[0] instanceof String sql) {
      borrow.sql(sql);
    }
  }

  /** Creates the statement again on {@code connection} and repeats its configuring calls. */
  private void makeAgainOn(Connection connection) throws Throwable {
    try {
      Statement again = (Statement) creation.invoke(connection, creationArgs);
      for (Call call : configuration) {
        call.makeOn(again);
      }
      target = again;
      generation = borrow.generation();
      if (creationArgs != null
          && creationArgs.length > 0
          && creationArgs[0] instanceof String sql) {
        // Seen again on the new connection: what it reads may not be there (a sequence's currval).
        borrow.sql(sql);
      }
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
