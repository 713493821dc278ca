package dev.poolguard.checks.teardown;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.tree.JCTree;
import dev.poolguard.checks.clients.ClientCatalog;
import dev.poolguard.checks.common.MemberName;
import dev.poolguard.checks.common.RunWideStore;
import dev.poolguard.checks.common.RuntimeApi;
import dev.poolguard.checks.common.TestFrameworks;
import dev.poolguard.checks.common.Trees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Follows a pool value back to where it came from — through casts, {@code unwrap(..)},
 * effectively-final locals, fields (whatever method assigns them), accessor methods whose bodies
 * are in the same compilation and JUnit's run-wide extension store — and classifies it as a {@link
 * PoolOrigin}, relative to the class that ends it.
 */
final class PoolOrigins {
  /** Deep enough for real accessor chains; bounds the walk on cyclic or generated code. */
  private static final int MAX_DEPTH = 12;

  private final ImmutableList<MemberName> sharedPoolFactories;
  private final ClientCatalog catalog;
  // What each field is assigned, once per compilation: many close calls read the same few fields.
  private final Supplier<Map<VarSymbol, List<ExpressionTree>>> fieldValues =
      VisitorState.memoize(unused -> new HashMap<>());

  PoolOrigins(ImmutableList<MemberName> sharedPoolFactories, ClientCatalog catalog) {
    this.sharedPoolFactories = sharedPoolFactories;
    this.catalog = catalog;
  }

  /**
   * The origin of {@code value}, which appears inside {@code scope} (the method, lambda or class
   * whose locals it may read), as seen by code in {@code closingClass}.
   */
  PoolOrigin originOf(
      ExpressionTree value, Tree scope, ClassSymbol closingClass, VisitorState state) {
    return new Walk(closingClass, state).origin(value, scope, 0);
  }

  /**
   * Whether {@code method} is {@code SharedTestDataSource.get()} or a listed shared-pool factory.
   */
  boolean isSharedPoolFactory(MethodSymbol method, VisitorState state) {
    if (method.getSimpleName().contentEquals("get")
        && method.owner.getQualifiedName().contentEquals(RuntimeApi.SHARED_TEST_DATA_SOURCE)) {
      return true;
    }
    return sharedPoolFactories.stream().anyMatch(f -> f.matches(method, state));
  }

  /** One origin query: remembers the closing class and what it has visited. */
  private final class Walk {
    private final ClassSymbol closingClass;
    private final VisitorState state;
    private final Set<Symbol> visiting = new HashSet<>();

    Walk(ClassSymbol closingClass, VisitorState state) {
      this.closingClass = closingClass;
      this.state = state;
    }

    PoolOrigin origin(@Nullable ExpressionTree expression, @Nullable Tree scope, int depth) {
      if (expression == null || depth > MAX_DEPTH) {
        return PoolOrigin.UNKNOWN;
      }
      ExpressionTree value = Trees.stripCasts(expression);
      if (value instanceof ConditionalExpressionTree conditional) {
        return origin(conditional.getTrueExpression(), scope, depth + 1)
            .or(origin(conditional.getFalseExpression(), scope, depth + 1));
      }
      if (value instanceof NewClassTree creation) {
        return catalog.clientBuiltBy(ASTHelpers.getSymbol(creation), state).isPresent()
            ? PoolOrigin.OWNED
            : PoolOrigin.UNKNOWN;
      }
      if (value instanceof MethodInvocationTree call) {
        return invocationOrigin(call, scope, depth);
      }
      if ((value instanceof IdentifierTree || value instanceof MemberSelectTree)
          && ASTHelpers.getSymbol(value) instanceof VarSymbol variable) {
        return variableOrigin(variable, scope, depth);
      }
      return PoolOrigin.UNKNOWN;
    }

    private PoolOrigin invocationOrigin(
        MethodInvocationTree call, @Nullable Tree scope, int depth) {
      MethodSymbol method = ASTHelpers.getSymbol(call);

      if (isSharedPoolFactory(method, state)) {
        return PoolOrigin.SHARED;
      }
      if (PoolTeardown.isPoolView(method)) {
        // unwrap(..), getHikariPoolMXBean(): the same pool seen through another type.
        return origin(ASTHelpers.getReceiver(call), scope, depth + 1);
      }
      if (catalog.clientBuiltBy(method, state).isPresent()) {
        return PoolOrigin.OWNED;
      }
      if (RunWideStore.isRead(call, method, scope, state)) {
        return PoolOrigin.RUN_WIDE_STORE;
      }
      return accessorOrigin(method, depth);
    }

