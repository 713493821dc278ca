package dev.poolguard.checks.leaks;

import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.util.Name;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The checked exceptions a resource's {@code close()} throws, and whether the code a fix adds the
 * call to handles them: a fix that adds a {@code close()} must still compile.
 */
final class CloseExceptions {
  private static final Supplier<Name> CLOSE = VisitorState.memoize(s -> s.getName("close"));

  private CloseExceptions() {}

  /** Whether every checked exception of the resource's {@code close()} is caught or declared. */
  static boolean handledAt(Resource resource, TreePath at, VisitorState state) {
    MethodSymbol close = closeMethod(resource.type(), state);
    if (close == null) {
      return false;
    }
    for (Type thrown : close.getThrownTypes()) {
      if (!isUnchecked(thrown, state) && !isHandled(thrown, at, state)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code method} declares every checked exception of the resource's {@code close()}. */
  static boolean declaredBy(MethodTree method, Resource resource, VisitorState state) {
    MethodSymbol close = closeMethod(resource.type(), state);
    if (close == null) {
      return false;
    }
    List<Type> declared = ASTHelpers.getSymbol(method).getThrownTypes();
    for (Type thrown : close.getThrownTypes()) {
      if (!isUnchecked(thrown, state)
          && declared.stream().noneMatch(t -> ASTHelpers.isSubtype(thrown, t, state))) {
        return false;
      }
    }
    return true;
  }

  private static @Nullable MethodSymbol closeMethod(Type type, VisitorState state) {
    Types types = state.getTypes();
    MethodSymbol best = null;
    for (Symbol member : types.membersClosure(type, false).getSymbolsByName(CLOSE.get(state))) {
      if (member instanceof MethodSymbol method
          && method.getParameters().isEmpty()
          && (best == null
              || types.isSubtype(
                  types.erasure(method.owner.type), types.erasure(best.owner.type)))) {
        best = method;
      }
    }
    return best;
  }

  private static boolean isUnchecked(Type thrown, VisitorState state) {
    Symtab symtab = state.getSymtab();
    return ASTHelpers.isSubtype(thrown, symtab.runtimeExceptionType, state)
        || ASTHelpers.isSubtype(thrown, symtab.errorType, state);
  }

  private static boolean isHandled(Type thrown, TreePath at, VisitorState state) {
    Tree child = at.getLeaf();
    for (TreePath p = at.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof TryTree tryTree && tryTree.getBlock() == child) {
        for (var catchTree : tryTree.getCatches()) {
          Type caught = ASTHelpers.getType(catchTree.getParameter());
          if (caught != null && catches(caught, thrown, state)) {
            return true;
          }
        }
      }
      if (leaf instanceof LambdaExpressionTree lambda) {
        Type type = ASTHelpers.getType(lambda);
        Type descriptor = type == null ? null : state.getTypes().findDescriptorType(type);
        return descriptor != null
            && descriptor.getThrownTypes().stream()
                .anyMatch(t -> ASTHelpers.isSubtype(thrown, t, state));
      }
      if (leaf instanceof MethodTree method) {
        return ASTHelpers.getSymbol(method).getThrownTypes().stream()
            .anyMatch(t -> ASTHelpers.isSubtype(thrown, t, state));
      }
      if (leaf instanceof ClassTree) {
        return false;
      }
      child = leaf;
    }
    return false;
  }

  private static boolean catches(Type caught, Type thrown, VisitorState state) {
    if (caught instanceof Type.UnionClassType union) {
      for (Type alternative : union.getAlternativeTypes()) {
        if (ASTHelpers.isSubtype(thrown, alternative, state)) {
          return true;
        }
      }
      return false;
    }
    return ASTHelpers.isSubtype(thrown, caught, state);
  }
}
