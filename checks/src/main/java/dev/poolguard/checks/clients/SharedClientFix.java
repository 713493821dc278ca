package dev.poolguard.checks.clients;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
import com.google.errorprone.util.ASTHelpers;
import com.google.errorprone.util.TargetType;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import dev.poolguard.checks.common.RuntimeApi;
import dev.poolguard.checks.common.Trees;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The fix for a per-test client: borrow from {@code SharedTestDataSource.get()} instead. Offered
 * only when the runtime is on the compile classpath and the replacement provably fits where the
 * client was used; a fix that does not compile is worse than none.
 */
final class SharedClientFix {
  private static final Supplier<Type> DATA_SOURCE =
      Suppliers.typeFromString("javax.sql.DataSource");
  private static final Supplier<Type> CONNECTION = Suppliers.typeFromString("java.sql.Connection");

  private SharedClientFix() {}

  /** The fix, or none; {@code withheldBecause} says why when the reason is worth telling. */
  record Proposal(Optional<SuggestedFix> fix, @Nullable String withheldBecause) {
    static Proposal of(Optional<SuggestedFix> fix) {
      return new Proposal(fix, null);
    }

    static Proposal withheld(String reason) {
      return new Proposal(Optional.empty(), reason);
    }
  }

  static Proposal forClient(
      ExpressionTree tree, MethodSymbol method, ClientKind kind, VisitorState state) {
    if (tree instanceof MemberReferenceTree
        || !RuntimeApi.isOnClasspath(RuntimeApi.SHARED_TEST_DATA_SOURCE, state)) {
      return Proposal.of(Optional.empty());
    }
    Optional<String> vendor = ForeignDatabase.named(tree, method, state);
    if (vendor.isPresent()) {
      return Proposal.withheld(
          "it connects to "
              + vendor.get()
              + ", which the shared pool does not serve; replacing it would run this code"
              + " against another database");
    }
    return switch (kind) {
      case POOL, UNPOOLED_DATA_SOURCE -> replacePool(tree, state);
      case CONNECTION ->
          Proposal.of(replaceWhole(tree, CONNECTION, ".get().getConnection()", state));
      case CLIENT -> Proposal.of(replaceUrlArguments(tree, method, state));
    };
  }

  /**
   * The pool becomes the shared one; a teardown that ended it, when it was stored in a field, goes
   * with it (see {@link RewiredField}).
   */
  private static Proposal replacePool(ExpressionTree tree, VisitorState state) {
    Optional<SuggestedFix> replacement = replaceWhole(tree, DATA_SOURCE, ".get()", state);
    if (replacement.isEmpty()) {
      return Proposal.of(replacement);
    }
    RewiredField.Outcome field = RewiredField.of(state);
    if (field.withheldBecause() != null) {
      return Proposal.withheld(field.withheldBecause());
    }
    SuggestedFix.Builder fix = replacement.get().toBuilder();
    field.deletions().forEach(fix::merge);
    return Proposal.of(Optional.of(fix.build()));
  }

  /** {@code new HikariDataSource(config)} becomes {@code SharedTestDataSource.get()}. */
  private static Optional<SuggestedFix> replaceWhole(
      ExpressionTree tree, Supplier<Type> replacementType, String call, VisitorState state) {
    Type type = replacementType.get(state);
    if (type == null || !fitsContext(type, state)) {
      return Optional.empty();
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    String holder = SuggestedFixes.qualifyType(state, fix, RuntimeApi.SHARED_TEST_DATA_SOURCE);
    return Optional.of(fix.replace(tree, holder + call).build());
  }

  /**
   * {@code Jdbi.create(url, user, password)} becomes {@code
   * Jdbi.create(SharedTestDataSource.get())}.
   */
  private static Optional<SuggestedFix> replaceUrlArguments(
      ExpressionTree tree, MethodSymbol method, VisitorState state) {
    if (!(tree instanceof MethodInvocationTree call)
        || ClientCatalog.dataSourceOverload(method, state).isEmpty()) {
      return Optional.empty();
    }
    List<? extends ExpressionTree> arguments = call.getArguments();
    if (arguments.isEmpty()) {
      return Optional.empty();
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    String holder = SuggestedFixes.qualifyType(state, fix, RuntimeApi.SHARED_TEST_DATA_SOURCE);
    int start = ASTHelpers.getStartPosition(arguments.get(0));
    int end = state.getEndPosition(arguments.get(arguments.size() - 1));
    return Optional.of(fix.replace(start, end, holder + ".get()").build());
  }

  /** Whether a value of {@code type} can stand where the flagged expression stands. */
  private static boolean fitsContext(Type type, VisitorState state) {
    TreePath expression = Trees.outsideParentheses(state.getPath());
    TreePath parent = expression.getParentPath();
    if (parent != null && parent.getLeaf() instanceof MemberSelectTree select) {
      // Used as a receiver: fine when the replacement type has the selected method too.
      return hasMethod(type, ASTHelpers.getSymbol(select), state);
    }
    TargetType target = TargetType.targetType(state);
    return target != null
        && state.getTypes().isAssignable(type, state.getTypes().erasure(target.type()));
  }

  /**
   * Whether {@code type} declares or inherits a method with {@code member}'s name and signature.
   */
  private static boolean hasMethod(Type type, @Nullable Symbol member, VisitorState state) {
    if (!(member instanceof MethodSymbol)) {
      return false;
    }
    Types types = state.getTypes();
    for (Type supertype : types.closure(type)) {
      for (Symbol candidate : supertype.tsym.members().getSymbolsByName(member.getSimpleName())) {
        if (candidate instanceof MethodSymbol
            && types.isSubSignature(types.erasure(member.type), types.erasure(candidate.type))) {
          return true;
        }
      }
    }
    return false;
  }
}
