package dev.poolguard.runtime.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A statement handed to a test, seen through: the SQL it runs goes to a listener (the session
 * hygiene's {@link Footprint}), and a failure because the server ended the connection is rethrown
 * with a message that says so (the driver's own stays the cause). Everything else is the driver's.
 */
final class StatementTap implements InvocationHandler {
  private final Statement target;
  private final SqlListener sqlRun;
  private final Function<SQLException, SQLException> failures;

  private StatementTap(
      Statement target, SqlListener sqlRun, Function<SQLException, SQLException> failures) {
    this.target = target;
    this.sqlRun = sqlRun;
    this.failures = failures;
  }

  /**
   * {@code statement} behind a proxy of {@code type} (Statement, PreparedStatement or
   * CallableStatement, as the connection method declared).
   */
  static Statement of(
      Class<?> type,
      Statement statement,
      SqlListener sqlRun,
      Function<SQLException, SQLException> failures) {
    return (Statement)
        Proxy.newProxyInstance(
            StatementTap.class.getClassLoader(),
            new Class<?>[] {type},
            new StatementTap(statement, sqlRun, failures));
  }

  /** Sees each SQL text before it runs; may run SQL of its own first. */
  @FunctionalInterface
  interface SqlListener {
    void run(String sql) throws SQLException;
  }

  // A proxy is equal only to itself: identity is the meaning of equals here.
  @SuppressWarnings("ReferenceEquality")
  @Override
  public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] args)
      throws Throwable {
    switch (method.getName()) {
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
      case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch" -> {
        if (args != null && args.length > 0 && args[0] instanceof String sql) {
          sqlRun.run(sql);
        }
      }
      default -> {
        // Passed on as it is.
      }
    }
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof SQLException failure ? failures.apply(failure) : e.getCause();
    }
  }
}
