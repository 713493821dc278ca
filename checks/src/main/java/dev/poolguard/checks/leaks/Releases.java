package dev.poolguard.checks.leaks;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.poolguard.checks.common.AnnotationSet;
import dev.poolguard.checks.common.TestFrameworks;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Which variables code gives back or hands on, summarised once per scope and memoised for the
 * compilation unit: a method (for its locals and the fields it assigns), and a class (for the
 * fields its teardown methods close). Flow-insensitive on purpose: a close anywhere in the method,
 * a {@code finally} included, counts, so the check errs towards silence.
 */
final class Releases {
  /**
   * Methods that end a test class's or fixture's life without a framework annotation: JUnit 3's
   * {@code tearDown}, {@code AutoCloseable#close}, JUnit 4 rules' and Jupiter callbacks' {@code
   * after*}.
   */
  private static final Set<String> TEARDOWN_NAMES =
      Set.of(
          "tearDown",
          "close",
          "after",
          "afterEach",
          "afterAll",
          "afterTestMethod",
          "afterTestClass",
          "cleanup",
          "cleanUp",
          "dispose",
          "destroy",
          "shutdown",
          "stop");

  private static final AnnotationSet PRE_DESTROY =
      AnnotationSet.of("javax.annotation.PreDestroy", "jakarta.annotation.PreDestroy");

  private @Nullable CompilationUnitTree unit;
  private final IdentityHashMap<Tree, Set<VarSymbol>> byScope = new IdentityHashMap<>();
  private final IdentityHashMap<Tree, Set<VarSymbol>> byClass = new IdentityHashMap<>();

  /** The variables {@code scope} (a method, or a field initializer) releases somewhere. */
  Set<VarSymbol> inScope(TreePath scope, VisitorState state) {
    resetFor(state);
    return byScope.computeIfAbsent(scope.getLeaf(), s -> summarize(scope, state).released);
  }

  /**
   * The fields the teardown methods of the class at {@code classPath} (and the helpers of that
   * class they call) release, and the fields any of its methods closes itself or returns.
   */
  Set<VarSymbol> inTeardown(TreePath classPath, VisitorState state) {
    resetFor(state);
    return byClass.computeIfAbsent(classPath.getLeaf(), c -> teardownReleases(classPath, state));
  }

  /**
   * Whether a teardown method declared in the class at {@code classPath} itself gives back {@code
   * variable}: the common case, decided without summarising the class's other methods. Implies that
   * {@link #inTeardown} of the outermost class around it contains {@code variable}.
   */
  boolean isReleasedByOwnTeardown(TreePath classPath, VarSymbol variable, VisitorState state) {
    for (Tree member : ((ClassTree) classPath.getLeaf()).getMembers()) {
      if (member instanceof MethodTree method
          && isTeardown(ASTHelpers.getSymbol(method), state)
          && inScope(new TreePath(classPath, member), state).contains(variable)) {
        return true;
      }
    }
    return false;
  }

  private void resetFor(VisitorState state) {
    CompilationUnitTree current = state.getPath().getCompilationUnit();
    if (current != unit) {
      unit = current;
      byScope.clear();
      byClass.clear();
    }
  }

  private static Set<VarSymbol> teardownReleases(TreePath classPath, VisitorState state) {
    IdentityHashMap<MethodSymbol, Summary> methods = new IdentityHashMap<>();
    Deque<MethodSymbol> pending = new ArrayDeque<>();
    Set<VarSymbol> released = new HashSet<>();
    new TreePathScanner<@Nullable Void, @Nullable Void>() {
      @Override
      public @Nullable Void visitMethod(MethodTree tree, @Nullable Void unused) {
        MethodSymbol symbol = ASTHelpers.getSymbol(tree);
        Summary summary = summarize(getCurrentPath(), state);
        methods.put(symbol, summary);
        released.addAll(summary.returned);
        released.addAll(summary.closed); // the tests close it themselves
        if (isTeardown(symbol, state)) {
          pending.add(symbol);
        }
        return null; // scan() saw the nested classes' methods as part of this one
      }
    }.scan(classPath, null);
    Set<MethodSymbol> visited = new HashSet<>();
    while (!pending.isEmpty()) {
      MethodSymbol method = pending.pop();
      Summary summary = methods.get(method);
      if (summary == null || !visited.add(method)) {
        continue;
      }
      released.addAll(summary.released);
      pending.addAll(summary.calls);
    }
    return released;
  }

