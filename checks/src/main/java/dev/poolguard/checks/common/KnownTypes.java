package dev.poolguard.checks.common;

import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Type;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Types named by a string that may be absent from a compilation's classpath (Jdbi's {@code Handle}
 * in a project without Jdbi, a class a flag names), looked up once per compilation, their absence
 * included. Error Prone's {@code Suppliers.typeFromString} keeps only a type it found: for an
 * absent class every call looks it up again, which made the leak check's per-method helper test pay
 * a classpath look-up for every method of a suite without Jdbi.
 *
 * <p>Internal: public only so that the checks' feature packages can use it. Not an API.
 */
public final class KnownTypes {
  private KnownTypes() {}

  /** The type named {@code name} ({@code Optional.empty()} where the compilation has none). */
  public static Supplier<Optional<Type>> named(String name) {
    return VisitorState.memoize(state -> Optional.ofNullable(state.getTypeFromString(name)));
  }

  /** Whether {@code type} is a subtype of {@code target}'s type, when the compilation has one. */
  public static boolean isSubtypeOf(
      @Nullable Type type, Supplier<Optional<Type>> target, VisitorState state) {
    Optional<Type> resolved = target.get(state);
    return type != null
        && resolved.isPresent()
        && ASTHelpers.isSubtype(type, resolved.get(), state);
  }
}
