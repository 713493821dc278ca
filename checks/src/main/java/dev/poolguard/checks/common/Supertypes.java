package dev.poolguard.checks.common;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Type;
import java.util.HashMap;
import java.util.Map;

/**
 * The qualified names of a type and all its supertypes (the one supertype closure of the checks),
 * computed once per class per compilation: recognising a pool, a client or a listed factory asks it
 * for the same few hundred classes over and over.
 *
 * <p>Internal: public only so that the checks' feature packages can use it. Not an API.
 */
public final class Supertypes {
  private static final Supplier<Map<TypeSymbol, ImmutableSet<String>>> NAMES =
      VisitorState.memoize(unused -> new HashMap<>());

  private Supertypes() {}

  /** The qualified names of {@code type}'s class and of every class and interface above it. */
  public static ImmutableSet<String> names(Type type, VisitorState state) {
    TypeSymbol symbol = type.tsym;
    if (symbol == null) {
      return ImmutableSet.of();
    }
    return NAMES
        .get(state)
        .computeIfAbsent(
            symbol,
            s -> {
              ImmutableSet.Builder<String> names = ImmutableSet.builder();
              for (Type supertype : state.getTypes().closure(s.type)) {
                names.add(supertype.tsym.getQualifiedName().toString());
              }
              return names.build();
            });
  }

  /** Whether {@code type} is, or is a subtype of, any of {@code qualifiedNames}. */
  public static boolean anyOf(Type type, ImmutableSet<String> qualifiedNames, VisitorState state) {
    for (String name : names(type, state)) {
      if (qualifiedNames.contains(name)) {
        return true;
      }
    }
    return false;
  }
}
