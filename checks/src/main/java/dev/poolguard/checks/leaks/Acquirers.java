package dev.poolguard.checks.leaks;

import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.matchers.Matchers;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.util.Name;
import com.sun.tools.javac.util.Names;
import dev.poolguard.checks.common.KnownTypes;
import dev.poolguard.checks.common.MemberName;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Recognises the calls that borrow a connection: {@code DataSource#getConnection(..)} (any data
 * source, the shared one included), Spring's {@code DataSourceUtils.getConnection(..)}, Jdbi's
 * {@code open()}, the user's {@code AdditionalAcquirers}, and methods of the compilation that
 * return what one of those borrowed (the caller then owns the resource).
 */
final class Acquirers {
  private static final Supplier<Optional<Type>> CONNECTION_TYPE =
      KnownTypes.named("java.sql.Connection");
  private static final Supplier<Optional<Type>> HANDLE_TYPE =
      KnownTypes.named("org.jdbi.v3.core.Handle");
  static final Supplier<Optional<Type>> AUTO_CLOSEABLE_TYPE =
      KnownTypes.named("java.lang.AutoCloseable");

  private static final Matcher<ExpressionTree> DATA_SOURCE_GET_CONNECTION =
      instanceMethod().onDescendantOf("javax.sql.DataSource").named("getConnection");
  private static final Matcher<ExpressionTree> SPRING_GET_CONNECTION =
      staticMethod()
          .onClass("org.springframework.jdbc.datasource.DataSourceUtils")
          .namedAnyOf("getConnection", "doGetConnection");
  private static final Matcher<ExpressionTree> JDBI_OPEN =
      Matchers.anyOf(
          instanceMethod().onDescendantOf("org.jdbi.v3.core.Jdbi").named("open"),
          staticMethod()
              .onClass("org.jdbi.v3.core.Jdbi")
              .named("open")
              .withParameters("javax.sql.DataSource"));

  private static final ImmutableSet<String> BUILT_IN_NAMES =
      ImmutableSet.of("getConnection", "doGetConnection", "open");

  /** How deep helpers returning a helper's resource are followed. */
  private static final int MAX_HELPER_DEPTH = 3;

  private final ImmutableList<MemberName> additional;
  // Interned names of the acquiring methods, for the one identity test most calls fail.
  private @Nullable Names namesTable;
  private ImmutableSet<Name> acquiringNames = ImmutableSet.of();
  // Whether a method of the compilation hands out a resource it borrowed, decided once per method.
  private final IdentityHashMap<MethodSymbol, Optional<Resource>> helpers = new IdentityHashMap<>();
  // Whether a class is a connection or handle type, decided once per returned class: a suite's
  // methods return the same few dozen classes.
  private final IdentityHashMap<TypeSymbol, Boolean> resourceClasses = new IdentityHashMap<>();

  Acquirers(ImmutableList<MemberName> additional) {
    this.additional = additional;
  }

  /**
   * Whether a call of {@code method} may borrow a resource: it has an acquiring method's name, or
   * it is a helper of the compilation that hands one out. Most methods are neither.
   */
  boolean mayBorrow(MethodSymbol method, VisitorState state) {
    return !isPrimitiveOrVoid(method)
        && (acquiringNames(state).contains(method.getSimpleName())
            || helper(method, state, 0).isPresent());
  }

  /**
   * The resource {@code call} (a call of {@code method}, one {@link #mayBorrow} chose) borrows, if
   * it borrows one.
   */
  Optional<Resource> borrowedBy(
      MethodInvocationTree call, MethodSymbol method, VisitorState state) {
    if (acquiringNames(state).contains(method.getSimpleName())) {
      Optional<Resource> direct = direct(call, method, state);
      if (direct.isPresent()) {
        return isMockInteraction(call) ? Optional.empty() : direct;
      }
    }
    return helper(method, state, 0);
  }

  private static boolean isPrimitiveOrVoid(MethodSymbol method) {
    Type returned = method.getReturnType();
    return returned == null || returned.isPrimitiveOrVoid();
  }

