package dev.poolguard.checks.clients;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import dev.poolguard.checks.common.RuntimeApi;
import dev.poolguard.checks.common.TreePaths;
import java.util.List;
import java.util.Optional;

/**
 * The fix for a per-test client: borrow from {@code SharedTestDataSource.get()} instead. Offered
 * only when the runtime is on the compile classpath and the replacement provably fits where the
 * client was used; a fix that does not compile is worse than none.
 */
final class SharedClientFix {
  private SharedClientFix() {}

  static Optional<SuggestedFix> forClient(
      ExpressionTree tree, MethodSymbol method, ClientKind kind, VisitorState state) {
    if (tree instanceof MemberReferenceTree
        || !RuntimeApi.isOnClasspath(RuntimeApi.SHARED_TEST_DATA_SOURCE, state)) {
      return Optional.empty();
    }
    switch (kind) {
      case POOL:
        return replaceWhole(tree, "javax.sql.DataSource", ".get()", state);
      case CONNECTION:
        return replaceWhole(tree, "java.sql.Connection", ".get().getConnection()", state);
      case CLIENT:
        return replaceUrlArguments(tree, method, state);
    }
    throw new AssertionError(kind);
  }

  /** {@code new HikariDataSource(config)} becomes {@code SharedTestDataSource.get()}. */
  private static Optional<SuggestedFix> replaceWhole(
      ExpressionTree tree, String replacementType, String call, VisitorState state) {
    Type type = state.getTypeFromString(replacementType);
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
    if (!(tree instanceof MethodInvocationTree)
        || ClientCatalog.dataSourceOverload(method, state).isEmpty()) {
      return Optional.empty();
    }
    List<? extends ExpressionTree> arguments = ((MethodInvocationTree) tree).getArguments();
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
    TreePath expression = TreePaths.outsideParentheses(state.getPath());
    Tree child = expression.getLeaf();
    TreePath parentPath = expression.getParentPath();
    if (parentPath == null) {
      return false;
    }
    Tree parent = parentPath.getLeaf();
    Type target = null;
    if (parent instanceof VariableTree && ((VariableTree) parent).getInitializer() == child) {
      target = ASTHelpers.getType(parent);
    } else if (parent instanceof AssignmentTree
        && ((AssignmentTree) parent).getExpression() == child) {
      target = ASTHelpers.getType(((AssignmentTree) parent).getVariable());
    } else if (parent instanceof ReturnTree) {
      target = enclosingMethodReturnType(parentPath);
    } else if (parent instanceof MethodInvocationTree || parent instanceof NewClassTree) {
      target = parameterType(parent, child);
    } else if (parent instanceof MemberSelectTree) {
      // Used as a receiver: fine when the replacement type has the selected method too.
      return hasMethod(type, ASTHelpers.getSymbol(parent), state);
    }
    return target != null && state.getTypes().isAssignable(type, state.getTypes().erasure(target));
  }

  /**
   * Whether {@code type} declares or inherits a method with {@code member}'s name and signature.
   */
  private static boolean hasMethod(Type type, Symbol member, VisitorState state) {
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

  private static Type enclosingMethodReturnType(TreePath returnPath) {
    for (TreePath p = returnPath; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf.getKind() == Tree.Kind.LAMBDA_EXPRESSION) {
        return null;
      }
      if (leaf instanceof MethodTree) {
        MethodSymbol method = ASTHelpers.getSymbol((MethodTree) leaf);
        return method == null ? null : method.getReturnType();
      }
    }
    return null;
  }

  private static Type parameterType(Tree call, Tree argument) {
    List<? extends ExpressionTree> arguments =
        call instanceof MethodInvocationTree
            ? ((MethodInvocationTree) call).getArguments()
            : ((NewClassTree) call).getArguments();
    Symbol symbol = ASTHelpers.getSymbol(call);
    int index = arguments.indexOf(argument);
    if (!(symbol instanceof MethodSymbol) || index < 0) {
      return null;
    }
    MethodSymbol method = (MethodSymbol) symbol;
    if (method.isVarArgs() || index >= method.getParameters().size()) {
      return null;
    }
    return method.getParameters().get(index).type;
  }
}
