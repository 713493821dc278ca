package dev.poolguard.checks.clients;

import static com.google.errorprone.util.ASTHelpers.getEnclosedElements;
import static com.google.errorprone.util.ASTHelpers.isStatic;

import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ListMultimap;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.poolguard.checks.common.AnnotationSet;
import dev.poolguard.checks.common.PoolGuardConfig;
import dev.poolguard.checks.common.RunWideStore;
import dev.poolguard.checks.common.TestFrameworks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * Recognises the sanctioned holder of the shared pool: the one place allowed to build (and, at the
 * end of the run, close) it. That is a class named by {@code -XepOpt:PoolGuard:SharedPoolHolders},
 * a class annotated {@code @dev.poolguard.runtime.SharedPoolHolder}, or the process-wide singleton
 * idiom.
 *
 * <p>Internal: public only for the teardown package. Not an API.
 */
public final class SharedPoolHolders {
  /** Matched by name: the checks must not depend on the runtime jar. */
  private static final AnnotationSet HOLDER_ANNOTATIONS =
      AnnotationSet.of("dev.poolguard.runtime.SharedPoolHolder");

  private final ImmutableSet<String> declaredHolders;

  public SharedPoolHolders(PoolGuardConfig config) {
    this.declaredHolders = config.sharedPoolHolders();
  }