  /**
   * {@code verify(dataSource).getConnection()}, {@code
   * doReturn(c).when(dataSource).getConnection()}: a mock being verified or stubbed, not a borrow.
   */
  private static boolean isMockInteraction(MethodInvocationTree call) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    return receiver != null
        && ASTHelpers.stripParentheses(receiver) instanceof MethodInvocationTree mockito
        && ASTHelpers.getSymbol(mockito)
            .owner
            .getQualifiedName()
            .toString()
            .startsWith("org.mockito.");
  }

  private Optional<Resource> direct(
      MethodInvocationTree call, MethodSymbol method, VisitorState state) {
    if (DATA_SOURCE_GET_CONNECTION.matches(call, state)) {
      return Optional.of(Resource.of(method, Resource.Origin.DATA_SOURCE, state));
    }
    if (SPRING_GET_CONNECTION.matches(call, state)) {
      return Optional.of(Resource.of(method, Resource.Origin.SPRING_UTILS, state));
    }
    if (JDBI_OPEN.matches(call, state)) {
      return Optional.of(Resource.of(method, Resource.Origin.JDBI, state));
    }
    for (MemberName member : additional) {
      if (member.matches(method, state)) {
        return Optional.of(Resource.of(method, Resource.Origin.ADDITIONAL, state));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code method}, declared in the sources being compiled, returns a resource it borrowed
   * ({@code return ds.getConnection();}, or a local that holds one).
   */
  private Optional<Resource> helper(MethodSymbol method, VisitorState state, int depth) {
    if (isPrimitiveOrVoid(method) || !returnsResourceType(method, state)) {
      // Most calls: nothing can be handed out through them, decided by the returned class alone.
      return Optional.empty();
    }
    Optional<Resource> known = helpers.get(method);
    if (known != null) {
      return known;
    }
    if (depth > MAX_HELPER_DEPTH) {
      return Optional.empty(); // not remembered: asked from less deep, the method may hand one out
    }
    helpers.put(method, Optional.empty()); // recursion guard
    TreePath path = JavacTrees.instance(state.context).getPath(method);
    Optional<Resource> result =
        path != null && path.getLeaf() instanceof MethodTree tree && tree.getBody() != null
            ? returnedResource(path, state, depth).map(r -> r.viaHelper(method))
            : Optional.empty();
    helpers.put(method, result);
    return result;
  }

  private Optional<Resource> returnedResource(TreePath methodPath, VisitorState state, int depth) {
    IdentityHashMap<Symbol, ExpressionTree> initializers = new IdentityHashMap<>();
    List<Resource> found = new ArrayList<>();
    new TreePathScanner<@Nullable Void, @Nullable Void>() {
      @Override
      public @Nullable Void visitVariable(VariableTree tree, @Nullable Void unused) {
        if (tree.getInitializer() != null) {
          initializers.put(ASTHelpers.getSymbol(tree), tree.getInitializer());
        }
        return super.visitVariable(tree, null);
      }

      @Override
      public @Nullable Void visitReturn(ReturnTree tree, @Nullable Void unused) {
        ExpressionTree expression = tree.getExpression();
        if (found.isEmpty() && expression != null) {
          Resource resource = resourceOf(expression, initializers, state, depth);
          if (resource != null) {
            found.add(resource);
          }
        }
        return null;
      }

      @Override
      public @Nullable Void visitLambdaExpression(
          LambdaExpressionTree tree, @Nullable Void unused) {
        return null; // a lambda's return is not the method's
      }

      @Override
      public @Nullable Void visitClass(ClassTree tree, @Nullable Void unused) {
        return null;
      }
    }.scan(methodPath, null);
    return found.stream().findFirst();
  }

  /** The resource {@code expression} evaluates to: a borrowing call, or a local holding one. */
  private @Nullable Resource resourceOf(
      ExpressionTree expression,
      IdentityHashMap<Symbol, ExpressionTree> initializers,
      VisitorState state,
      int depth) {
    ExpressionTree stripped = ASTHelpers.stripParentheses(expression);
    if (stripped instanceof TypeCastTree cast) {
      return resourceOf(cast.getExpression(), initializers, state, depth);
    }
    if (stripped instanceof MethodInvocationTree call) {
      MethodSymbol method = ASTHelpers.getSymbol(call);
      if (acquiringNames(state).contains(method.getSimpleName())) {
        Optional<Resource> direct = direct(call, method, state);
        if (direct.isPresent()) {
          return direct.get();
        }
      }
      return helper(method, state, depth + 1).orElse(null);
    }
    if (stripped instanceof IdentifierTree) {
      ExpressionTree initializer = initializers.get(ASTHelpers.getSymbol(stripped));
      if (initializer != null && initializer != expression) {
        return resourceOf(initializer, initializers, state, depth);
      }
    }
    return null;
  }

  private boolean returnsResourceType(MethodSymbol method, VisitorState state) {
    Type returned = method.getReturnType();
    if (returned == null || returned.tsym == null) {
      return false;
    }
    Boolean resource = resourceClasses.get(returned.tsym);
    if (resource == null) {
      resource =
          KnownTypes.isSubtypeOf(returned, CONNECTION_TYPE, state)
              || KnownTypes.isSubtypeOf(returned, HANDLE_TYPE, state);
      resourceClasses.put(returned.tsym, resource);
    }
    return resource;
  }

  private ImmutableSet<Name> acquiringNames(VisitorState state) {
    Names names = state.getNames();
    if (!Objects.equals(names, namesTable)) {
      ImmutableSet.Builder<Name> builder = ImmutableSet.builder();
      for (String name : BUILT_IN_NAMES) {
        builder.add(names.fromString(name));
      }
      for (MemberName member : additional) {
        builder.add(names.fromString(member.memberName()));
      }
      acquiringNames = builder.build();
      namesTable = names;
      helpers.clear();
      resourceClasses.clear();
    }
    return acquiringNames;
  }
}
