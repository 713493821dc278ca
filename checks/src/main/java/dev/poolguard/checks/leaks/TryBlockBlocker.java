package dev.poolguard.checks.leaks;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds why one statement cannot move into a try block over {@code variable}: it assigns the
 * variable, uses it in a lambda or class body that may run after the block ends, or returns a value
 * declared inside the block. One instance scans one statement.
 */
final class TryBlockBlocker extends TreeScanner<@Nullable Void, @Nullable Void> {
  /** Methods that run the lambda they are given before they return. */
  private static final ImmutableSet<String> RUNS_ITS_LAMBDA_NOW =
      ImmutableSet.of(
          "assertThrows",
          "assertThrowsExactly",
          "assertDoesNotThrow",
          "assertTimeout",
          "assertAll",
          "expectThrows",
          "assertThatThrownBy",
          "assertThatCode",
          "catchThrowable",
          "catchThrowableOfType",
          "isThrownBy",
          "forEach");

  private final VarSymbol variable;
  private final Set<Symbol> declaredInside;
  // How many lambdas and class bodies (which may run after the block ends) enclose the tree.
  private int deferred;
  private @Nullable String reason;

  TryBlockBlocker(VarSymbol variable, Set<Symbol> declaredInside) {
    this.variable = variable;
    this.declaredInside = declaredInside;
  }

  /** Why {@code statement} cannot move into the try block, or null if it can. */
  @Nullable String find(Tree statement) {
    scan(statement, null);
    return reason;
  }

  @Override
  public @Nullable Void scan(@Nullable Tree tree, @Nullable Void unused) {
    if (reason == null && tree != null) {
      if (assigns(tree)) {
        reason =
            String.format(
                "'%s' is assigned again, which a try-with-resources variable cannot be",
                variable.getSimpleName());
      }
      boolean defers = tree instanceof LambdaExpressionTree || tree instanceof ClassTree;
      if (defers) {
        deferred++;
      }
      super.scan(tree, null);
      if (defers) {
        deferred--;
      }
    }
    return null;
  }

  @Override
  public @Nullable Void visitMethodInvocation(MethodInvocationTree tree, @Nullable Void unused) {
    scan(tree.getMethodSelect(), null);
    boolean runsNow =
        RUNS_ITS_LAMBDA_NOW.contains(ASTHelpers.getSymbol(tree).getSimpleName().toString());
    for (Tree argument : tree.getArguments()) {
      if (runsNow && argument instanceof LambdaExpressionTree lambda) {
        scan(lambda.getBody(), null); // runs before the call returns: not deferred
      } else {
        scan(argument, null);
      }
    }
    return null;
  }

  @Override
  public @Nullable Void visitIdentifier(IdentifierTree tree, @Nullable Void unused) {
    if (deferred > 0 && Objects.equals(ASTHelpers.getSymbol(tree), variable)) {
      reason =
          String.format(
              "'%s' is used in a lambda or class body that may run after the block ends",
              variable.getSimpleName());
    }
    return null;
  }

  @Override
  public @Nullable Void visitReturn(ReturnTree tree, @Nullable Void unused) {
    if (tree.getExpression() != null && deferred == 0) {
      for (Symbol inside : declaredInside) {
        if (References.count(tree.getExpression(), inside) > 0) {
          reason =
              String.format(
                  "a return inside the block hands out '%s', declared inside it",
                  inside.getSimpleName());
        }
      }
    }
    return super.visitReturn(tree, null);
  }

  private boolean assigns(Tree tree) {
    if (tree instanceof AssignmentTree assignment) {
      return Objects.equals(ASTHelpers.getSymbol(assignment.getVariable()), variable);
    }
    if (tree instanceof CompoundAssignmentTree assignment) {
      return Objects.equals(ASTHelpers.getSymbol(assignment.getVariable()), variable);
    }
    if (tree instanceof UnaryTree unary) {
      return Objects.equals(ASTHelpers.getSymbol(unary.getExpression()), variable);
    }
    return false;
  }
}
