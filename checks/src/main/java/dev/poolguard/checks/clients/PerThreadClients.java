package dev.poolguard.checks.clients;

import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;

/**
 * A client built once per thread: in the initial-value supplier of a {@code ThreadLocal} ({@code
 * ThreadLocal.withInitial(() -> new HikariDataSource(..))}, or an {@code initialValue()} override).
 * Every thread that reads it gets a client of its own, so tests run in parallel multiply it: not
 * the process-wide singleton, wherever it is kept.
 */
final class PerThreadClients {
  private static final String THREAD_LOCAL = "java.lang.ThreadLocal";
  private static final Supplier<Type> THREAD_LOCAL_TYPE = Suppliers.typeFromString(THREAD_LOCAL);

  private PerThreadClients() {}

  /** Whether the client built at {@code path} is built once per thread. */
  static boolean isPerThread(TreePath path, VisitorState state) {
    for (TreePath p = path; p.getParentPath() != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (p.getParentPath().getLeaf() instanceof MethodInvocationTree call
          && call.getArguments().contains(leaf)
          && isWithInitial(ASTHelpers.getSymbol(call))) {
        return true;
      }
      if (leaf instanceof MethodTree method) {
        return isInitialValueOverride(ASTHelpers.getSymbol(method), state);
      }
      if (leaf instanceof ClassTree) {
        return false;
      }
    }
    return false;
  }

  private static boolean isWithInitial(MethodSymbol method) {
    return method.getSimpleName().contentEquals("withInitial")
        && method.owner.getQualifiedName().contentEquals(THREAD_LOCAL);
  }

  /** {@code protected T initialValue()} of a {@code ThreadLocal} subclass. */
  private static boolean isInitialValueOverride(MethodSymbol method, VisitorState state) {
    return method.getSimpleName().contentEquals("initialValue")
        && method.getParameters().isEmpty()
        && ASTHelpers.isSubtype(method.owner.type, THREAD_LOCAL_TYPE.get(state), state);
  }
}
