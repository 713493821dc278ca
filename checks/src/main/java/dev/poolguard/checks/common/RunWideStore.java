package dev.poolguard.checks.common;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * JUnit Jupiter's run-wide {@code ExtensionContext.Store}: the store of the root context ({@code
 * context.getRoot().getStore(ns)}) or of a run-wide scope ({@code
 * getStore(StoreScope.LAUNCHER_SESSION, ns)}, {@code EXECUTION_REQUEST}). What an extension keeps
 * there is one value for every test class of the run, like the shared pool; JUnit closes the {@code
 * CloseableResource} (and, since 5.13, {@code AutoCloseable}) values of a store when the store's
 * context ends, which for the root store is the end of the run.
 *
 * <p>Matched by name: the checks do not depend on JUnit.
 *
 * <p>Internal: public only so that the checks' feature packages can use it. Not an API.
 */
public final class RunWideStore {
  private static final String EXTENSION_CONTEXT =
      "org.junit.jupiter.api.extension.ExtensionContext";
  private static final String STORE = EXTENSION_CONTEXT + ".Store";
  private static final Supplier<Optional<Type>> CLOSEABLE_RESOURCE =
      KnownTypes.named(STORE + ".CloseableResource");
  private static final Supplier<Optional<Type>> AUTO_CLOSEABLE =
      KnownTypes.named("java.lang.AutoCloseable");

  /**
   * The store methods that hand out a value kept in it (and {@code remove}, which hands it out).
   */
  private static final ImmutableSet<String> READS =
      ImmutableSet.of("get", "getOrDefault", "getOrComputeIfAbsent", "computeIfAbsent", "remove");

  /** The {@code StoreScope}s (JUnit 5.13+) whose store lives for the whole run. */
  private static final ImmutableSet<String> RUN_WIDE_SCOPES =
      ImmutableSet.of("LAUNCHER_SESSION", "EXECUTION_REQUEST");

  /** Deep enough for a store or context kept in a local or two; bounds the walk. */
  private static final int MAX_DEPTH = 4;

  private RunWideStore() {}

  /**
   * Whether {@code call} (to {@code method}) hands out a value kept in a run-wide store; {@code
   * scope} holds the locals its receiver may be.
   */
  public static boolean isRead(
      MethodInvocationTree call, MethodSymbol method, @Nullable Tree scope, VisitorState state) {
    return READS.contains(method.getSimpleName().toString())
        && method.owner.getQualifiedName().contentEquals(STORE)
        && isRunWide(ASTHelpers.getReceiver(call), scope, state);
  }

  /**
   * Whether {@code store} is a run-wide store: got from the root context or a run-wide scope,
   * directly or through locals (set in {@code scope}) and fields.
   */
  public static boolean isRunWide(
      @Nullable ExpressionTree store, @Nullable Tree scope, VisitorState state) {
    return new Lookup(scope, state).isRunWide(store, 0);
  }

  /** One look-up: where the locals and fields that may hold the store or the context are set. */
  private static final class Lookup {
    private final @Nullable Tree scope;
    private final VisitorState state;

    Lookup(@Nullable Tree scope, VisitorState state) {
      this.scope = scope;
      this.state = state;
    }

    /** Whether {@code store} is a run-wide store: got from the root context or a run-wide scope. */
    boolean isRunWide(@Nullable ExpressionTree store, int depth) {
      if (store == null || depth > MAX_DEPTH) {
        return false;
      }
      ExpressionTree value = Trees.stripCasts(store);
      if (value instanceof MethodInvocationTree call && isContextMethod(call, "getStore")) {
        List<? extends ExpressionTree> arguments = call.getArguments();
        return isRoot(ASTHelpers.getReceiver(call), depth + 1)
            || (arguments.size() == 2 && isRunWideScope(arguments.get(0)));
      }
      return everyValue(value, depth, this::isRunWide);
    }

    /** Whether {@code context} is the root context: {@code context.getRoot()}. */
    private boolean isRoot(@Nullable ExpressionTree context, int depth) {
      if (context == null || depth > MAX_DEPTH) {
        return false;
      }
      ExpressionTree value = Trees.stripCasts(context);
      if (value instanceof MethodInvocationTree call) {
        return isContextMethod(call, "getRoot");
      }
      return everyValue(value, depth, this::isRoot);
    }

    /**
     * Whether {@code value} is a local (set in the scope) or a field (set in its class) whose every
     * assigned value, one at least, passes {@code test}.
     */
    private boolean everyValue(ExpressionTree value, int depth, ValueTest test) {
      if (!(value instanceof IdentifierTree || value instanceof MemberSelectTree)
          || !(ASTHelpers.getSymbol(value) instanceof VarSymbol variable)) {
        return false;
      }
      Tree setIn;
      if (variable.getKind() == ElementKind.LOCAL_VARIABLE) {
        setIn = scope;
      } else if (variable.getKind() == ElementKind.FIELD) {
        setIn = JavacTrees.instance(state.context).getTree(ASTHelpers.outermostClass(variable));
      } else {
        return false;
      }
      List<ExpressionTree> assigned = Trees.assignedValues(variable, setIn);
      return !assigned.isEmpty() && assigned.stream().allMatch(v -> test.test(v, depth + 1));
    }
  }

  private interface ValueTest {
    boolean test(@Nullable ExpressionTree value, int depth);
  }

  private static boolean isContextMethod(MethodInvocationTree call, String name) {
    MethodSymbol method = ASTHelpers.getSymbol(call);
    return method.getSimpleName().contentEquals(name)
        && method.owner.getQualifiedName().contentEquals(EXTENSION_CONTEXT);
  }

  private static boolean isRunWideScope(ExpressionTree argument) {
    Symbol symbol = ASTHelpers.getSymbol(argument);
    return symbol != null
        && symbol.getKind() == ElementKind.ENUM_CONSTANT
        && RUN_WIDE_SCOPES.contains(symbol.getSimpleName().toString());
  }

  /**
   * Whether the code at {@code state.getPath()} is what JUnit runs when the store closes its values
   * at the end of the run: a bound reference ({@code pool::close}) or lambda that is a {@code
   * CloseableResource} or {@code AutoCloseable}, or the {@code close()} of a class that is one.
   */
  public static boolean isClosedByTheStore(VisitorState state) {
    for (TreePath p = state.getPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MemberReferenceTree || leaf instanceof LambdaExpressionTree) {
        if (isStoreCloseable(ASTHelpers.getType(leaf), state)) {
          return true;
        }
        if (leaf instanceof LambdaExpressionTree) {
          return false; // another lambda: it runs when its caller says
        }
      }
      if (leaf instanceof MethodTree method) {
        MethodSymbol symbol = ASTHelpers.getSymbol(method);
        return symbol.getSimpleName().contentEquals("close")
            && symbol.getParameters().isEmpty()
            && isStoreCloseable(symbol.owner.type, state);
      }
      if (leaf instanceof ClassTree) {
        return false;
      }
    }
    return false;
  }

  private static boolean isStoreCloseable(@Nullable Type type, VisitorState state) {
    return type != null
        && (KnownTypes.isSubtypeOf(type, CLOSEABLE_RESOURCE, state)
            || KnownTypes.isSubtypeOf(type, AUTO_CLOSEABLE, state));
  }
}
