package dev.poolguard.runtime.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import org.jspecify.annotations.Nullable;

/**
 * How the runtime wraps a JDBC connection to see its calls (the borrow tracker, the budget's slot,
 * the retiring of a connection given back): a dynamic proxy whose handler looks at each call first
 * and passes it on with {@link #forward}, so callers get the driver's own exceptions.
 */
final class ConnectionProxy {
  private ConnectionProxy() {}

  static Connection of(InvocationHandler handler) {
    return (Connection)
        Proxy.newProxyInstance(
            ConnectionProxy.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  /** Calls {@code method} on {@code target}, throwing what {@code target} threw. */
  static @Nullable Object forward(Connection target, Method method, @Nullable Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
