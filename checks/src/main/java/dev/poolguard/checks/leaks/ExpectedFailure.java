package dev.poolguard.checks.leaks;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import org.jspecify.annotations.Nullable;

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
          && (failsAfter(tryTree.getBlock(), ASTHelpers.getStartPosition(borrow.getLeaf()))
              || (isBareStatement(borrow) && assertsOnTheException(tryTree)))) {
        return true;
      }
      if (leaf instanceof MethodTree || leaf instanceof ClassTree) {
        return false;
      }
      child = leaf;
    }
    return false;
  }

  /** Whether the borrow is a statement of its own: its only purpose can be to see it throw. */
  private static boolean isBareStatement(TreePath borrow) {
    return borrow.getParentPath().getLeaf() instanceof ExpressionStatementTree;
  }

  /** Whether a catch of {@code tryTree} asserts on what it caught ({@code assertTrue(e...)}). */
  private static boolean assertsOnTheException(TryTree tryTree) {
    for (CatchTree catchTree : tryTree.getCatches()) {
      Symbol caught = ASTHelpers.getSymbol(catchTree.getParameter());
      boolean[] asserts = new boolean[1];
      new TreeScanner<@Nullable Void, @Nullable Void>() {
        @Override
        public @Nullable Void visitMethodInvocation(
            MethodInvocationTree call, @Nullable Void unused) {
          if (ASTHelpers.getSymbol(call).getSimpleName().toString().startsWith("assert")
              && References.count(call, caught) > 0) {
            asserts[0] = true;
          }
          return super.visitMethodInvocation(call, null);
        }
      }.scan(catchTree.getBlock(), null);
      if (asserts[0]) {
        return true;
      }
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
