package dev.poolguard.checks.leaks;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;

/**
 * Borrows a test expects to fail, typically on an exhausted pool: inside {@code assertThrows(.., ()
 * -> ds.getConnection())}, or in {@code try { ds.getConnection(); fail(); } catch (..) {}}. If such
 * a borrow succeeds the test fails anyway; flagging it would only be noise.
 */
final class ExpectedFailure {
  private static final ImmutableSet<String> EXPECTS_A_THROW =
      ImmutableSet.of(
          "assertThrows",
          "assertThrowsExactly",
          "expectThrows",
          "assertThatThrownBy",
          "catchThrowable",
          "catchThrowableOfType",
          "catchException",
          "isThrownBy");

  private static final ImmutableSet<String> FAILS =
      ImmutableSet.of("fail", "failBecauseExceptionWasNotThrown", "shouldHaveThrown");

  private ExpectedFailure() {}

  static boolean isExpected(TreePath borrow) {
    Tree child = borrow.getLeaf();
    for (TreePath p = borrow.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof LambdaExpressionTree) {
        return p.getParentPath().getLeaf() instanceof MethodInvocationTree call
            && call.getArguments().contains(leaf)
            && EXPECTS_A_THROW.contains(ASTHelpers.getSymbol(call).getSimpleName().toString());
      }
      if (leaf instanceof TryTree tryTree
          && tryTree.getBlock() == child
          && !tryTree.getCatches().isEmpty()
          && failsAfter(tryTree.getBlock(), ASTHelpers.getStartPosition(borrow.getLeaf()))) {
        return true;
      }
      if (leaf instanceof MethodTree || leaf instanceof ClassTree) {
        return false;
      }
      child = leaf;
    }
    return false;
  }

  /** Whether {@code block} calls {@code fail(..)} as a statement after {@code position}. */
  private static boolean failsAfter(BlockTree block, int position) {
    for (StatementTree statement : block.getStatements()) {
      if (ASTHelpers.getStartPosition(statement) > position
          && statement instanceof ExpressionStatementTree expression
          && expression.getExpression() instanceof MethodInvocationTree call
          && FAILS.contains(ASTHelpers.getSymbol(call).getSimpleName().toString())) {
        return true;
      }
    }
    return false;
  }
}
