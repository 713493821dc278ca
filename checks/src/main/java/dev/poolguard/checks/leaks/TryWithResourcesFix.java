package dev.poolguard.checks.leaks;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.util.ASTHelpers;
import com.google.errorprone.util.FindIdentifiers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.poolguard.checks.common.KnownTypes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one fix the check offers, try-with-resources over the use, made only where it compiles and
 * keeps the code's meaning; otherwise the reason there is none, for the message.
 */
final class TryWithResourcesFix {
  /** A fix, or why there is none. */
  record Outcome(@Nullable SuggestedFix fix, String reason) {
    static Outcome of(SuggestedFix fix) {
      return new Outcome(fix, "");
    }

    static Outcome none(String reason) {
      return new Outcome(null, reason);
    }
  }

  private TryWithResourcesFix() {}

  /**
   * For a borrow that is discarded or only a chain receiver: {@code ds.getConnection().close()} for
   * a bare statement, else try-with-resources around the statement with the borrow named.
   */
  static Outcome forDiscarded(TreePath borrow, Resource resource, VisitorState state) {
    String unfixable = unfixableResource(resource, state);
    if (unfixable != null) {
      return Outcome.none(unfixable);
    }
    TreePath current = borrow;
    while (!(current.getParentPath().getLeaf() instanceof ExpressionStatementTree)) {
      TreePath parent = current.getParentPath();
      if (!EvaluationOrder.isHoistableFrom(current.getLeaf(), parent)) {
        return Outcome.none(
            "the borrow is evaluated inside a condition, an operand or a lambda, which a try block"
                + " cannot wrap without changing when it runs");
      }
      current = parent;
    }
    TreePath statement = current.getParentPath();
    if (!(statement.getParentPath().getLeaf() instanceof BlockTree)) {
      return Outcome.none("its statement is not directly in a block");
    }
    if (!CloseExceptions.handledAt(resource, statement, state)) {
      return Outcome.none(
          "close() would throw a checked exception that the enclosing code does not handle");
    }
    Tree call = borrow.getLeaf();
    if (ASTHelpers.stripParentheses((ExpressionTree) current.getLeaf()) == call) {
      return Outcome.of(SuggestedFix.postfixWith(call, ".close()"));
    }
    CharSequence source = state.getSourceCode();
    int statementStart = ASTHelpers.getStartPosition(statement.getLeaf());
    int statementEnd = state.getEndPosition(statement.getLeaf());
    int callStart = ASTHelpers.getStartPosition(call);
    int callEnd = state.getEndPosition(call);
    if (source == null || statementEnd < 0 || callEnd < 0) {
      return Outcome.none("the source positions of the statement are not known");
    }
    String name = freshName(resource.variableName(), borrow, state);
    SuggestedFix.Builder fix = SuggestedFix.builder();
    String type = SuggestedFixes.qualifyType(state, fix, resource.type());
    String indent = Indentation.of(source, statementStart);
    String body =
        source.subSequence(statementStart, callStart)
            + name
            + source.subSequence(callEnd, statementEnd);
    String replacement =
        String.format(
            "try (%s %s = %s) {\n%s%s%s\n%s}",
            type,
            name,
            source.subSequence(callStart, callEnd),
            indent,
            Indentation.STEP,
            Indentation.deeper(body),
            indent);
    return Outcome.of(fix.replace(statementStart, statementEnd, replacement).build());
  }

  /**
   * For a local declared with the borrow: try-with-resources from the declaration to the last
   * statement of its block that uses it.
   */
  static Outcome forLocal(TreePath borrow, Use stored, Resource resource, VisitorState state) {
    String unfixable = unfixableResource(resource, state);
    if (unfixable != null) {
      return Outcome.none(unfixable);
    }
    if (!(stored.site().getLeaf() instanceof VariableTree declaration)) {
      return Outcome.none(
          "the variable is declared before it is borrowed into; declare it where it is borrowed");
    }
    TreePath blockPath = stored.site().getParentPath();
    if (!(blockPath.getLeaf() instanceof BlockTree block)) {
      return Outcome.none("its declaration is not directly in a block");
    }
    VarSymbol variable = ASTHelpers.getSymbol(declaration);
    List<? extends StatementTree> statements = block.getStatements();
    int declared = statements.indexOf(declaration);
    int last = TryBlockSpan.lastStatement(statements, declared, variable, state);
    String reason = TryBlockSpan.blocker(statements, declared, last, variable);
    if (reason != null) {
      return Outcome.none(reason);
    }
    if (!CloseExceptions.handledAt(resource, stored.site(), state)) {
      return Outcome.none(
          "close() would throw a checked exception that the enclosing code does not handle");
    }
    CharSequence source = state.getSourceCode();
    int start = ASTHelpers.getStartPosition(declaration);
    int declarationEnd = state.getEndPosition(declaration);
    int end = state.getEndPosition(statements.get(last));
    if (source == null || declarationEnd < 0 || end < 0) {
      return Outcome.none("the source positions of the statements are not known");
    }
    String declarationText = source.subSequence(start, declarationEnd).toString().trim();
    if (!declarationText.endsWith(";")) {
      return Outcome.none("the declaration declares more than one variable");
    }
    declarationText = declarationText.substring(0, declarationText.length() - 1).trim();
    if (last == declared) {
      // Never used: borrow and give back at once.
      ExpressionTree initializer = declaration.getInitializer();
      return Outcome.of(
          SuggestedFix.replace(
              start, declarationEnd, state.getSourceForNode(initializer) + ".close();"));
    }
    String replacement =
        String.format(
            "try (%s) {%s\n%s}",
            declarationText,
            Indentation.deeper(source.subSequence(declarationEnd, end).toString()),
            Indentation.of(source, start));
    return Outcome.of(SuggestedFix.replace(start, end, replacement));
  }

  private static @Nullable String unfixableResource(Resource resource, VisitorState state) {
    if (resource.origin() == Resource.Origin.SPRING_UTILS) {
      return "a connection from DataSourceUtils may be bound to a Spring transaction, which"
          + " closing it would break; release it with DataSourceUtils.releaseConnection";
    }
    if (!KnownTypes.isSubtypeOf(resource.type(), Acquirers.AUTO_CLOSEABLE_TYPE, state)) {
      return resource.typeName() + " is not AutoCloseable";
    }
    return null;
  }

  /** The base name, or it followed by 2, 3, ...: the first not visible or declared nearby. */
  private static String freshName(String base, TreePath at, VisitorState state) {
    Set<String> taken = new HashSet<>();
    Tree scope = at.getLeaf();
    for (TreePath p = at; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree || p.getLeaf() instanceof ClassTree) {
        scope = p.getLeaf();
        break;
      }
    }
    new TreeScanner<@Nullable Void, @Nullable Void>() {
      @Override
      public @Nullable Void visitVariable(VariableTree tree, @Nullable Void unused) {
        taken.add(tree.getName().toString());
        return super.visitVariable(tree, null);
      }

      @Override
      public @Nullable Void visitIdentifier(IdentifierTree tree, @Nullable Void unused) {
        taken.add(tree.getName().toString());
        return null;
      }
    }.scan(scope, null);
    String name = base;
    // Each candidate resolved where the borrow is: listing every visible variable instead
    // (FindIdentifiers.findAllIdents) cost more than the rest of the fix.
    for (int i = 2; taken.contains(name) || FindIdentifiers.findIdent(name, state) != null; i++) {
      name = base + i;
    }
    return name;
  }
}
