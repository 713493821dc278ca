package dev.poolguard.checks.keys;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.util.Name;
import dev.poolguard.checks.common.MemberName;
import dev.poolguard.checks.common.RuntimeApi;
import java.util.Objects;

/**
 * The methods whose results are unique per run: {@code UniqueSlugs}' and those named by {@code
 * HardcodedTestSlug:UniqueFactories}. A value they return is never a fixed key.
 */
final class UniqueFactories {
  // Interned per compilation, so that an owner's name is compared by identity: JDK 17's
  // Name.contentEquals decodes a new string on every call.
  private static final Supplier<Name> UNIQUE_SLUGS_NAME =
      VisitorState.memoize(state -> state.getName(RuntimeApi.UNIQUE_SLUGS));

  private final ImmutableList<MemberName> configured;

  UniqueFactories(ImmutableList<MemberName> configured) {
    this.configured = configured;
  }

  /** {@code UniqueSlugs}' name in {@code state}'s compilation, fetched once per unit. */
  static Name uniqueSlugsName(VisitorState state) {
    return UNIQUE_SLUGS_NAME.get(state);
  }

  boolean isFactory(MethodSymbol method, Name uniqueSlugs, VisitorState state) {
    if (method.owner != null && Objects.equals(method.owner.getQualifiedName(), uniqueSlugs)) {
      return true;
    }
    for (MemberName factory : configured) {
      if (factory.matches(method, state)) {
        return true;
      }
    }
    return false;
  }
}
