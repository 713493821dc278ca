package dev.poolguard.checks.teardown;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.poolguard.checks.clients.ClientCatalog;

/**
 * What ends a pool's life, and which values are pools (as opposed to connections or statements).
 */
final class PoolTeardown {
  /** Instance methods that close a pool or throw away its connections. */
  static final ImmutableSet<String> ENDING_METHODS =
      ImmutableSet.of(
          "close",
          "shutdown",
          "shutdownNow",
          "terminate",
          "destroy",
          "hardReset",
          "evictConnection",
          "evictConnections",
          "softEvictConnections",
          "suspendPool",
          "purge");

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
    while (current != null) {
      if (hasPoolType(ASTHelpers.getType(current), state)) {
        return true;
      }
      if (current instanceof ParenthesizedTree) {
        current = ((ParenthesizedTree) current).getExpression();
      } else if (current instanceof TypeCastTree) {
        current = ((TypeCastTree) current).getExpression();
      } else if (current instanceof MethodInvocationTree
          && isPoolViewCall((MethodInvocationTree) current)) {
        current = ASTHelpers.getReceiver(current);
      } else {
        return false;
      }
    }
    return false;
  }

  private static boolean isPoolViewCall(MethodInvocationTree call) {
    Symbol symbol = ASTHelpers.getSymbol((Tree) call);
    return symbol instanceof MethodSymbol && isPoolView((MethodSymbol) symbol);
  }

  private static boolean hasPoolType(Type type, VisitorState state) {
    if (type == null || type.tsym == null) {
      return false;
    }
    for (Type supertype : state.getTypes().closure(type)) {
      String name = supertype.tsym.getQualifiedName().toString();
      if (POOL_TYPES.contains(name) || ClientCatalog.isClientType(name)) {
        return true;
      }
    }
    return false;
  }
}
