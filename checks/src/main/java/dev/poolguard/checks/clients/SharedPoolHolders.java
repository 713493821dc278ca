package dev.poolguard.checks.clients;

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
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.poolguard.checks.common.PoolGuardConfig;
import dev.poolguard.checks.common.TestFrameworks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;

/**
 * Recognises the sanctioned holder of the shared pool: the one place allowed to build (and, at the
 * end of the run, close) it. That is a class named by {@code -XepOpt:PoolGuard:SharedPoolHolders},
 * a class annotated {@code @dev.poolguard.runtime.SharedPoolHolder}, or the process-wide singleton
 * idiom.
 */
public final class SharedPoolHolders {
  /** Matched by name: the checks must not depend on the runtime jar. */
  private static final ImmutableSet<String> HOLDER_ANNOTATIONS =
      ImmutableSet.of("dev.poolguard.runtime.SharedPoolHolder");

  private final ImmutableSet<String> declaredHolders;

  public SharedPoolHolders(PoolGuardConfig config) {
    this.declaredHolders = config.sharedPoolHolders();
  }

  /**
   * Whether the code at {@code path} is inside a class declared to be a holder (flag or
   * annotation).
   */
  public boolean isInDeclaredHolder(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree
          && isDeclaredHolder(ASTHelpers.getSymbol((ClassTree) p.getLeaf()))) {
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
   * Whether the client built at {@code state.getPath()} is created once per process, in a class
   * that declares no tests: in a {@code static} field initializer (or an enum singleton's field), a
   * static initializer, a method that null-checks a {@code static} field before filling it (a
   * guarding {@code if}, double-checked locking, or an early {@code if (pool != null) return
   * pool;}), or the mapping function of {@code computeIfAbsent} on a {@code static} map or of
   * JUnit's root {@code ExtensionContext.Store} (one value per key for the whole run).
   */
  static boolean isSingletonCreation(VisitorState state) {
    return isSingletonContext(state.getPath(), 0);
  }

  /** How many private factories deep a creation is followed back to its callers. */
  private static final int MAX_FACTORY_DEPTH = 3;

  private static boolean isSingletonContext(TreePath path, int depth) {
    boolean guarded = false;
    for (TreePath p = path; p.getParentPath() != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      Tree parent = p.getParentPath().getLeaf();
      if (leaf instanceof IfTree && checksStaticFieldForNull(((IfTree) leaf).getCondition())) {
        guarded = true;
      }
      if (parent instanceof MethodInvocationTree
          && isProcessWideMemo((MethodInvocationTree) parent, leaf)) {
        guarded = true;
      }
      if (leaf instanceof VariableTree && parent instanceof ClassTree) {
        VarSymbol field = ASTHelpers.getSymbol((VariableTree) leaf);
        return field != null
            && (field.isStatic() || isSingletonClass(field.owner))
            && isOutsideTests(p.getParentPath());
      }
      if (leaf instanceof BlockTree && parent instanceof ClassTree) {
        return ((BlockTree) leaf).isStatic() && isOutsideTests(p.getParentPath());
      }
      if (leaf instanceof MethodTree) {
        MethodTree method = (MethodTree) leaf;
        MethodSymbol symbol = ASTHelpers.getSymbol(method);
        boolean singletonConstructor = symbol.isConstructor() && isSingletonClass(symbol.owner);
        if (!isOutsideTests(p.getParentPath())) {
          return false;
        }
        return guarded
            || singletonConstructor
            || hasNullCheckOfStaticField(method)
            || isOnlyCalledOnce(symbol, p, depth);
      }
      if (leaf instanceof ClassTree) {
        return false;
      }
    }
    return false;
  }

  /**
   * A private factory whose every caller is itself a singleton context: {@code static final
   * HikariDataSource POOL = create();}, or {@code if (pool == null) pool = create();}.
   */
  private static boolean isOnlyCalledOnce(MethodSymbol method, TreePath methodPath, int depth) {
    if (depth >= MAX_FACTORY_DEPTH || !method.getModifiers().contains(Modifier.PRIVATE)) {
      return false;
    }
    List<TreePath> callers = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (ASTHelpers.getSymbol((Tree) call) == method) {
          callers.add(getCurrentPath());
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(compilationUnitPath(methodPath), null);
    return !callers.isEmpty() && callers.stream().allMatch(c -> isSingletonContext(c, depth + 1));
  }

  private static TreePath compilationUnitPath(TreePath path) {
    TreePath root = path;
    while (root.getParentPath() != null) {
      root = root.getParentPath();
    }
    return root;
  }

  /** Whether the class at {@code classPath} and every class around it declare no tests. */
  static boolean isOutsideTests(TreePath classPath) {
    return noEnclosingClass(classPath, TestFrameworks::declaresTests);
  }

  /**
   * Whether the class at {@code classPath} and every class around it have no test or lifecycle
   * code.
   */
  public static boolean isOutsideTestLifecycle(TreePath classPath) {
    return noEnclosingClass(classPath, TestFrameworks::isTestRelated);
  }

  private static boolean noEnclosingClass(TreePath classPath, Predicate<ClassSymbol> predicate) {
    for (TreePath p = classPath; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree) {
        ClassSymbol clazz = ASTHelpers.getSymbol((ClassTree) p.getLeaf());
        if (clazz == null || predicate.test(clazz)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * A class with one instance per process: an enum, or a class that keeps an instance of itself in
   * a {@code static} field ({@code private static final TestDb INSTANCE = new TestDb();} or its
   * lazy form). What its constructor and instance fields build is built once.
   */
  private static boolean isSingletonClass(Symbol clazz) {
    if (!(clazz instanceof ClassSymbol)) {
      return false;
    }
    if (clazz.getKind() == ElementKind.ENUM) {
      return true;
    }
    for (Symbol member : clazz.getEnclosedElements()) {
      if (member instanceof VarSymbol && member.isStatic() && member.type.tsym == clazz) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code map.computeIfAbsent(key, k -> new …)} on a static map, or {@code
   * context.getRoot().getStore(ns).getOrComputeIfAbsent(key, k -> new …)}: {@code argument} is the
   * mapping function, run once per key for the process (or the launcher session).
   */
  private static boolean isProcessWideMemo(MethodInvocationTree call, Tree argument) {
    if (!call.getArguments().contains(argument)) {
      return false;
    }
    Symbol method = ASTHelpers.getSymbol((Tree) call);
    if (method == null) {
      return false;
    }
    String name = method.getSimpleName().toString();
    if (!name.equals("computeIfAbsent") && !name.equals("getOrComputeIfAbsent")) {
      return false;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    return isStaticField(receiver) || callsGetRoot(receiver);
  }

  private static boolean callsGetRoot(ExpressionTree expression) {
    ExpressionTree current = expression;
    while (current instanceof MethodInvocationTree) {
      Symbol method = ASTHelpers.getSymbol((Tree) current);
      if (method != null && method.getSimpleName().contentEquals("getRoot")) {
        return true;
      }
      current = ASTHelpers.getReceiver(current);
    }
    return false;
  }

  /** The early-return form of lazy initialisation: {@code if (pool != null) return pool;}. */
  private static boolean hasNullCheckOfStaticField(MethodTree method) {
    if (method.getBody() == null) {
      return false;
    }
    for (Tree statement : method.getBody().getStatements()) {
      if (statement instanceof IfTree
          && checksStaticFieldForNull(
              ((IfTree) statement).getCondition(), Tree.Kind.NOT_EQUAL_TO)) {
        return true;
      }
    }
    return false;
  }

  private static boolean checksStaticFieldForNull(ExpressionTree condition) {
    return checksStaticFieldForNull(condition, Tree.Kind.EQUAL_TO);
  }

  /**
   * {@code FIELD == null}, {@code null == FIELD}, {@code Objects.isNull(FIELD)} (or, for {@code
   * NOT_EQUAL_TO}, {@code FIELD != null} and {@code Objects.nonNull(FIELD)}), inside && and ||.
   */
  private static boolean checksStaticFieldForNull(ExpressionTree condition, Tree.Kind comparison) {
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
          return checksStaticFieldForNull(binary.getLeftOperand(), comparison)
              || checksStaticFieldForNull(binary.getRightOperand(), comparison);
        default:
          return c.getKind() == comparison
              && ((isNull(binary.getLeftOperand()) && isStaticField(binary.getRightOperand()))
                  || (isNull(binary.getRightOperand()) && isStaticField(binary.getLeftOperand())));
      }
    }
    if (c instanceof MethodInvocationTree) {
      MethodInvocationTree call = (MethodInvocationTree) c;
      Symbol method = ASTHelpers.getSymbol((Tree) call);
      String expected = comparison == Tree.Kind.EQUAL_TO ? "isNull" : "nonNull";
      return method != null
          && method.getSimpleName().contentEquals(expected)
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
