package dev.poolguard.checks.clients;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.Objects;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * The lock-free form of lazy initialisation: {@code POOL.updateAndGet(p -> p != null ? p : new
 * HikariDataSource(..))} on a {@code static AtomicReference}. The function builds the client only
 * while the reference is empty, so the field holds one client for the process, as behind a null
 * guard.
 */
final class LazyAtomicReference {
  private static final String ATOMIC_REFERENCE = "java.util.concurrent.atomic.AtomicReference";
  private static final ImmutableSet<String> UPDATES =
      ImmutableSet.of("updateAndGet", "getAndUpdate");

  private LazyAtomicReference() {}

  /**
   * Whether {@code argument} of {@code call} is such an update function and the client built at
   * {@code creation} (inside it) is built only where the function's parameter is {@code null}.
   */
  static boolean fillsOnce(MethodInvocationTree call, Tree argument, TreePath creation) {
    if (!(argument instanceof LambdaExpressionTree lambda)
        || lambda.getParameters().size() != 1
        || !isUpdateOfStaticReference(call)) {
      return false;
    }
    Symbol current = ASTHelpers.getSymbol(lambda.getParameters().get(0));
    Tree child = creation.getLeaf();
    for (TreePath p = creation.getParentPath(); p != null; p = p.getParentPath()) {
      Tree parent = p.getLeaf();
      if (parent == lambda) {
        return false;
      }
      if (parent instanceof ConditionalExpressionTree conditional) {
        Boolean whenNull = testsForNull(conditional.getCondition(), current);
        if (whenNull != null) {
          return child
              == (whenNull ? conditional.getTrueExpression() : conditional.getFalseExpression());
        }
      }
      if (parent instanceof IfTree ifTree
          && Boolean.TRUE.equals(testsForNull(ifTree.getCondition(), current))) {
        return child == ifTree.getThenStatement();
      }
      child = parent;
    }
    return false;
  }

  private static boolean isUpdateOfStaticReference(MethodInvocationTree call) {
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (!UPDATES.contains(method.getSimpleName().toString())
        || !method.owner.getQualifiedName().contentEquals(ATOMIC_REFERENCE)) {
      return false;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    Symbol reference = receiver == null ? null : ASTHelpers.getSymbol(receiver);
    return reference != null
        && reference.getKind() == ElementKind.FIELD
        && ASTHelpers.isStatic(reference);
  }

  /**
   * {@code TRUE} if {@code condition} is {@code variable == null}, {@code FALSE} if it is {@code
   * variable != null}, else {@code null}.
   */
  private static @Nullable Boolean testsForNull(ExpressionTree condition, Symbol variable) {
    if (!(ASTHelpers.stripParentheses(condition) instanceof BinaryTree binary)) {
      return null;
    }
    ExpressionTree left = ASTHelpers.stripParentheses(binary.getLeftOperand());
    ExpressionTree right = ASTHelpers.stripParentheses(binary.getRightOperand());
    boolean comparesVariableWithNull =
        (isNull(left) && Objects.equals(ASTHelpers.getSymbol(right), variable))
            || (isNull(right) && Objects.equals(ASTHelpers.getSymbol(left), variable));
    if (!comparesVariableWithNull) {
      return null;
    }
    return switch (binary.getKind()) {
      case EQUAL_TO -> Boolean.TRUE;
      case NOT_EQUAL_TO -> Boolean.FALSE;
      default -> null;
    };
  }

  private static boolean isNull(ExpressionTree tree) {
    return tree.getKind() == Tree.Kind.NULL_LITERAL;
  }
}
