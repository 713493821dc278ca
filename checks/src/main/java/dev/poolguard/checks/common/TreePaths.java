package dev.poolguard.checks.common;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;

/** Walks up a {@link TreePath}: the few ways the checks look for what surrounds a tree. */
public final class TreePaths {
  private TreePaths() {}

  /**
   * The nearest path, {@code path} included, whose leaf is a {@code type}; {@code null} if none.
   */
  public static TreePath enclosing(TreePath path, Class<? extends Tree> type) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (type.isInstance(p.getLeaf())) {
        return p;
      }
    }
    return null;
  }

  /**
   * The method, or else the class, whose locals and assignments code at {@code path} can see: the
   * scope in which to look for what a variable holds.
   */
  public static TreePath enclosingMethodOrClass(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree || p.getLeaf() instanceof ClassTree) {
        return p;
      }
    }
    return null;
  }

  /**
   * The outermost parenthesised expression around the expression at {@code path} (the expression
   * itself when it has no parentheses): its parent is what consumes the value.
   */
  public static TreePath outsideParentheses(TreePath path) {
    TreePath expression = path;
    while (expression.getParentPath() != null
        && expression.getParentPath().getLeaf().getKind() == Tree.Kind.PARENTHESIZED) {
      expression = expression.getParentPath();
    }
    return expression;
  }
}
