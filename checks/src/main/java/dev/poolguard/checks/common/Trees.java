package dev.poolguard.checks.common;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The few tree shapes every check reads the same way, each written once: casts around a value, the
 * receiver chain of a call, {@code this}, the expression that consumes a parenthesised value, and
 * the values a variable is assigned.
 *
 * <p>Internal: public only so that the checks' feature packages can use it. Not an API.
 */
public final class Trees {
  /** Bounds receiver-chain walks on generated or pathological code. */
  private static final int MAX_CHAIN = 16;

  private Trees() {}

  /** {@code ((DataSource) (pool))} → {@code pool}: the value under parentheses and casts. */
  public static ExpressionTree stripCasts(ExpressionTree expression) {
    ExpressionTree current = ASTHelpers.stripParentheses(expression);
    while (current instanceof TypeCastTree cast) {
      current = ASTHelpers.stripParentheses(cast.getExpression());
    }
    return current;
  }

  /**
   * The receivers of {@code call}, nearest first: for {@code a.b().c().d()} called on {@code d},
   * {@code a.b().c()}, {@code a.b()}, {@code a}. Empty when the call has no explicit receiver.
   */
  public static ImmutableList<ExpressionTree> receiverChain(ExpressionTree call) {
    ImmutableList.Builder<ExpressionTree> chain = ImmutableList.builder();
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    for (int i = 0; receiver != null && i < MAX_CHAIN; i++) {
      chain.add(receiver);
      receiver = receiver instanceof MethodInvocationTree ? ASTHelpers.getReceiver(receiver) : null;
    }
    return chain.build();
  }

  /** Whether {@code expression} is the keyword {@code this}. */
  public static boolean isThis(ExpressionTree expression) {
    return expression instanceof IdentifierTree identifier
        && identifier.getName().contentEquals("this");
  }

  /**
   * The outermost parenthesised expression around the expression at {@code path} (the expression
   * itself when it has no parentheses): its parent is what consumes the value.
   */
  public static TreePath outsideParentheses(TreePath path) {
    TreePath expression = path;
    while (expression.getParentPath() != null
        && expression.getParentPath().getLeaf() instanceof ParenthesizedTree) {
      expression = expression.getParentPath();
    }
    return expression;
  }

  /** Every value {@code variable} is initialised with or assigned inside {@code scope}. */
  public static List<ExpressionTree> assignedValues(VarSymbol variable, @Nullable Tree scope) {
    List<ExpressionTree> values = new ArrayList<>();
    if (scope == null) {
      return values;
    }
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        if (tree.getInitializer() != null && Objects.equals(ASTHelpers.getSymbol(tree), variable)) {
          values.add(tree.getInitializer());
        }
        return super.visitVariable(tree, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        if (Objects.equals(ASTHelpers.getSymbol(tree.getVariable()), variable)) {
          values.add(tree.getExpression());
        }
        return super.visitAssignment(tree, null);
      }
    }.scan(scope, null);
    return values;
  }
}
