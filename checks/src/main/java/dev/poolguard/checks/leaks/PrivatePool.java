package dev.poolguard.checks.leaks;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;

/**
 * A borrow from a pool the same code opened as a try-with-resources resource: {@code try
 * (HikariDataSource ds = new HikariDataSource(config)) { ds.getConnection(); }}. Closing the pool
 * at the end of the {@code try} closes every connection it handed out, so such a borrow loses
 * nothing, on the shared pool or elsewhere (seen in HikariCP's own tests of its pool, which hold
 * connections on purpose).
 */
final class PrivatePool {
  private PrivatePool() {}

  /** Whether {@code borrow}'s receiver is a resource of a try-with-resources around it. */
  static boolean isBorrowedFrom(MethodInvocationTree borrow, TreePath path) {
    ExpressionTree receiver = ASTHelpers.getReceiver(borrow);
    Symbol pool = receiver == null ? null : ASTHelpers.getSymbol(receiver);
    if (pool == null || pool.getKind().isField()) {
      return false;
    }
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof TryTree tryTree && isResourceOf(tryTree, pool)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isResourceOf(TryTree tryTree, Symbol pool) {
    for (Tree resource : tryTree.getResources()) {
      if (pool.equals(ASTHelpers.getSymbol(resource))) {
        return true;
      }
    }
    return false;
  }
}
