package dev.poolguard.checks.leaks;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.google.errorprone.util.FindIdentifiers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.util.Name;
import dev.poolguard.checks.common.KnownTypes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one fix the check offers, try-with-resources over the use, made only where it compiles and
 * keeps the code's meaning; otherwise the reason there is none, for the message.
 */
final class TryWithResourcesFix {
  private static final Pattern LINE_START = Pattern.compile("(\\r?\\n)(?=[^\\r\\n])");
  static final String STEP = "  ";
  private static final Supplier<Name> CLOSE = VisitorState.memoize(s -> s.getName("close"));

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
      if (!isHoistableFrom(current.getLeaf(), parent)) {
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
    if (!closeExceptionsHandled(resource, statement, state)) {
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
    String indent = indentOf(source, statementStart);
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
            STEP,
            reindent(body),
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
    int last = declared;
    for (int i = declared + 1; i < statements.size(); i++) {
      if (References.count(statements.get(i), variable) > 0) {
        last = i;
      }
    }
    last = extendOverDependentResources(statements, declared, last, state);
    String reason = wrapBlocker(statements, declared, last, variable);
    if (reason != null) {
      return Outcome.none(reason);
    }
    if (!closeExceptionsHandled(resource, stored.site(), state)) {
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
            reindent(source.subSequence(declarationEnd, end).toString()),
            indentOf(source, start));
    return Outcome.of(SuggestedFix.replace(start, end, replacement));
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
  private static @Nullable String wrapBlocker(
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
        String reason = References.blocker(statement, variable, declaredInside);
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

  /** Whether the walk from {@code child} up to {@code parent} keeps the evaluation order. */
  private static boolean isHoistableFrom(Tree child, TreePath parentPath) {
    Tree parent = parentPath.getLeaf();
    if (parent instanceof ParenthesizedTree || parent instanceof TypeCastTree) {
      return true;
    }
    if (parent instanceof MemberSelectTree select && select.getExpression() == child) {
      return parentPath.getParentPath().getLeaf() instanceof MethodInvocationTree;
    }
    if (parent instanceof MethodInvocationTree call) {
      if (call.getMethodSelect() == child) {
        return true;
      }
      ExpressionTree select = call.getMethodSelect();
      boolean simpleReceiver =
          !(select instanceof MemberSelectTree member) || isInert(member.getExpression());
      return simpleReceiver && argumentsBeforeAreInert(call.getArguments(), child);
    }
    if (parent instanceof NewClassTree construction) {
      return construction.getEnclosingExpression() == null
          && construction.getClassBody() == null
          && argumentsBeforeAreInert(construction.getArguments(), child);
    }
    if (parent instanceof BinaryTree binary) {
      Tree.Kind kind = binary.getKind();
      boolean shortCircuit = kind == Tree.Kind.CONDITIONAL_AND || kind == Tree.Kind.CONDITIONAL_OR;
      return !shortCircuit
          && (binary.getLeftOperand() == child || isInert(binary.getLeftOperand()));
    }
    return false;
  }

  private static boolean argumentsBeforeAreInert(
      List<? extends ExpressionTree> arguments, Tree child) {
    for (ExpressionTree argument : arguments) {
      if (argument == child) {
        return true;
      }
      if (!isInert(argument)) {
        return false;
      }
    }
    return false;
  }

  /** An expression whose evaluation has no effect, so moving another before it changes nothing. */
  private static boolean isInert(ExpressionTree expression) {
    ExpressionTree stripped = ASTHelpers.stripParentheses(expression);
    return stripped instanceof LiteralTree
        || stripped instanceof IdentifierTree
        || (stripped instanceof MemberSelectTree select && isInert(select.getExpression()));
  }

  /** Whether every checked exception of the resource's {@code close()} is caught or declared. */
  private static boolean closeExceptionsHandled(
      Resource resource, TreePath at, VisitorState state) {
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
  static boolean closeExceptionsDeclared(Resource resource, MethodTree method, VisitorState state) {
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

  /** The whitespace that starts the line {@code position} is on. */
  static String indentOf(CharSequence source, int position) {
    int lineStart = position;
    while (lineStart > 0 && source.charAt(lineStart - 1) != '\n') {
      lineStart--;
    }
    int end = lineStart;
    while (end < source.length() && (source.charAt(end) == ' ' || source.charAt(end) == '\t')) {
      end++;
    }
    return source.subSequence(lineStart, end).toString();
  }

  /** One step deeper: every line after a line break gains {@link #STEP}, blank lines stay blank. */
  private static String reindent(String text) {
    return LINE_START.matcher(text).replaceAll("$1" + STEP);
  }
}
