package dev.poolguard.checks.leaks;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.poolguard.checks.common.KnownTypes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The statements of a block that a try-with-resources over a local borrow must cover, from its
 * declaration to the last use of it (or of what dies with it), and why they cannot become one.
 */
final class TryBlockSpan {
  private TryBlockSpan() {}

  /**
   * The index of the last statement to wrap: the last that uses {@code variable}, declared at
   * {@code declared}, once the uses of what dies with it are included.
   */
  static int lastStatement(
      List<? extends StatementTree> statements,
      int declared,
      VarSymbol variable,
      VisitorState state) {
    int last = declared;
    for (int i = declared + 1; i < statements.size(); i++) {
      if (References.count(statements.get(i), variable) > 0) {
        last = i;
      }
    }
    return extendOverDependentResources(statements, declared, last, state);
  }

  /**
   * The last statement to wrap once the uses of statements, result sets and other resources
   * declared in the wrapped statements are included: they die with the connection, so their uses
   * belong inside the try block too ({@code PreparedStatement insert = c.prepareStatement(..)}
   * followed by {@code insert.executeUpdate()}).
   */
  private static int extendOverDependentResources(
      List<? extends StatementTree> statements, int declared, int last, VisitorState state) {
    int end = last;
    Set<Symbol> resources = new HashSet<>();
    for (int i = declared + 1; i < statements.size(); i++) {
      if (i <= end
          && statements.get(i) instanceof VariableTree local
          && KnownTypes.isSubtypeOf(
              ASTHelpers.getSymbol(local).type, Acquirers.AUTO_CLOSEABLE_TYPE, state)) {
        resources.add(ASTHelpers.getSymbol(local));
      }
      if (i > end) {
        StatementTree statement = statements.get(i);
        if (resources.stream().anyMatch(r -> References.count(statement, r) > 0)) {
          end = i;
          i = declared; // a newly wrapped statement may declare further resources
        }
      }
    }
    return end;
  }

  /** Why statements {@code declared..last} cannot become a try block, or null if they can. */
  static @Nullable String blocker(
      List<? extends StatementTree> statements, int declared, int last, VarSymbol variable) {
    Set<Symbol> declaredInside = new HashSet<>();
    declaredInside.add(variable);
    for (int i = declared; i <= last; i++) {
      StatementTree statement = statements.get(i);
      if (statement instanceof VariableTree local) {
        declaredInside.add(ASTHelpers.getSymbol(local));
      } else if (statement instanceof ClassTree local) {
        declaredInside.add(ASTHelpers.getSymbol(local));
      }
      if (i > declared) {
        String reason = new TryBlockBlocker(variable, declaredInside).find(statement);
        if (reason != null) {
          return reason;
        }
      }
    }
    for (int i = last + 1; i < statements.size(); i++) {
      for (Symbol inside : declaredInside) {
        if (References.count(statements.get(i), inside) > 0) {
          return String.format(
              "'%s', declared between the borrow and its last use, is used after it, so a try block"
                  + " would take it out of scope",
              inside.getSimpleName());
        }
      }
    }
    return null;
  }
}
