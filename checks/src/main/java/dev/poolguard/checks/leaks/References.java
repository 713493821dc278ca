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
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Where a statement refers to local variables: what the try-with-resources fix must know. */
final class References {
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

  private References() {}

  /** How often {@code tree} names {@code symbol}. */
  static int count(Tree tree, Symbol symbol) {
    int[] count = new int[1];
    new TreeScanner<@Nullable Void, @Nullable Void>() {
      @Override
      public @Nullable Void visitIdentifier(IdentifierTree identifier, @Nullable Void unused) {
        if (ASTHelpers.getSymbol(identifier) == symbol) {
          count[0]++;
        }
        return null;
      }
    }.scan(tree, null);
    return count[0];
  }

  /**
   * Why {@code statement} cannot move into a try block over {@code variable}: it assigns the
   * variable, uses it in a lambda or class body that may run later, or returns a value declared
   * inside. Null if it can.
   */
  static @Nullable String blocker(Tree statement, VarSymbol variable, Set<Symbol> declaredInside) {
    String[] reason = new String[1];
    new TreeScanner<@Nullable Void, @Nullable Void>() {
      private int deferred;

      @Override
      public @Nullable Void scan(@Nullable Tree tree, @Nullable Void unused) {
        if (reason[0] == null && tree != null) {
          if (assigns(tree, variable)) {
            reason[0] =
                String.format(
                    "'%s' is assigned again, which a try-with-resources variable cannot be",
                    variable.getSimpleName());
          }
          super.scan(tree, null);
        }
        return null;
      }

      @Override
      public @Nullable Void visitMethodInvocation(
          MethodInvocationTree tree, @Nullable Void unused) {
        scan(tree.getMethodSelect(), null);
        boolean runsNow =
            RUNS_ITS_LAMBDA_NOW.contains(ASTHelpers.getSymbol(tree).getSimpleName().toString());
        for (Tree argument : tree.getArguments()) {
          if (runsNow && argument instanceof LambdaExpressionTree lambda) {
            scan(lambda.getBody(), null);
          } else {
            scan(argument, null);
          }
        }
        return null;
      }

      @Override
      public @Nullable Void visitLambdaExpression(
          LambdaExpressionTree tree, @Nullable Void unused) {
        deferred++;
        super.visitLambdaExpression(tree, null);
        deferred--;
        return null;
      }

      @Override
      public @Nullable Void visitClass(ClassTree tree, @Nullable Void unused) {
        deferred++;
        super.visitClass(tree, null);
        deferred--;
        return null;
      }

      @Override
      public @Nullable Void visitIdentifier(IdentifierTree tree, @Nullable Void unused) {
        if (deferred > 0 && ASTHelpers.getSymbol(tree) == variable) {
          reason[0] =
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
            if (count(tree.getExpression(), inside) > 0) {
              reason[0] =
                  String.format(
                      "a return inside the block hands out '%s', declared inside it",
                      inside.getSimpleName());
            }
          }
        }
        return super.visitReturn(tree, null);
      }
    }.scan(statement, null);
    return reason[0];
  }

  private static boolean assigns(Tree tree, VarSymbol variable) {
    if (tree instanceof AssignmentTree assignment) {
      return ASTHelpers.getSymbol(assignment.getVariable()) == variable;
    }
    if (tree instanceof CompoundAssignmentTree assignment) {
      return ASTHelpers.getSymbol(assignment.getVariable()) == variable;
    }
    if (tree instanceof UnaryTree unary) {
      return ASTHelpers.getSymbol(unary.getExpression()) == variable;
    }
    return false;
  }
}
