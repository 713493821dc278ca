package dev.poolguard.checks.teardown;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Type;
import dev.poolguard.checks.clients.ClientCatalog;
import dev.poolguard.checks.common.Supertypes;
import dev.poolguard.checks.common.Trees;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What ends a pool's life, and which values are pools (as opposed to connections or statements).
 */
final class PoolTeardown {
  /**
   * Instance methods that close a pool, stop it handing out connections, or throw away connections
   * in use. Not what leaves the pool serving every other test class: HikariCP's {@code
   * softEvictConnections()} and Tomcat's {@code purge()} retire idle connections (and busy ones
   * when they come back), which the pool replaces as needed; {@code evictConnection(c)} retires the
   * one connection the test holds.
   */
  static final ImmutableSet<String> ENDING_METHODS =
      ImmutableSet.of(
          "close",
          "shutdown",
          "shutdownNow",
          "terminate",
          "destroy",
          "hardReset",
          "evictConnections",
          "suspendPool");

  /**
   * Static helpers that end the pool passed to them: c3p0's DataSources.destroy, closeQuietly(..).
   */
  static final ImmutableSet<String> ENDING_STATIC_METHODS =
      ImmutableSet.of("destroy", "close", "closeQuietly", "closeQuiet", "closeSilently");

  /** Types whose values are pools, whatever else they are (a Connection is never one of them). */
  private static final ImmutableSet<String> POOL_TYPES =
      ImmutableSet.of(
          "javax.sql.DataSource",
          "javax.sql.ConnectionPoolDataSource",
          "com.zaxxer.hikari.HikariPoolMXBean",
          "com.zaxxer.hikari.pool.HikariPool",
          "org.apache.commons.pool2.ObjectPool",
          "com.mchange.v2.c3p0.PooledDataSource");

  // Whether a class is a pool type, decided once per class per compilation: the resources of every
  // try-with-resources (connections, statements, result sets) are asked about.
  private static final Supplier<Map<TypeSymbol, Boolean>> POOL_CLASSES =
      VisitorState.memoize(unused -> new HashMap<>());

  private PoolTeardown() {}

  /**
   * {@code unwrap(..)} and {@code getHikariPoolMXBean()}: the same pool seen through another type.
   */
  static boolean isPoolView(MethodSymbol method) {
    String name = method.getSimpleName().toString();
    return (name.equals("unwrap") && method.getParameters().size() == 1)
        || (name.equals("getHikariPoolMXBean") && method.getParameters().isEmpty());
  }

  /**
   * Whether {@code value} is a pool: its type, or the type of what it was cast or unwrapped from,
   * is a data source or pool type. {@code ((AutoCloseable) dataSource)} is a pool; a Connection is
   * not.
   */
  static boolean isPool(ExpressionTree value, VisitorState state) {
    ExpressionTree current = value;
    while (true) {
      if (hasPoolType(ASTHelpers.getType(current), state)) {
        return true;
      }
      ExpressionTree inner = Trees.stripCasts(current);
      if (inner != current) {
        current = inner;
      } else if (current instanceof MethodInvocationTree call
          && isPoolView(ASTHelpers.getSymbol(call))) {
        ExpressionTree receiver = ASTHelpers.getReceiver(call);
        if (receiver == null) {
          return false;
        }
        current = receiver;
      } else {
        return false;
      }
    }
  }

  private static boolean hasPoolType(@Nullable Type type, VisitorState state) {
    if (type == null || type.tsym == null) {
      return false;
    }
    Map<TypeSymbol, Boolean> known = POOL_CLASSES.get(state);
    Boolean pool = known.get(type.tsym);
    if (pool == null) {
      pool = isPoolClass(type, state);
      known.put(type.tsym, pool);
    }
    return pool;
  }

  private static boolean isPoolClass(Type type, VisitorState state) {
    for (String name : Supertypes.names(type, state)) {
      if (POOL_TYPES.contains(name) || ClientCatalog.isClientType(name)) {
        return true;
      }
    }
    return false;
  }
}