  static boolean isTeardown(MethodSymbol method, VisitorState state) {
    return TestFrameworks.isTeardownMethod(method, state)
        || (method.getParameters().size() <= 1
            && !method.isStatic()
            && TEARDOWN_NAMES.contains(method.getSimpleName().toString()))
        || PRE_DESTROY.isOn(method, state);
  }

  /** The owner class's path, when it was compiled from source in this compilation. */
  static @Nullable TreePath sourceOf(ClassSymbol clazz, VisitorState state) {
    return JavacTrees.instance(state.context).getPath(clazz);
  }

  /**
   * What a method does with variables: gives them back or hands them on ({@code released}), closes
   * them itself ({@code closed}), returns fields ({@code returned}); and which methods it calls.
   */
  private record Summary(
      Set<VarSymbol> released,
      Set<VarSymbol> closed,
      Set<VarSymbol> returned,
      Set<MethodSymbol> calls) {}

  private static Summary summarize(TreePath scope, VisitorState state) {
    Summary summary =
        new Summary(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
    new TreePathScanner<@Nullable Void, @Nullable Void>() {
      @Override
      public @Nullable Void visitIdentifier(IdentifierTree tree, @Nullable Void unused) {
        record(ASTHelpers.getSymbol(tree));
        return null;
      }

      @Override
      public @Nullable Void visitMemberSelect(MemberSelectTree tree, @Nullable Void unused) {
        Symbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol instanceof VarSymbol && symbol.getKind() == ElementKind.FIELD) {
          record(symbol);
          return null;
        }
        return super.visitMemberSelect(tree, null);
      }

      @Override
      public @Nullable Void visitMethodInvocation(
          MethodInvocationTree tree, @Nullable Void unused) {
        summary.calls.add(ASTHelpers.getSymbol(tree));
        return super.visitMethodInvocation(tree, null);
      }

      private void record(@Nullable Symbol symbol) {
        if (!(symbol instanceof VarSymbol variable)) {
          return;
        }
        Use use = Use.of(getCurrentPath(), state);
        if (use.releases()
            || (use.kind() == Use.Kind.STORED && !Objects.equals(use.variable(), variable))) {
          summary.released.add(variable);
        }
        if (use.kind() == Use.Kind.RETURNED && variable.getKind() == ElementKind.FIELD) {
          summary.returned.add(variable);
        }
        if (use.kind() == Use.Kind.CLOSED || use.kind() == Use.Kind.TRY_RESOURCE) {
          summary.closed.add(variable);
        }
      }
    }.scan(scope, null);
    return summary;
  }

  /** The class trees whose teardown may give back {@code field}, assigned in {@code assigning}. */
  static Collection<TreePath> teardownClasses(
      VarSymbol field, ClassSymbol assigning, TreePath unitClass, VisitorState state) {
    IdentityHashMap<Tree, TreePath> classes = new IdentityHashMap<>();
    classes.put(unitClass.getLeaf(), unitClass);
    if (field.owner instanceof ClassSymbol owner) {
      TreePath ownerPath = sourceOf(outermost(owner), state);
      if (ownerPath != null) {
        classes.putIfAbsent(ownerPath.getLeaf(), ownerPath);
      }
    }
    for (ClassSymbol c = superclass(assigning); c != null; c = superclass(c)) {
      TreePath path = sourceOf(c, state);
      if (path != null) {
        classes.putIfAbsent(path.getLeaf(), path);
      }
    }
    return classes.values();
  }

  private static ClassSymbol outermost(ClassSymbol clazz) {
    ClassSymbol current = clazz;
    while (current.owner instanceof ClassSymbol enclosing) {
      current = enclosing;
    }
    return current;
  }

  private static @Nullable ClassSymbol superclass(ClassSymbol clazz) {
    return clazz.getSuperclass() != null && clazz.getSuperclass().tsym instanceof ClassSymbol s
        ? s
        : null;
  }
}
