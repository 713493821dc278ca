package dev.poolguard.checks.keys;

import static com.google.errorprone.util.ASTHelpers.isStatic;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.poolguard.checks.common.Trees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates an expression of one compilation unit to the string it always has, when it is fixed in
 * the source: a literal or text block, a compile-time constant ({@code static final} fields and
 * constant concatenations, through {@link ASTHelpers#constValue}), a local variable or field that
 * is never reassigned and is initialised with such a value, concatenations of those, and pure
 * {@code String} operations on them ({@code toLowerCase()}, {@code String.format(..)}, …). Anything
 * computed at run time (a method's return value, {@code UUID.randomUUID()}, {@code
 * System.nanoTime()}) has no value here.
 *
 * <p>One instance serves one compilation unit; its index of declarations and reassignments is built
 * on first use.
 */
final class ConstantStrings {
  private static final int MAX_DEPTH = 8;

  private final CompilationUnitTree unit;
  private @Nullable Index index;

  /** Declarations with an initializer, and the variables assigned after their declaration. */
  private record Index(Map<Symbol, VariableTree> declarations, Set<Symbol> reassigned) {}

  ConstantStrings(CompilationUnitTree unit) {
    this.unit = unit;
  }

  /** The fixed string {@code expression} evaluates to, or {@code null}. */
  @Nullable String stringValue(@Nullable ExpressionTree expression) {
    Object value = evaluate(expression, 0);
    return value instanceof String string ? string : null;
  }

  /**
   * The fixed value (a string, number, character or boolean) of {@code expression}, or {@code
   * null}.
   */
  private @Nullable Object evaluate(@Nullable ExpressionTree expression, int depth) {
    if (expression == null || depth > MAX_DEPTH) {
      return null;
    }
    ExpressionTree tree = Trees.stripCasts(expression);
    if (tree instanceof LiteralTree literal) {
      return literal.getValue();
    }
    Object constant = ASTHelpers.constValue(tree);
    if (constant != null) {
      return constant;
    }
    switch (tree.getKind()) {
      case IDENTIFIER, MEMBER_SELECT -> {
        return variableValue(tree, depth);
      }
      case PLUS -> {
        BinaryTree binary = (BinaryTree) tree;
        Object left = evaluate(binary.getLeftOperand(), depth + 1);
        Object right = left == null ? null : evaluate(binary.getRightOperand(), depth + 1);
        if (left == null || right == null) {
          return null;
        }
        return left instanceof String || right instanceof String ? "" + left + right : null;
      }
      case METHOD_INVOCATION -> {
        return stringOperation((MethodInvocationTree) tree, depth);
      }
      default -> {
        return null;
      }
    }
  }

  /** A local variable or field that is initialised with a fixed value and never assigned again. */
  private @Nullable Object variableValue(ExpressionTree tree, int depth) {
    Symbol symbol = ASTHelpers.getSymbol((Tree) tree);
    if (!(symbol instanceof VarSymbol variable)) {
      return null;
    }

    Object constant = variable.getConstantValue();
    if (constant != null) {
      return constant;
    }
    ElementKind kind = variable.getKind();
    if (kind != ElementKind.LOCAL_VARIABLE && kind != ElementKind.FIELD) {
      return null; // parameters, resources, pattern bindings: values from elsewhere
    }
    if ((variable.flags() & Flags.VOLATILE) != 0) {
      return null;
    }
    if (tree instanceof MemberSelectTree select
        && kind == ElementKind.FIELD
        && !variable.isStatic()
        && !Trees.isThis(select.getExpression())) {
      return null; // other.slug: another object's field may have been set anywhere.
    }
    Index known = index();
    VariableTree declaration = known.declarations().get(variable);
    if (declaration == null || known.reassigned().contains(variable)) {
      return null;
    }
    return evaluate(declaration.getInitializer(), depth + 1);
  }

  /**
   * {@code "A".toLowerCase()}, {@code String.format("%s-1", X)}, {@code String.join("-", A, B)}.
   */
  private @Nullable Object stringOperation(MethodInvocationTree call, int depth) {
    Symbol symbol = ASTHelpers.getSymbol((Tree) call);
    if (!(symbol instanceof MethodSymbol)
        || symbol.owner == null
        || !symbol.owner.getQualifiedName().contentEquals("java.lang.String")) {
      return null;
    }
    String name = symbol.getSimpleName().toString();
    List<Object> arguments = new ArrayList<>();
    for (ExpressionTree argument : call.getArguments()) {
      Object value = evaluate(argument, depth + 1);
      if (value == null) {
        return null;
      }
      arguments.add(value);
    }
    try {
      if (isStatic(symbol)) {
        return switch (name) {
          case "valueOf", "copyValueOf" ->
              arguments.size() == 1 ? String.valueOf(arguments.get(0)) : null;
          case "format" ->
              arguments.isEmpty() || !(arguments.get(0) instanceof String)
                  ? null
                  : String.format(
                      Locale.ROOT,
                      (String) arguments.get(0),
                      arguments.subList(1, arguments.size()).toArray());
          case "join" ->
              arguments.isEmpty()
                  ? null
                  : String.join(
                      String.valueOf(arguments.get(0)),
                      arguments.subList(1, arguments.size()).stream()
                          .map(String::valueOf)
                          .toArray(String[]::new));
          default -> null;
        };
      }
      ExpressionTree receiverTree = ASTHelpers.getReceiver(call);
      Object receiver = receiverTree == null ? null : evaluate(receiverTree, depth + 1);
      if (!(receiver instanceof String text)) {
        return null;
      }

      return switch (name) {
        case "toLowerCase" -> text.toLowerCase(Locale.ROOT);
        case "toUpperCase" -> text.toUpperCase(Locale.ROOT);
        case "trim" -> text.trim();
        case "strip" -> text.strip();
        case "intern", "toString" -> text;
        case "concat" ->
            arguments.size() == 1 ? text.concat(String.valueOf(arguments.get(0))) : null;
        case "formatted" -> String.format(Locale.ROOT, text, arguments.toArray());
        case "replace" ->
            arguments.size() == 2
                ? text.replace(String.valueOf(arguments.get(0)), String.valueOf(arguments.get(1)))
                : null;
        default -> null;
      };
    } catch (IllegalFormatException | ClassCastException e) {
      return null;
    }
  }

  private Index index() {
    if (index != null) {
      return index;
    }
    Map<Symbol, VariableTree> found = new HashMap<>();
    Set<Symbol> assigned = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        Symbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol != null && tree.getInitializer() != null) {
          found.put(symbol, tree);
        }
        return super.visitVariable(tree, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        addTarget(tree.getVariable());
        return super.visitAssignment(tree, null);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
        addTarget(tree.getVariable());
        return super.visitCompoundAssignment(tree, null);
      }

      @Override
      public Void visitUnary(UnaryTree tree, Void unused) {
        switch (tree.getKind()) {
          case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT ->
              addTarget(tree.getExpression());
          default -> {}
        }
        return super.visitUnary(tree, null);
      }

      private void addTarget(ExpressionTree target) {
        Symbol symbol = ASTHelpers.getSymbol((Tree) target);
        if (symbol != null) {
          assigned.add(symbol);
        }
      }
    }.scan(unit, null);
    index = new Index(found, assigned);
    return index;
  }
}
