package dev.poolguard.checks.keys;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.poolguard.checks.common.RuntimeApi;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;

/**
 * The fix for a fixed key: wrap the written value as {@code UniqueSlugs.of(..)} where it is
 * written. Offered only when {@code dev.poolguard.runtime.UniqueSlugs} resolves on the compile
 * classpath, and withheld when the same value is compared or used again (in the method, or through
 * the same field anywhere in the class): a unique value at the write site would then break the
 * test.
 */
final class UniqueSlugFix {
  /** The fix, or why there is none (a sentence for the message). */
  record Outcome(Optional<SuggestedFix> fix, String withheldBecause) {}

  private UniqueSlugFix() {}

  static Outcome forValues(
      List<ExpressionTree> values,
      List<String> texts,
      ConstantStrings constants,
      VisitorState state) {
    if (!RuntimeApi.isOnClasspath(RuntimeApi.UNIQUE_SLUGS, state)) {
      return new Outcome(Optional.empty(), null);
    }
    for (int i = 0; i < values.size(); i++) {
      String reason = reuse(values.get(i), texts.get(i), constants, state);
      if (reason != null) {
        return new Outcome(Optional.empty(), reason);
      }
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    String uniqueSlugs = SuggestedFixes.qualifyType(state, fix, RuntimeApi.UNIQUE_SLUGS);
    for (ExpressionTree value : values) {
      String source = state.getSourceForNode(value);
      if (source == null) {
        return new Outcome(Optional.empty(), null);
      }
      fix.replace(value, uniqueSlugs + ".of(" + source + ")");
    }
    return new Outcome(Optional.of(fix.build()), null);
  }

  /** Why wrapping {@code value} would break the test, or {@code null}. */
  private static String reuse(
      ExpressionTree value, String text, ConstantStrings constants, VisitorState state) {
    TreePath site = TreePath.getPath(state.getPath().getCompilationUnit(), value);
    if (site == null) {
      return null;
    }
    TreePath method = null;
    TreePath topClass = null;
    for (TreePath p = site; p != null; p = p.getParentPath()) {
      if (method == null && p.getLeaf() instanceof MethodTree) {
        method = p;
      }
      if (p.getLeaf() instanceof ClassTree) {
        topClass = p;
      }
    }
    Symbol field = ASTHelpers.getSymbol((Tree) value);
    boolean isField = field instanceof VarSymbol && field.getKind() == ElementKind.FIELD;
    Reuse reuse = new Reuse(value, text, isField ? field : null, constants);
    TreePath scope = method != null ? method : topClass;
    if (scope != null) {
      reuse.scan(scope, null);
    }
    if (isField && topClass != null && !reuse.asserted && !reuse.used) {
      reuse.fieldOnly = true;
      reuse.scan(topClass, null);
    }
    if (reuse.asserted) {
      return "No automatic fix: the same value is asserted in this test, and a unique value written"
          + " here would fail that assertion; keep the UniqueSlugs.of(..) value in a variable and"
          + " compare against it.";
    }
    if (reuse.used) {
      return "No automatic fix: the same value is used again in this test (to look the row up, or as"
          + " a second write), and wrapping only this write would break that use; keep the"
          + " UniqueSlugs.of(..) value in a variable and use it everywhere.";
    }
    return null;
  }

  /** Finds other expressions with the same value (or other reads of the same field). */
  private static final class Reuse extends TreePathScanner<Void, Void> {
    private final ExpressionTree site;
    private final String text;
    private final Symbol field;
    private final ConstantStrings constants;
    boolean fieldOnly;
    boolean asserted;
    boolean used;

    Reuse(ExpressionTree site, String text, Symbol field, ConstantStrings constants) {
      this.site = site;
      this.text = text;
      this.field = field;
      this.constants = constants;
    }

    @Override
    public Void scan(Tree tree, Void unused) {
      if (tree == null || tree == site || asserted) {
        return null;
      }
      if (tree instanceof VariableTree) {
        // String slug = "acme": declaring an alias of the value is not a use; its uses are.
        ExpressionTree initializer = ((VariableTree) tree).getInitializer();
        if (initializer != null && !fieldOnly && text.equals(constants.stringValue(initializer))) {
          return null;
        }
        return super.scan(initializer, null);
      }
      if (tree instanceof ExpressionTree && isCandidate(tree) && matches((ExpressionTree) tree)) {
        TreePath path = new TreePath(getCurrentPath(), tree);
        if (!isAssignmentTarget(path)) {
          used = true;
          asserted |= inAssertion(path);
        }
        return null;
      }
      return super.scan(tree, null);
    }

    private static boolean isCandidate(Tree tree) {
      switch (tree.getKind()) {
        case STRING_LITERAL:
        case IDENTIFIER:
        case MEMBER_SELECT:
        case PLUS:
        case METHOD_INVOCATION:
          return true;
        default:
          return false;
      }
    }

    private boolean matches(ExpressionTree tree) {
      if (field != null) {
        Symbol symbol = ASTHelpers.getSymbol((Tree) tree);
        if (field.equals(symbol)) {
          return true;
        }
      }
      return !fieldOnly && text.equals(constants.stringValue(tree));
    }

    private static boolean isAssignmentTarget(TreePath path) {
      Tree parent = path.getParentPath() == null ? null : path.getParentPath().getLeaf();
      return parent instanceof AssignmentTree
          && ((AssignmentTree) parent).getVariable() == path.getLeaf();
    }

    private static boolean inAssertion(TreePath path) {
      for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
        Tree leaf = p.getLeaf();
        if (leaf instanceof StatementTree && leaf.getKind() != Tree.Kind.ASSERT) {
          return false;
        }
        if (leaf.getKind() == Tree.Kind.ASSERT) {
          return true;
        }
        if (leaf.getKind() == Tree.Kind.LAMBDA_EXPRESSION) {
          return false;
        }
        if (leaf instanceof MethodInvocationTree) {
          Symbol method = ASTHelpers.getSymbol(leaf);
          if (method != null && WriteContext.isAssertion((MethodInvocationTree) leaf, method)) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
