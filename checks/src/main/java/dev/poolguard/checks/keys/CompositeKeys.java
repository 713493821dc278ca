package dev.poolguard.checks.keys;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.poolguard.checks.common.Trees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * The rule for a fixed value in one column of a composite key ({@code @UniqueConstraint(columnNames
 * = {"tenant_id", "slug"})}, several {@code @Id}s, an {@code @EmbeddedId}, several
 * {@code @NaturalId}s): it collides only when the key's other columns collide too, so it is a
 * finding only when each other column is, in the same test data, written a fixed value or not
 * written at all (its default is the same in every run). One other column written a value that
 * varies (a run-time value, a {@code UniqueSlugs} value, an object such as a parent entity) makes
 * the whole key vary.
 *
 * <p>The same test data is: the other arguments of the same constructor or helper call, the other
 * calls of the same builder chain, and the other setter calls and field assignments on the same
 * variable in the same method.
 */
final class CompositeKeys {
  private CompositeKeys() {}

  /** Whether the key {@code slot} writes a part of collides on its other parts too. */
  static boolean othersCollide(KeySlots.Slot slot, TreePath path, ConstantStrings constants) {
    MappedKey key = slot.key().mapping();
    if (key == null || !key.isComposite()) {
      return true;
    }
    Map<String, List<ExpressionTree>> written = writtenBeside(slot, path);
    for (String part : key.otherParts()) {
      List<ExpressionTree> values = written.get(KeyNames.normalized(part));
      if (values != null) {
        for (ExpressionTree value : values) {
          if (!isFixed(value, constants)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static boolean isFixed(ExpressionTree value, ConstantStrings constants) {
    ExpressionTree stripped = Trees.stripCasts(value);
    if (stripped.getKind() == Tree.Kind.NULL_LITERAL
        || ASTHelpers.constValue(stripped) != null
        || constants.stringValue(stripped) != null) {
      return true;
    }
    Symbol symbol = ASTHelpers.getSymbol((Tree) stripped);
    return symbol != null && symbol.getKind() == ElementKind.ENUM_CONSTANT;
  }

  /** The values written beside {@code slot}, by normalized property name. */
  private static Map<String, List<ExpressionTree>> writtenBeside(
      KeySlots.Slot slot, TreePath path) {
    Map<String, List<ExpressionTree>> written = new HashMap<>();
    KeySlots.SameCall sameCall = slot.sameCall();
    if (sameCall != null) {
      int n = Math.min(sameCall.names().size(), sameCall.arguments().size());
      for (int i = 0; i < n; i++) {
        put(written, sameCall.names().get(i), sameCall.arguments().get(i));
      }
      return written;
    }
    Tree leaf = path.getLeaf();
    ExpressionTree target = null;
    if (leaf instanceof MethodInvocationTree call) {
      chain(outermostCall(path), written);
      ImmutableList<ExpressionTree> receivers = Trees.receiverChain(call);
      target = receivers.isEmpty() ? null : receivers.get(receivers.size() - 1);
    } else if (leaf instanceof AssignmentTree assignment
        && assignment.getVariable() instanceof MemberSelectTree field) {
      target = field.getExpression();
    }
    Symbol variable = target == null ? null : ASTHelpers.getSymbol((Tree) target);
    if (variable instanceof VarSymbol) {
      Tree scope = enclosingBody(path);
      if (scope != null) {
        new SameVariable(variable, written).scan(scope, null);
      }
    }
    return written;
  }

  /** The last call of the chain {@code path}'s call is in ({@code b.x(..).slug(..).build()}). */
  private static MethodInvocationTree outermostCall(TreePath path) {
    TreePath current = path;
    while (current.getParentPath() != null
        && current.getParentPath().getLeaf() instanceof MemberSelectTree
        && current.getParentPath().getParentPath() != null
        && current.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree) {
      current = current.getParentPath().getParentPath();
    }
    return (MethodInvocationTree) current.getLeaf();
  }

  /** The one-argument calls of a chain, from its last call down to its receiver. */
  private static void chain(MethodInvocationTree last, Map<String, List<ExpressionTree>> written) {
    oneArgumentWrite(last, written);
    for (ExpressionTree receiver : Trees.receiverChain(last)) {
      if (receiver instanceof MethodInvocationTree call) {
        oneArgumentWrite(call, written);
      }
    }
  }

  private static void oneArgumentWrite(
      MethodInvocationTree call, Map<String, List<ExpressionTree>> written) {
    if (call.getArguments().size() == 1) {
      Symbol method = ASTHelpers.getSymbol(call);
      if (method != null) {
        put(written, property(method.getSimpleName().toString()), call.getArguments().get(0));
      }
    }
  }

  /** {@code setTenantId} → {@code tenantid}: the property a setter or fluent method writes. */
  private static String property(String method) {
    ImmutableList<String> words = KeyNames.words(method);
    boolean setter = words.size() > 1 && SlotWords.SETTER_WORDS.contains(words.get(0));
    return String.join("", setter ? words.subList(1, words.size()) : words);
  }

  private static void put(
      Map<String, List<ExpressionTree>> written, String name, ExpressionTree value) {
    written.computeIfAbsent(KeyNames.normalized(name), n -> new ArrayList<>()).add(value);
  }

  private static @Nullable Tree enclosingBody(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree || p.getLeaf() instanceof ClassTree) {
        return p.getLeaf();
      }
    }
    return null;
  }

  /** The setter calls and field assignments on one variable. */
  private static final class SameVariable extends TreeScanner<@Nullable Void, @Nullable Void> {
    private final Symbol variable;
    private final Map<String, List<ExpressionTree>> written;

    SameVariable(Symbol variable, Map<String, List<ExpressionTree>> written) {
      this.variable = variable;
      this.written = written;
    }

    @Override
    public @Nullable Void visitMethodInvocation(MethodInvocationTree call, @Nullable Void unused) {
      ImmutableList<ExpressionTree> receivers = Trees.receiverChain(call);
      if (!receivers.isEmpty()
          && variable.equals(ASTHelpers.getSymbol((Tree) receivers.get(receivers.size() - 1)))) {
        oneArgumentWrite(call, written);
      }
      return super.visitMethodInvocation(call, null);
    }

    @Override
    public @Nullable Void visitAssignment(AssignmentTree assignment, @Nullable Void unused) {
      if (assignment.getVariable() instanceof MemberSelectTree field
          && variable.equals(ASTHelpers.getSymbol((Tree) field.getExpression()))) {
        put(written, field.getIdentifier().toString(), assignment.getExpression());
      }
      return super.visitAssignment(assignment, null);
    }
  }
}
