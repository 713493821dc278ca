package dev.poolguard.checks.leaks;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import org.jspecify.annotations.Nullable;

/**
 * A resource a call borrows: its type as the call declares it and where it comes from, which
 * decides how it is given back and what the message advises.
 *
 * @param type the type the borrowing call returns
 * @param origin the kind of API that lent it
 * @param helper the method of the compilation that hands it out, when the call is to such a helper
 */
record Resource(Type type, Origin origin, @Nullable MethodSymbol helper) {
  enum Origin {
    DATA_SOURCE,
    SPRING_UTILS,
    JDBI,
    ADDITIONAL,
  }

  static Resource of(MethodSymbol method, Origin origin, VisitorState state) {
    return new Resource(state.getTypes().erasure(method.getReturnType()), origin, null);
  }

  Resource viaHelper(MethodSymbol method) {
    return new Resource(type, origin, helper == null ? method : helper);
  }

  /** The type's simple name: {@code Connection}, {@code Handle}. */
  String typeName() {
    return type.tsym.getSimpleName().toString();
  }

  boolean isHandle() {
    return type.tsym.getQualifiedName().contentEquals("org.jdbi.v3.core.Handle");
  }

  /** What to write instead, in the message. */
  String advice() {
    return switch (origin) {
      case SPRING_UTILS ->
          "Give it back with DataSourceUtils.releaseConnection(connection, dataSource) in a finally"
              + " block (it closes the connection unless a Spring transaction owns it)";
      case JDBI ->
          "Borrow it in try-with-resources (try (Handle handle = jdbi.open()) { ... }), or let Jdbi"
              + " give it back: jdbi.useHandle(handle -> ...) / jdbi.withHandle(handle -> ...)";
      case DATA_SOURCE, ADDITIONAL ->
          isHandle()
              ? "Borrow it in try-with-resources: try (Handle handle = ...) { ... }"
              : String.format(
                  "Borrow it in try-with-resources: try (%s %s = ...) { ... }",
                  typeName(), variableName());
    };
  }

  /** The name a fix gives the resource when it has none: {@code connection}, {@code handle}. */
  String variableName() {
    String simple = typeName();
    if (simple.endsWith("Connection")) {
      return "connection";
    }
    if (simple.endsWith("Handle")) {
      return "handle";
    }
    return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
  }
}
