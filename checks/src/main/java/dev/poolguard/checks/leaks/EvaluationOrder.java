package dev.poolguard.checks.leaks;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import java.util.List;

/**
 * Whether a borrow can be hoisted out of the expression it sits in into a try-with-resources
 * header: only where evaluating it first runs nothing earlier than the code did.
 */
final class EvaluationOrder {
  private EvaluationOrder() {}

  /** Whether the walk from {@code child} up to {@code parent} keeps the evaluation order. */
  static boolean isHoistableFrom(Tree child, TreePath parentPath) {
    Tree parent = parentPath.getLeaf();
    if (parent instanceof ParenthesizedTree || parent instanceof TypeCastTree) {
      return true;
    }
    if (parent instanceof MemberSelectTree select && select.getExpression() == child) {
      return parentPath.getParentPath().getLeaf() instanceof MethodInvocationTree;
    }
    if (parent instanceof MethodInvocationTree call) {
      if (call.getMethodSelect() == child) {
        return true;
      }
      ExpressionTree select = call.getMethodSelect();
      boolean simpleReceiver =
          !(select instanceof MemberSelectTree member) || isInert(member.getExpression());
      return simpleReceiver && argumentsBeforeAreInert(call.getArguments(), child);
    }
    if (parent instanceof NewClassTree construction) {
      return construction.getEnclosingExpression() == null
          && construction.getClassBody() == null
          && argumentsBeforeAreInert(construction.getArguments(), child);
    }
    if (parent instanceof BinaryTree binary) {
      Tree.Kind kind = binary.getKind();
      boolean shortCircuit = kind == Tree.Kind.CONDITIONAL_AND || kind == Tree.Kind.CONDITIONAL_OR;
      return !shortCircuit
          && (binary.getLeftOperand() == child || isInert(binary.getLeftOperand()));
    }
    return false;
  }

  private static boolean argumentsBeforeAreInert(
      List<? extends ExpressionTree> arguments, Tree child) {
    for (ExpressionTree argument : arguments) {
      if (argument == child) {
        return true;
      }
      if (!isInert(argument)) {
        return false;
      }
    }
    return false;
  }

  /** An expression whose evaluation has no effect, so moving another before it changes nothing. */
  private static boolean isInert(ExpressionTree expression) {
    ExpressionTree stripped = ASTHelpers.stripParentheses(expression);
    return stripped instanceof LiteralTree
        || stripped instanceof IdentifierTree
        || (stripped instanceof MemberSelectTree select && isInert(select.getExpression()));
  }
}
