package dev.poolguard.checks.common;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import java.util.Optional;

/**
 * Deletes the statement an expression stands in, together with the guard that exists only for it:
 * {@code if (pool != null) pool.close();} goes as a whole, and so does {@code try { pool.close(); }
 * catch (SQLException e) { … }}, whose catch would no longer compile once its try block is empty.
 * The enclosing method stays, even when it is left empty.
 *
 * <p>Internal: public for the checks that delete a pool's teardown. Not an API.
 */
public final class StatementDeletion {
  private StatementDeletion() {}

  /**
   * The fix deleting the statement whose expression is at {@code state.getPath()}, if it is one.
   */
  public static Optional<SuggestedFix> deleteStatementOf(VisitorState state) {
    return deleteStatementOf(state.getPath(), state);
  }

  /** The fix deleting the statement whose expression is at {@code expression}, if it is one. */
  public static Optional<SuggestedFix> deleteStatementOf(TreePath expression, VisitorState state) {
    TreePath statement = expression.getParentPath();
    if (statement == null || !(statement.getLeaf() instanceof ExpressionStatementTree)) {
      return Optional.empty();
    }
    return Optional.of(deleteLines(widen(statement).getLeaf(), state));
  }

  /**
   * Deletes {@code tree}, and with it the lines it stands on when nothing else does, so the patch
   * leaves no blank line behind.
   */
  private static SuggestedFix deleteLines(Tree tree, VisitorState state) {
    CharSequence source = state.getSourceCode();
    int start = ASTHelpers.getStartPosition(tree);
    int end = state.getEndPosition(tree);
    if (source == null || start < 0 || end < 0) {
      return SuggestedFix.delete(tree);
    }
    int lineStart = start;
    while (lineStart > 0 && isBlank(source.charAt(lineStart - 1))) {
      lineStart--;
    }
    int lineEnd = end;
    while (lineEnd < source.length() && isBlank(source.charAt(lineEnd))) {
      lineEnd++;
    }
    boolean ownsLines =
        (lineStart == 0 || source.charAt(lineStart - 1) == '\n')
            && lineEnd < source.length()
            && source.charAt(lineEnd) == '\n';
    return ownsLines ? SuggestedFix.replace(lineStart, lineEnd + 1, "") : SuggestedFix.delete(tree);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private static TreePath widen(TreePath statement) {
    TreePath current = statement;
    while (current.getParentPath() != null) {
      Tree parent = current.getParentPath().getLeaf();
      TreePath candidate = current.getParentPath();
      if (parent instanceof BlockTree && ((BlockTree) parent).getStatements().size() == 1) {
        candidate = current.getParentPath().getParentPath();
        if (candidate == null) {
          break;
        }
        parent = candidate.getLeaf();
        if (!isGuard(parent, current.getParentPath().getLeaf())) {
          break;
        }
      } else if (!isGuard(parent, current.getLeaf())) {
        break;
      }
      current = candidate;
    }
    return current;
  }

  /**
   * An if without else, or a try without resources and finally, whose only content is {@code body}.
   */
  private static boolean isGuard(Tree tree, Tree body) {
    if (tree instanceof IfTree ifTree) {

      return ifTree.getThenStatement() == body && ifTree.getElseStatement() == null;
    }
    if (tree instanceof TryTree tryTree) {

      return tryTree.getBlock() == body
          && tryTree.getResources().isEmpty()
          && tryTree.getFinallyBlock() == null;
    }
    return false;
  }
}
