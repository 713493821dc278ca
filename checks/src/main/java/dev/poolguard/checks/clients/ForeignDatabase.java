package dev.poolguard.checks.clients;

import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether a client is evidently for a database the shared pool does not serve: its URL (a constant,
 * a final local's initialiser, or a {@code System.getProperty(key, default)} default) names another
 * vendor ({@code jdbc:jtds:sqlserver:}, {@code jdbc:oracle:}, ...), or it is that vendor's own data
 * source class. Replacing such a client with the shared pool would run this vendor's SQL against
 * the test database (seen migrating a suite whose SQL Server tests, skipped where no SQL Server
 * runs, then ran and failed), so the fix is withheld there.
 */
final class ForeignDatabase {
  /** The JDBC subprotocols of the databases {@code poolguard-runtime} serves as the shared pool. */
  private static final ImmutableSet<String> SERVED =
      ImmutableSet.of("postgresql", "mariadb", "mysql", "h2");

  /** Vendor data source classes, and the subprotocol their URLs would carry. */
  private static final ImmutableMap<String, String> VENDOR_DATA_SOURCES =
      ImmutableMap.of(
          "com.microsoft.sqlserver.jdbc.SQLServerDataSource", "jdbc:sqlserver:",
          "oracle.jdbc.pool.OracleDataSource", "jdbc:oracle:",
          "oracle.jdbc.datasource.impl.OracleDataSource", "jdbc:oracle:");

  private static final Matcher<ExpressionTree> PROPERTY_WITH_DEFAULT =
      staticMethod()
          .onClass("java.lang.System")
          .named("getProperty")
          .withParameters("java.lang.String", "java.lang.String");

  private ForeignDatabase() {}

  /** {@code "a jdbc:jtds: database"} when the client built at {@code tree} is for one. */
  static Optional<String> named(ExpressionTree tree, MethodSymbol method, VisitorState state) {
    if (tree instanceof NewClassTree) {
      String vendor = VENDOR_DATA_SOURCES.get(method.owner.getQualifiedName().toString());
      if (vendor != null) {
        return Optional.of("a " + vendor + " database");
      }
    }
    if (!(tree instanceof MethodInvocationTree call) || call.getArguments().isEmpty()) {
      return Optional.empty();
    }
    String url = knownValue(call.getArguments().get(0), state);
    return url == null ? Optional.empty() : foreignPrefix(url).map(p -> "a " + p + " database");
  }

  /** {@code jdbc:jtds:} for {@code jdbc:jtds:sqlserver://…}; nothing for a served database. */
  static Optional<String> foreignPrefix(String url) {
    String lower = url.strip().toLowerCase(Locale.ROOT);
    if (!lower.startsWith("jdbc:")) {
      return Optional.empty();
    }
    String[] parts = lower.split(":", -1);
    if (parts.length < 3) {
      return Optional.empty();
    }
    // Testcontainers' jdbc:tc:postgresql: names the database in its next part.
    String subprotocol = parts[1].equals("tc") && parts.length > 3 ? parts[2] : parts[1];
    return SERVED.contains(subprotocol)
        ? Optional.empty()
        : Optional.of("jdbc:" + subprotocol + ":");
  }

  /** The string {@code expression} evidently holds, or {@code null} when it is not known here. */
  private static @Nullable String knownValue(ExpressionTree expression, VisitorState state) {
    String constant = ASTHelpers.constValue(expression, String.class);
    if (constant != null) {
      return constant;
    }
    if (expression instanceof MethodInvocationTree call
        && PROPERTY_WITH_DEFAULT.matches(call, state)) {
      return knownValue(call.getArguments().get(1), state);
    }
    if (expression instanceof IdentifierTree) {
      Symbol local = ASTHelpers.getSymbol(expression);
      if (local != null && !local.getKind().isField() && ASTHelpers.isConsideredFinal(local)) {
        ExpressionTree initializer = initializerOf(local, state);
        return initializer == null ? null : knownValue(initializer, state);
      }
    }
    return null;
  }

  /** The initialiser of the final local {@code local}, declared in the enclosing method. */
  private static @Nullable ExpressionTree initializerOf(Symbol local, VisitorState state) {
    TreePath method = state.findPathToEnclosing(MethodTree.class);
    if (method == null) {
      return null;
    }
    ExpressionTree[] found = new ExpressionTree[1];
    new TreeScanner<Void, Void>() {
      @Override
      public @Nullable Void visitVariable(VariableTree variable, Void unused) {
        if (local.equals(ASTHelpers.getSymbol(variable))) {
          found[0] = variable.getInitializer();
        }
        return super.visitVariable(variable, null);
      }
    }.scan(method.getLeaf(), null);
    return found[0];
  }
}
