package dev.poolguard.checks.clients;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import dev.poolguard.checks.common.StatementDeletion;
import dev.poolguard.checks.common.TestFrameworks;
import dev.poolguard.checks.common.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the fix must also change when the pool it replaces lives in a field: the class's teardown
 * ends that pool ({@code ((HikariDataSource) dataSource).close()} in {@code @AfterAll}), and once
 * the field holds the shared pool that teardown would end, or fail to cast, the shared pool. The
 * fix deletes those teardown statements with the replacement, so one patch pass leaves a suite that
 * runs; it is withheld when the field is cast or unwrapped to the pool type anywhere else, where
 * the shared pool would not fit at run time.
 */
final class RewiredField {
  /** The statements to delete with the replacement, or why there is no certain fix. */
  record Outcome(ImmutableList<SuggestedFix> deletions, @Nullable String withheldBecause) {}

  private static final Outcome NOTHING_ELSE = new Outcome(ImmutableList.of(), null);

  private RewiredField() {}

  /** For the client created at {@code state.getPath()}. */
  static Outcome of(VisitorState state) {
    Symbol field = storedField(state.getPath());
    if (field == null) {
      return NOTHING_ELSE;
    }
    Uses uses = new Uses(field, state);
    uses.scan(new TreePath(state.getPath().getCompilationUnit()), null);
    return uses.outcome();
  }

  /** The field the created value is assigned to (or initialises), if it is stored directly. */
  private static @Nullable Symbol storedField(TreePath creation) {
    TreePath parent = Trees.outsideParentheses(creation).getParentPath();
    Tree leaf = parent == null ? null : parent.getLeaf();
    Symbol stored = null;
    if (leaf instanceof VariableTree variable) {
      stored = ASTHelpers.getSymbol(variable);
    } else if (leaf instanceof AssignmentTree assignment) {
      stored = ASTHelpers.getSymbol(assignment.getVariable());
    }
    return stored != null && stored.getKind().isField() ? stored : null;
  }

  private static final class Uses extends TreePathScanner<Void, Void> {
    private final Symbol field;
    private final VisitorState state;
    private final List<SuggestedFix> deletions = new ArrayList<>();
    private @Nullable String withheldBecause;

    Uses(Symbol field, VisitorState state) {
      this.field = field;
      this.state = state;
    }

    Outcome outcome() {
      return withheldBecause != null
          ? new Outcome(ImmutableList.of(), withheldBecause)
          : new Outcome(ImmutableList.copyOf(deletions), null);
    }

    @Override
    public @Nullable Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
      if (isOnField(call) && isInTeardown()) {
        Optional<SuggestedFix> deletion =
            StatementDeletion.deleteStatementOf(getCurrentPath(), state);
        if (deletion.isPresent()) {
          deletions.add(deletion.get());
          return null; // its casts go with it
        }
        withhold("the teardown uses '" + field.getSimpleName() + "' inside a larger expression");
      } else if (isOnField(call) && isUnwrap(call)) {
        withhold("'" + field.getSimpleName() + "' is unwrapped to its pool type");
      }
      return super.visitMethodInvocation(call, null);
    }

    @Override
    public @Nullable Void visitTypeCast(TypeCastTree cast, Void unused) {
      if (field.equals(ASTHelpers.getSymbol(Trees.stripCasts(cast.getExpression())))) {
        withhold(
            "'" + field.getSimpleName() + "' is cast to " + state.getSourceForNode(cast.getType()));
      }
      return super.visitTypeCast(cast, null);
    }

    /** {@code field.close()}, {@code ((HikariDataSource) field).close()}. */
    private boolean isOnField(MethodInvocationTree call) {
      return call.getMethodSelect() instanceof MemberSelectTree select
          && field.equals(ASTHelpers.getSymbol(Trees.stripCasts(select.getExpression())));
    }

    private static boolean isUnwrap(MethodInvocationTree call) {
      Symbol method = ASTHelpers.getSymbol(call);
      return method != null && method.getSimpleName().contentEquals("unwrap");
    }

    private boolean isInTeardown() {
      for (Tree enclosing : getCurrentPath()) {
        if (enclosing instanceof MethodTree method) {
          Symbol symbol = ASTHelpers.getSymbol(method);
          return symbol != null && TestFrameworks.isTeardownMethod(symbol, state);
        }
      }
      return false;
    }

    private void withhold(String reason) {
      if (withheldBecause == null) {
        withheldBecause = reason;
      }
    }
  }
}
