package dev.poolguard.runtime.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The one way the runtime wraps a JDBC connection to see when it is given back (the borrow tracker,
 * the budget's slot, the retiring of a connection over the budget's share, the session hygiene):
 * each use supplies {@link Hooks}, and layers compose by wrapping one proxy in another.
 *
 * <p>What every layer gets the same: {@link Hooks#giveBack} runs once, on the first {@code close()}
 * or {@code abort()}, and is responsible for passing it on; later ones do nothing (as JDBC asks of
 * a closed connection). A proxy is equal only to itself. It unwraps to itself for the interfaces it
 * implements and otherwise to what the wrapped connection unwraps to, and {@code isWrapperFor}
 * answers the same. Every other call goes to the wrapped connection, which throws its own
 * exceptions; a layer may move the borrow to another connection ({@link Hooks#current}), and the
 * calls go there from then on.
 */
final class ConnectionProxy implements InvocationHandler {
  private final Connection target;
  private final String description;
  private final Hooks hooks;
  private final AtomicBoolean givenBack = new AtomicBoolean();

  private ConnectionProxy(Connection target, String description, Hooks hooks) {
    this.target = target;
    this.description = description;
    this.hooks = hooks;
  }

  /**
   * @param description what {@code toString()} says before the wrapped connection's own text
   */
  static Connection of(Connection target, String description, Hooks hooks) {
    return (Connection)
        Proxy.newProxyInstance(
            ConnectionProxy.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new ConnectionProxy(target, description, hooks));
  }

  /** What one use of the proxy adds to the wrapped connection. */
  interface Hooks {
    /**
     * Gives {@code target} back, once: called on the first {@code close()} or {@code abort()} of
     * the proxy; usually does its own bookkeeping and then {@link Ending#apply}.
     */
    void giveBack(Connection target, Ending ending) throws SQLException;

    /**
     * Sees every call passed on to the wrapped connection, before it is made (statements created,
     * {@code unwrap}): nothing by default.
     */
    default void calling(Method method, @Nullable Object @Nullable [] args) throws SQLException {}

    /**
     * What the caller gets from a call passed on: {@code result} by default; a layer may wrap it
     * (the statements the session hygiene reads the SQL of).
     */
    default @Nullable Object returning(
        Method method, @Nullable Object @Nullable [] args, @Nullable Object result) {
      return result;
    }

    /**
     * The connection calls go to now: {@code wrapped} by default; the session hygiene's layer
     * answers with the connection it moved the borrow to when the server ended the first.
     */
    default Connection current(Connection wrapped) {
      return wrapped;
    }
  }

  /** How the caller ended its use: {@code close()}, or {@code abort(executor)}. */
  static final class Ending {
    private final @Nullable Executor abortExecutor;

    private Ending(@Nullable Executor abortExecutor) {
      this.abortExecutor = abortExecutor;
    }

    static Ending close() {
      return new Ending(null);
    }

    static Ending abort(Executor executor) {
      return new Ending(executor);
    }

    boolean isClose() {
      return abortExecutor == null;
    }

    /** Passes the ending on to {@code target}: {@code target.close()} or {@code target.abort}. */
    void apply(Connection target) throws SQLException {
      if (abortExecutor == null) {
        target.close();
      } else {
        target.abort(abortExecutor);
      }
    }
  }

  // A proxy is equal only to itself: identity is the meaning of equals here.
  @SuppressWarnings("ReferenceEquality")
  @Override
  public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] args)
      throws Throwable {
    switch (method.getName()) {
      case "close" -> {
        giveBack(Ending.close());
        return null;
      }
      case "abort" -> {
        giveBack(Ending.abort((Executor) argument(args)));
        return null;
      }
      case "isClosed" -> {
        return givenBack.get() || hooks.current(target).isClosed();
      }
      case "equals" -> {
        return args != null && proxy == args[0];
      }
      case "hashCode" -> {
        return System.identityHashCode(proxy);
      }
      case "toString" -> {
        return description + " (" + hooks.current(target) + ")";
      }
      case "unwrap" -> {
        hooks.calling(method, args);
        Class<?> type = (Class<?>) argument(args);
        return type.isInstance(proxy) ? proxy : hooks.current(target).unwrap(type);
      }
      case "isWrapperFor" -> {
        Class<?> type = (Class<?>) argument(args);
        return type.isInstance(proxy) || hooks.current(target).isWrapperFor(type);
      }
      default -> {
        hooks.calling(method, args);
        return hooks.returning(method, args, forward(method, args));
      }
    }
  }

  private void giveBack(Ending ending) throws SQLException {
    if (givenBack.compareAndSet(false, true)) {
      hooks.giveBack(hooks.current(target), ending);
    }
  }

  /** The one argument of {@code abort}, {@code unwrap} or {@code isWrapperFor}. */
  private static Object argument(@Nullable Object @Nullable [] args) throws SQLException {
    if (args == null || args[0] == null) {
      throw new SQLException("null is not a valid argument here (JDBC requires a value)");
    }
    return args[0];
  }

  /** Calls {@code method} on the wrapped connection, throwing what it threw. */
  private @Nullable Object forward(Method method, @Nullable Object @Nullable [] args)
      throws Throwable {
    try {
      return method.invoke(hooks.current(target), args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