  /**
   * Whether the code at {@code path} is inside a class declared to be a holder (flag or
   * annotation).
   */
  public boolean isInDeclaredHolder(TreePath path, VisitorState state) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree classTree
          && isDeclaredHolder(ASTHelpers.getSymbol(classTree), state)) {
        return true;
      }
    }
    return false;
  }

  private boolean isDeclaredHolder(ClassSymbol clazz, VisitorState state) {
    String binaryName = clazz.flatName().toString().replace('$', '.');
    return declaredHolders.contains(clazz.getQualifiedName().toString())
        || declaredHolders.contains(binaryName)
        || HOLDER_ANNOTATIONS.isOn(clazz, state);
  }

  /**
   * Whether the client built at {@code state.getPath()} is created once per process, in a class
   * that declares no tests: in a {@code static} field initializer (or an enum singleton's field), a
   * static initializer, a method that null-checks a {@code static} field before filling it (a
   * guarding {@code if}, double-checked locking, or an early {@code if (pool != null) return
   * pool;}), the mapping function of {@code computeIfAbsent} on a {@code static} map or of JUnit's
   * run-wide {@code ExtensionContext.Store} (one value per key for the whole run), or the null
   * branch of {@code updateAndGet} on a {@code static AtomicReference}.
   */
  static boolean isSingletonCreation(VisitorState state) {
    return isSingletonContext(state.getPath(), 0, state);
  }

  /** How many private factories deep a creation is followed back to its callers. */
  private static final int MAX_FACTORY_DEPTH = 3;

  private static boolean isSingletonContext(TreePath path, int depth, VisitorState state) {
    boolean guarded = false;
    // Locals null-checked on the way up: a guard when the method fills them from a static field
    // (double-checked locking through a local, `T p = field; if (p == null) { .. }`).
    List<VarSymbol> guardingLocals = new ArrayList<>();
    for (TreePath p = path; p.getParentPath() != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      Tree parent = p.getParentPath().getLeaf();
      if (leaf instanceof IfTree ifTree) {
        VarSymbol checked = nullCheckedVariable(ifTree.getCondition(), Tree.Kind.EQUAL_TO);
        if (checked != null && checked.getKind() == ElementKind.FIELD) {
          guarded = true;
        } else if (checked != null) {
          guardingLocals.add(checked);
        }
      }
      if (parent instanceof MethodInvocationTree call
          && (isProcessWideMemo(call, leaf, p.getParentPath(), state)
              || LazyAtomicReference.fillsOnce(call, leaf, path))) {
        guarded = true;
      }
      if (leaf instanceof VariableTree variable && parent instanceof ClassTree) {
        VarSymbol field = ASTHelpers.getSymbol(variable);
        return (field.isStatic() || isSingletonClass(field.owner))
            && isOutsideTests(p.getParentPath(), state);
      }
      if (leaf instanceof BlockTree block && parent instanceof ClassTree) {
        return block.isStatic() && isOutsideTests(p.getParentPath(), state);
      }
      if (leaf instanceof MethodTree method) {
        MethodSymbol symbol = ASTHelpers.getSymbol(method);
        if (!isOutsideTests(p.getParentPath(), state)) {
          return false;
        }
        return guarded
            || (symbol.isConstructor() && isSingletonClass(symbol.owner))
            || guardingLocals.stream().anyMatch(local -> holdsStaticField(local, method))
            || hasEarlyReturnOfStaticField(method)
            || isOnlyCalledOnce(symbol, p, depth, state);
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
  private static boolean isOnlyCalledOnce(
      MethodSymbol method, TreePath methodPath, int depth, VisitorState state) {
    if (depth >= MAX_FACTORY_DEPTH || !method.getModifiers().contains(Modifier.PRIVATE)) {
      return false;
    }
    List<TreePath> callers =
        CALL_SITES
            .get(state)
            .computeIfAbsent(methodPath.getCompilationUnit(), SharedPoolHolders::callSites)
            .get(method);
    return !callers.isEmpty()
        && callers.stream().allMatch(c -> isSingletonContext(c, depth + 1, state));
  }

  // Where each method of a compilation unit is called: indexed once per unit, when a creation is
  // first traced back to a private factory, instead of one scan of the unit per creation.
  private static final Supplier<Map<CompilationUnitTree, ListMultimap<Symbol, TreePath>>>
      CALL_SITES = VisitorState.memoize(unused -> new HashMap<>());

  private static ListMultimap<Symbol, TreePath> callSites(CompilationUnitTree unit) {
    ListMultimap<Symbol, TreePath> sites = ArrayListMultimap.create();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        sites.put(ASTHelpers.getSymbol(call), getCurrentPath());
        return super.visitMethodInvocation(call, null);
      }
    }.scan(unit, null);
    return sites;
  }

  /** Whether the class at {@code classPath} and every class around it declare no tests. */
  static boolean isOutsideTests(TreePath classPath, VisitorState state) {
    return noEnclosingClass(classPath, TestFrameworks::declaresTests, state);
  }

  /**
   * Whether the class at {@code classPath} and every class around it have no test or lifecycle
   * code.
   */
  public static boolean isOutsideTestLifecycle(TreePath classPath, VisitorState state) {
    return noEnclosingClass(classPath, TestFrameworks::isTestRelated, state);
  }

  private static boolean noEnclosingClass(
      TreePath classPath, BiPredicate<ClassSymbol, VisitorState> predicate, VisitorState state) {
    for (TreePath p = classPath; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree classTree) {
        if (predicate.test(ASTHelpers.getSymbol(classTree), state)) {
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
    for (Symbol member : getEnclosedElements(clazz)) {
      if (member instanceof VarSymbol
          && isStatic(member)
          && Objects.equals(member.type.tsym, clazz)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code map.computeIfAbsent(key, k -> new …)} on a static map, or {@code
   * context.getRoot().getStore(ns).getOrComputeIfAbsent(key, k -> new …)} on JUnit's run-wide store
   * (also kept in a local or field first): {@code argument} is the mapping function, run once per
   * key for the process (or the launcher session).
   */
  private static boolean isProcessWideMemo(
      MethodInvocationTree call, Tree argument, TreePath callPath, VisitorState state) {
    if (!call.getArguments().contains(argument)) {
      return false;
    }
    String name = ASTHelpers.getSymbol(call).getSimpleName().toString();
    if (!name.equals("computeIfAbsent") && !name.equals("getOrComputeIfAbsent")) {
      return false;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    return isStaticField(receiver)
        || RunWideStore.isRunWide(receiver, enclosingCode(callPath), state);
  }

  /** The method (or, outside methods, the class) whose locals the code at {@code path} reads. */
  private static @Nullable Tree enclosingCode(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree || p.getLeaf() instanceof ClassTree) {
        return p.getLeaf();
      }
    }
    return null;
  }

  /**
   * The early-return form of lazy initialisation: {@code if (pool != null) return pool;}, directly
   * on the static field or on a local that holds it.
   */
  private static boolean hasEarlyReturnOfStaticField(MethodTree method) {
    if (method.getBody() == null) {
      return false;
    }
    for (Tree statement : method.getBody().getStatements()) {
      if (statement instanceof IfTree ifTree) {
        VarSymbol checked = nullCheckedVariable(ifTree.getCondition(), Tree.Kind.NOT_EQUAL_TO);
        if (checked != null
            && (checked.getKind() == ElementKind.FIELD || holdsStaticField(checked, method))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The static field or local variable {@code condition} compares with {@code null}: {@code X ==
   * null}, {@code null == X}, {@code Objects.isNull(X)} (for {@code NOT_EQUAL_TO}: {@code X !=
   * null}, {@code Objects.nonNull(X)}), also inside {@code &&} and {@code ||}.
   */
  private static @Nullable VarSymbol nullCheckedVariable(
      ExpressionTree condition, Tree.Kind comparison) {
    ExpressionTree c = ASTHelpers.stripParentheses(condition);
    if (c instanceof BinaryTree binary) {
      if (c.getKind() == Tree.Kind.CONDITIONAL_AND || c.getKind() == Tree.Kind.CONDITIONAL_OR) {
        VarSymbol left = nullCheckedVariable(binary.getLeftOperand(), comparison);
        return left != null ? left : nullCheckedVariable(binary.getRightOperand(), comparison);
      }
      if (c.getKind() != comparison) {
        return null;
      }
      if (isNull(binary.getLeftOperand())) {
        return staticFieldOrLocal(binary.getRightOperand());
      }
      return isNull(binary.getRightOperand()) ? staticFieldOrLocal(binary.getLeftOperand()) : null;
    }
    if (c instanceof MethodInvocationTree call && call.getArguments().size() == 1) {
      Symbol method = ASTHelpers.getSymbol(call);
      String expected = comparison == Tree.Kind.EQUAL_TO ? "isNull" : "nonNull";
      return method.getSimpleName().contentEquals(expected)
              && method.owner.getQualifiedName().contentEquals("java.util.Objects")
          ? staticFieldOrLocal(call.getArguments().get(0))
          : null;
    }
    return null;
  }

  private static boolean isNull(ExpressionTree tree) {
    return tree.getKind() == Tree.Kind.NULL_LITERAL;
  }

  private static @Nullable VarSymbol staticFieldOrLocal(ExpressionTree tree) {
    Symbol symbol = ASTHelpers.getSymbol(ASTHelpers.stripParentheses(tree));
    if (!(symbol instanceof VarSymbol variable)) {
      return null;
    }
    return (variable.getKind() == ElementKind.FIELD && isStatic(variable))
            || variable.getKind() == ElementKind.LOCAL_VARIABLE
        ? variable
        : null;
  }

  private static boolean isStaticField(@Nullable ExpressionTree tree) {
    Symbol symbol = tree == null ? null : ASTHelpers.getSymbol(tree);
    return symbol instanceof VarSymbol && symbol.getKind() == ElementKind.FIELD && isStatic(symbol);
  }

  /** Whether {@code method} declares or assigns {@code local} from a static field. */
  private static boolean holdsStaticField(VarSymbol local, MethodTree method) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        if (tree.getInitializer() != null
            && Objects.equals(ASTHelpers.getSymbol(tree), local)
            && isStaticField(ASTHelpers.stripParentheses(tree.getInitializer()))) {
          found[0] = true;
        }
        return super.visitVariable(tree, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        if (Objects.equals(ASTHelpers.getSymbol(tree.getVariable()), local)
            && isStaticField(ASTHelpers.stripParentheses(tree.getExpression()))) {
          found[0] = true;
        }
        return super.visitAssignment(tree, null);
      }
    }.scan(method.getBody(), null);
    return found[0];
  }
}