    /** What a method in this compilation returns; one we cannot see into is unknown. */
    private PoolOrigin accessorOrigin(MethodSymbol method, int depth) {
      JCTree tree = JavacTrees.instance(state.context).getTree(method);
      if (!(tree instanceof MethodTree body) || body.getBody() == null || !visiting.add(method)) {
        return PoolOrigin.UNKNOWN;
      }
      try {

        PoolOrigin result = PoolOrigin.UNKNOWN;
        for (ExpressionTree returned : returnedValues(body)) {
          result = result.or(origin(returned, body, depth + 1));
        }
        return result;
      } finally {
        visiting.remove(method);
      }
    }

    private PoolOrigin variableOrigin(VarSymbol variable, @Nullable Tree scope, int depth) {
      if (variable.getKind() == ElementKind.FIELD) {
        return fieldOrigin(variable, depth);
      }
      if (variable.getKind() == ElementKind.LOCAL_VARIABLE
          || variable.getKind() == ElementKind.RESOURCE_VARIABLE) {
        PoolOrigin result = PoolOrigin.UNKNOWN;
        for (ExpressionTree assigned : Trees.assignedValues(variable, scope)) {
          result = result.or(origin(assigned, scope, depth + 1));
        }
        return result;
      }
      if (variable.getKind() == ElementKind.PARAMETER && isResolvedByTheFramework(variable)) {
        return PoolOrigin.FOREIGN;
      }
      return PoolOrigin.UNKNOWN; // other parameters, exception variables
    }

    /**
     * A parameter of a test or lifecycle method, or of a test class's constructor: JUnit's
     * parameter resolvers (a Spring or Testcontainers extension, say) hand it in, and they own what
     * they hand out.
     */
    private boolean isResolvedByTheFramework(VarSymbol parameter) {
      Symbol method = parameter.owner;
      if (!(method instanceof MethodSymbol methodSymbol)) {
        return false;
      }
      if (methodSymbol.isConstructor()) {
        return method.owner instanceof ClassSymbol
            && TestFrameworks.declaresTests((ClassSymbol) method.owner, state);
      }
      return TestFrameworks.isTestOrLifecycleMethod(method, state);
    }

    private PoolOrigin fieldOrigin(VarSymbol field, int depth) {
      if (!visiting.add(field)) {
        return PoolOrigin.UNKNOWN;
      }
      try {
        PoolOrigin result = PoolOrigin.UNKNOWN;
        Tree declaringClass =
            JavacTrees.instance(state.context).getTree(ASTHelpers.outermostClass(field));
        for (ExpressionTree assigned : fieldValues(field)) {
          result = result.or(origin(assigned, declaringClass, depth + 1));
        }
        if (result == PoolOrigin.UNKNOWN && TestFrameworks.isInjected(field, state)) {
          return PoolOrigin.FOREIGN; // @Autowired / @Inject / @Resource: the container's pool
        }
        // Another class's field is that class's pool (handed out directly or by its accessors):
        // this class does not own it, however it was built.
        return isOwnClass(field.owner) || result == PoolOrigin.SHARED ? result : PoolOrigin.FOREIGN;
      } finally {
        visiting.remove(field);
      }
    }

    /** The closing class, its enclosing classes and its superclasses own their fields. */
    private boolean isOwnClass(Symbol owner) {
      // A class nested in the same top-level class (a test's own fixture class) is the same code.
      if (Objects.equals(
          ASTHelpers.outermostClass(owner), ASTHelpers.outermostClass(closingClass))) {
        return true;
      }
      for (Symbol c = closingClass; c instanceof ClassSymbol; c = c.owner) {
        for (Type t = c.type;
            t != null && t.tsym instanceof ClassSymbol;
            t = ((ClassSymbol) t.tsym).getSuperclass()) {
          if (Objects.equals(t.tsym, owner)) {
            return true;
          }
        }
      }
      return false;
    }

    private List<ExpressionTree> fieldValues(VarSymbol field) {
      return PoolOrigins.this
          .fieldValues
          .get(state)
          .computeIfAbsent(
              field,
              unused -> {
                Tree declaringClass =
                    JavacTrees.instance(state.context).getTree(ASTHelpers.outermostClass(field));
                return declaringClass == null
                    ? ImmutableList.of()
                    : Trees.assignedValues(field, declaringClass);
              });
    }
  }

  /** The values {@code method} returns (not those of lambdas or classes inside it). */
  private static List<ExpressionTree> returnedValues(MethodTree method) {
    List<ExpressionTree> values = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        if (tree.getExpression() != null) {
          values.add(tree.getExpression());
        }
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null;
      }
    }.scan(method.getBody(), null);
    return values;
  }
}
