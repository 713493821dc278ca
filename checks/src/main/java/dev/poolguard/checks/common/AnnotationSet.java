package dev.poolguard.checks.common;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Symbol;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Annotations named by their qualified names (so that the frameworks that declare them need not be
 * on the processor path), and whether a symbol carries one: directly or through one level of
 * meta-annotation (JUnit 5 composed annotations such as a team's own {@code @IntegrationTest}).
 *
 * <p>Each annotation type is decided once per compilation. Deciding whether a file is test code
 * asks this of every method of every class of the main code, and a project uses a few dozen
 * annotation types: by name each time, every annotation's name was decoded and hashed again.
 *
 * <p>Internal: public only so that the checks' feature packages can use it. Not an API.
 */
public final class AnnotationSet {
  private final ImmutableSet<String> names;
  // Per annotation type: whether it is one of the names or meta-annotated with one.
  private final Supplier<Map<Symbol, Boolean>> decided =
      VisitorState.memoize(unused -> new IdentityHashMap<>());

  private AnnotationSet(ImmutableSet<String> names) {
    this.names = names;
  }

  public static AnnotationSet of(String... qualifiedNames) {
    return new AnnotationSet(ImmutableSet.copyOf(qualifiedNames));
  }

  /** The annotations of all of {@code sets}. */
  public static AnnotationSet union(AnnotationSet... sets) {
    ImmutableSet.Builder<String> names = ImmutableSet.builder();
    for (AnnotationSet set : sets) {
      names.addAll(set.names);
    }
    return new AnnotationSet(names.build());
  }

  /** Whether {@code symbol} carries one of the annotations, directly or as a meta-annotation. */
  public boolean isOn(Symbol symbol, VisitorState state) {
    List<Attribute.Compound> annotations = symbol.getAnnotationMirrors();
    if (annotations.isEmpty()) {
      return false; // most members: decided without the compilation's map
    }
    Map<Symbol, Boolean> byType = decided.get(state);
    for (Attribute.Compound annotation : annotations) {
      Symbol type = annotation.type.tsym;
      if (type == null) {
        continue;
      }
      Boolean marks = byType.get(type);
      if (marks == null) {
        marks = marks(type);
        byType.put(type, marks);
      }
      if (marks) {
        return true;
      }
    }
    return false;
  }

  private boolean marks(Symbol annotationType) {
    String name = annotationType.getQualifiedName().toString();
    if (names.contains(name)) {
      return true;
    }
    if (name.startsWith("java.lang.")) {
      return false; // @Override, @Deprecated, @FunctionalInterface: never meta-annotated so
    }
    for (Attribute.Compound meta : annotationType.getAnnotationMirrors()) {
      if (meta.type.tsym != null && names.contains(meta.type.tsym.getQualifiedName().toString())) {
        return true;
      }
    }
    return false;
  }
}
