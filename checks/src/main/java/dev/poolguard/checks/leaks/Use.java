package dev.poolguard.checks.leaks;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * What the code around an expression does with the resource the expression evaluates to: the one
 * step that decides whether a borrowed connection is given back, kept, or lost. Parentheses, casts
 * and the branches of {@code ?:} pass the value on unchanged and are looked through.
 *
 * @param kind what happens to the value
 * @param site the path of the tree that consumes it (the statement, call, variable, ...)
 * @param variable for {@link Kind#STORED}, the local or field the value is stored in
 * @param method for {@link Kind#RECEIVER} and {@link Kind#ASSERTED}, the method called
 */
record Use(Kind kind, TreePath site, @Nullable VarSymbol variable, @Nullable String method) {
  /** Classes whose static methods only look at their arguments (assertions). */
  private static final ImmutableSet<String> ASSERTION_CLASSES =
      ImmutableSet.of(
          "org.junit.Assert",
          "org.junit.jupiter.api.Assertions",
          "org.junit.jupiter.api.Assumptions",
          "org.junit.Assume",
          "junit.framework.Assert",
          "junit.framework.TestCase",
          "org.testng.Assert",
          "org.testng.AssertJUnit",
          "org.assertj.core.api.Assertions",
          "org.assertj.core.api.AssertionsForClassTypes",
          "org.assertj.core.api.AssertionsForInterfaceTypes",
          "org.assertj.core.api.BDDAssertions",
          "org.hamcrest.MatcherAssert",
          "com.google.common.truth.Truth");

  enum Kind {
    /** The receiver of {@code close()} (or a bound {@code ::close}): given back. */
    CLOSED,
    /** The receiver of another method: used once, then lost unless stored elsewhere. */
    RECEIVER,
    /** An expression statement, or the body of a lambda that returns nothing: lost. */
    DISCARDED,
    /** Passed to an assertion, which only looks at it: lost. */
    ASSERTED,
    /** Compared or tested ({@code == null}, {@code instanceof}): a use, nothing more. */
    TESTED,
    /** Returned to the caller, whose use is then what counts. */
    RETURNED,
    /** Passed to a method or constructor, put in an array, or anything not understood: owned. */
    HANDED_ON,
    /** Stored in a local variable or field ({@link #variable}). */
    STORED,
    /** A try-with-resources resource: closed by the try. */
    TRY_RESOURCE,
    /** The target of an assignment: not a use of the value it held. */
    OVERWRITTEN,
  }

  /** Whether the resource is given back, or its ownership passes elsewhere, at this use. */
  boolean releases() {
    return switch (kind) {
      case CLOSED, RETURNED, HANDED_ON, TRY_RESOURCE -> true;
      case STORED, RECEIVER, DISCARDED, ASSERTED, TESTED, OVERWRITTEN -> false;
    };
  }

  /** Whether the value is dropped right here (discarded, a chain receiver, only asserted on). */
  boolean loses() {
    return kind == Kind.RECEIVER
        || kind == Kind.DISCARDED
        || kind == Kind.ASSERTED
        || kind == Kind.TESTED;
  }

  /** How the expression at {@code path} is used. */
  static Use of(TreePath path, VisitorState state) {
    TreePath current = path;
    while (current.getParentPath() != null) {
      TreePath parentPath = current.getParentPath();
      Tree parent = parentPath.getLeaf();
      Tree leaf = current.getLeaf();
      if (parent instanceof ParenthesizedTree || parent instanceof TypeCastTree) {
        current = parentPath;
        continue;
      }
      if (parent instanceof ConditionalExpressionTree conditional) {
        if (conditional.getCondition() == leaf) {
          return new Use(Kind.TESTED, parentPath, null, null);
        }
        current = parentPath;
        continue;
      }
      return ofParent(parentPath, leaf, state);
    }
    return new Use(Kind.HANDED_ON, current, null, null);
  }

  private static Use ofParent(TreePath parentPath, Tree leaf, VisitorState state) {
    Tree parent = parentPath.getLeaf();
    if (parent instanceof ExpressionStatementTree) {
      return simple(Kind.DISCARDED, parentPath);
    }
    if (parent instanceof MemberSelectTree select && select.getExpression() == leaf) {
      return receiverUse(parentPath, select);
    }
    if (parent instanceof MemberReferenceTree reference
        && reference.getQualifierExpression() == leaf) {
      return simple(
          reference.getName().contentEquals("close") ? Kind.CLOSED : Kind.HANDED_ON, parentPath);
    }
    if (parent instanceof ReturnTree) {
      return simple(Kind.RETURNED, parentPath);
    }
    if (parent instanceof LambdaExpressionTree lambda) {
      return simple(returnsNothing(lambda, state) ? Kind.DISCARDED : Kind.RETURNED, parentPath);
    }
    if (parent instanceof VariableTree variable && variable.getInitializer() == leaf) {
      if (parentPath.getParentPath().getLeaf() instanceof TryTree) {
        return simple(Kind.TRY_RESOURCE, parentPath);
      }
      return new Use(Kind.STORED, parentPath, ASTHelpers.getSymbol(variable), null);
    }
    if (parent instanceof AssignmentTree assignment) {
      if (assignment.getVariable() == leaf) {
        return simple(Kind.OVERWRITTEN, parentPath);
      }
      Symbol target = ASTHelpers.getSymbol(assignment.getVariable());
      return target instanceof VarSymbol variable
          ? new Use(Kind.STORED, parentPath, variable, null)
          : simple(Kind.HANDED_ON, parentPath);
    }
    if (parent instanceof TryTree) {
      return simple(Kind.TRY_RESOURCE, parentPath);
    }
    if (parent instanceof MethodInvocationTree call) {
      MethodSymbol method = ASTHelpers.getSymbol(call);
      return isAssertion(method)
          ? new Use(Kind.ASSERTED, parentPath, null, method.getSimpleName().toString())
          : simple(Kind.HANDED_ON, parentPath);
    }
    if (parent instanceof NewClassTree) {
      return simple(Kind.HANDED_ON, parentPath);
    }
    if (parent instanceof BinaryTree || parent instanceof InstanceOfTree) {
      return simple(Kind.TESTED, parentPath);
    }
    return simple(Kind.HANDED_ON, parentPath);
  }

  private static Use receiverUse(TreePath selectPath, MemberSelectTree select) {
    String name = select.getIdentifier().toString();
    TreePath callPath = selectPath.getParentPath();
    boolean called =
        callPath != null
            && callPath.getLeaf() instanceof MethodInvocationTree call
            && call.getMethodSelect() == select;
    if (called && (name.equals("close") || handsItsHandleToTheStatement(callPath))) {
      return simple(Kind.CLOSED, callPath);
    }
    return new Use(Kind.RECEIVER, called ? callPath : selectPath, null, name);
  }

  /**
   * Whether the chain starting at {@code callPath} has Jdbi's {@code cleanupHandleRollback()} or
   * {@code cleanupHandleCommit()}: the statement closes the handle when its results are consumed.
   */
  private static boolean handsItsHandleToTheStatement(TreePath callPath) {
    TreePath current = callPath;
    while (current.getParentPath() != null
        && current.getParentPath().getLeaf() instanceof MemberSelectTree select
        && select.getExpression() == current.getLeaf()) {
      if (select.getIdentifier().toString().startsWith("cleanupHandle")) {
        return true;
      }
      current = current.getParentPath().getParentPath();
      if (current == null || !(current.getLeaf() instanceof MethodInvocationTree)) {
        return false;
      }
    }
    return false;
  }

  private static boolean isAssertion(MethodSymbol method) {
    if (!method.isStatic()) {
      return false;
    }
    String owner = method.owner.getQualifiedName().toString();
    if (ASSERTION_CLASSES.contains(owner)) {
      return true;
    }
    String name = method.getSimpleName().toString();
    String ownerName = method.owner.getSimpleName().toString();
    return (name.startsWith("assert") || name.startsWith("assume"))
        && (ownerName.endsWith("Assert") || ownerName.endsWith("Assertions"));
  }

  private static boolean returnsNothing(LambdaExpressionTree lambda, VisitorState state) {
    Type type = ASTHelpers.getType(lambda);
    if (type == null) {
      return false;
    }
    Type descriptor = state.getTypes().findDescriptorType(type);
    return descriptor != null && descriptor.getReturnType().getKind() == TypeKind.VOID;
  }

  private static Use simple(Kind kind, TreePath site) {
    return new Use(kind, site, null, null);
  }
}
