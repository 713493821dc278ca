package dev.poolguard.checks;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import javax.lang.model.element.ElementKind;

/**
 * Recognises the sanctioned holder of the shared pool: the one place allowed to build (and, at the end
 * of the run, close) it. That is a class named by {@code -XepOpt:PoolGuard:SharedPoolHolders}, a class
 * annotated {@code @dev.poolguard.runtime.SharedPoolHolder}, or the process-wide singleton idiom.
 */
final class SharedPoolHolders {
  /** Matched by name: the checks must not depend on the runtime jar. */
  private static final ImmutableSet<String> HOLDER_ANNOTATIONS =
      ImmutableSet.of("dev.poolguard.runtime.SharedPoolHolder");

  private final ImmutableSet<String> declaredHolders;

  SharedPoolHolders(PoolGuardOptions options) {
    this.declaredHolders = options.sharedPoolHolders();
  }

  /** Whether the code at {@code path} is inside a class declared to be a holder (flag or annotation). */
  boolean isInDeclaredHolder(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree && isDeclaredHolder(ASTHelpers.getSymbol((ClassTree) p.getLeaf()))) {
        return true;
      }
    }
    return false;
  }

  boolean isDeclaredHolder(ClassSymbol clazz) {
    if (clazz == null) {
      return false;
    }
    String binaryName = clazz.flatName().toString().replace('$', '.');
    return declaredHolders.contains(clazz.getQualifiedName().toString())
        || declaredHolders.contains(binaryName)
        || TestFrameworks.hasAnyAnnotation(clazz, HOLDER_ANNOTATIONS);
  }

  /**
   * Whether the client built at {@code state.getPath()} is created once per process: stored in a
   * {@code static} field (or an enum singleton's field) of a class that declares no tests, created in a
   * field initializer, a static initializer, or behind a null check of a static field.
   */
  static boolean isSingletonCreation(VisitorState state) {
    TreePath path = state.getPath();
    boolean guarded = false;
    for (TreePath p = path; p.getParentPath() != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      Tree parent = p.getParentPath().getLeaf();
      if (leaf instanceof IfTree && checksStaticFieldForNull(((IfTree) leaf).getCondition())) {
        guarded = true;
      }
      if (leaf instanceof VariableTree && parent instanceof ClassTree) {
        VarSymbol field = ASTHelpers.getSymbol((VariableTree) leaf);
        return field != null
            && (field.isStatic() || isEnum(field.owner))
            && isOutsideTests(p.getParentPath());
      }
      if (leaf instanceof BlockTree && parent instanceof ClassTree) {
        return ((BlockTree) leaf).isStatic() && isOutsideTests(p.getParentPath());
      }
      if (leaf instanceof MethodTree) {
        MethodTree method = (MethodTree) leaf;
        boolean enumConstructor =
            isEnum(ASTHelpers.getSymbol(method).owner) && ASTHelpers.getSymbol(method).isConstructor();
        return (guarded || enumConstructor) && isOutsideTests(p.getParentPath());
      }
      if (leaf instanceof ClassTree) {
        return false;
      }
    }
    return false;
  }

  /** Whether the class at {@code classPath} and every class around it declare no tests. */
  static boolean isOutsideTests(TreePath classPath) {
    for (TreePath p = classPath; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree) {
        ClassSymbol clazz = ASTHelpers.getSymbol((ClassTree) p.getLeaf());
        if (clazz == null || TestFrameworks.declaresTests(clazz)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isEnum(Symbol symbol) {
    return symbol != null && symbol.getKind() == ElementKind.ENUM;
  }

  /** {@code FIELD == null}, {@code null == FIELD}, {@code Objects.isNull(FIELD)}, inside && and ||. */
  private static boolean checksStaticFieldForNull(ExpressionTree condition) {
    ExpressionTree c = condition;
    while (c instanceof ParenthesizedTree) {
      c = ((ParenthesizedTree) c).getExpression();
    }
    if (c instanceof UnaryTree) {
      return false;
    }
    if (c instanceof BinaryTree) {
      BinaryTree binary = (BinaryTree) c;
      switch (c.getKind()) {
        case CONDITIONAL_AND:
        case CONDITIONAL_OR:
          return checksStaticFieldForNull(binary.getLeftOperand())
              || checksStaticFieldForNull(binary.getRightOperand());
        case EQUAL_TO:
          return (isNull(binary.getLeftOperand()) && isStaticField(binary.getRightOperand()))
              || (isNull(binary.getRightOperand()) && isStaticField(binary.getLeftOperand()));
        default:
          return false;
      }
    }
    if (c instanceof MethodInvocationTree) {
      MethodInvocationTree call = (MethodInvocationTree) c;
      Symbol method = ASTHelpers.getSymbol((Tree) call);
      return method != null
          && method.getSimpleName().contentEquals("isNull")
          && method.owner.getQualifiedName().contentEquals("java.util.Objects")
          && isStaticField(call.getArguments().get(0));
    }
    return false;
  }

  private static boolean isNull(ExpressionTree tree) {
    return tree.getKind() == Tree.Kind.NULL_LITERAL;
  }

  private static boolean isStaticField(ExpressionTree tree) {
    Symbol symbol = ASTHelpers.getSymbol((Tree) tree);
    return symbol instanceof VarSymbol
        && symbol.getKind() == ElementKind.FIELD
        && symbol.isStatic();
  }
}
