package dev.poolguard.checks.keys;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.util.ASTHelpers;
import com.google.errorprone.util.SourceCodeEscapers;
import com.sun.source.tree.AssertTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * The fix for a fixed key: generate the written value per run with {@code UniqueSlugs}, keeping its
 * kind — a slug stays a slug ({@code UniqueSlugs.of(..)}), an e-mail address an e-mail address
 * ({@code UniqueSlugs.email(local, domain)}), a display name keeps its spelling ({@code
 * UniqueSlugs.name(..)}). Offered only when {@code dev.poolguard.runtime.UniqueSlugs} resolves on
 * the compile classpath; withheld, with the reason in the message, when no generated value keeps
 * the kind or when the same value is compared or used again (in the method, or through the same
 * field anywhere in the class): a unique value at the write site would then break the test.
 */
final class UniqueSlugFix {
  /** What {@code UniqueSlugs.of(..)} keeps as written: lower-case words of letters and digits. */
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private static final Pattern EMAIL = Pattern.compile("([^@\\s]+)@([^@\\s]+\\.[^@\\s]+)");

  private static final Pattern DISPLAY_NAME = Pattern.compile("[\\p{L}\\p{N}]+(\\s+\\S+)+");

  private static final Pattern LETTER_OR_DIGIT = Pattern.compile(".*[A-Za-z0-9].*", Pattern.DOTALL);

  /** The fix, or why there is none (a sentence for the message). */
  record Outcome(Optional<SuggestedFix> fix, @Nullable String withheldBecause) {
    static final Outcome NONE = new Outcome(Optional.empty(), null);

    static Outcome withheld(String reason) {
      return new Outcome(Optional.empty(), reason);
    }
  }

  private UniqueSlugFix() {}

  static Outcome forValues(
      List<ExpressionTree> values,
      List<String> texts,
      List<@Nullable MappedKey> keys,
      ConstantStrings constants,
      VisitorState state) {
    if (!RuntimeApi.isOnClasspath(RuntimeApi.UNIQUE_SLUGS, state)) {
      return Outcome.NONE;
    }
    for (int i = 0; i < values.size(); i++) {
      String reason = reuse(values.get(i), texts.get(i), constants, state);
      if (reason != null) {
        return Outcome.withheld(reason);
      }
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    String uniqueSlugs = SuggestedFixes.qualifyType(state, fix, RuntimeApi.UNIQUE_SLUGS);
    for (int i = 0; i < values.size(); i++) {
      ExpressionTree value = values.get(i);
      String source = state.getSourceForNode(value);
      if (source == null) {
        return Outcome.NONE;
      }
      Replacement replacement = replacement(value, texts.get(i), source);
      MappedKey key = keys.get(i);
      if (key != null && replacement.code() != null) {
        replacement = GeneratedValueLimits.keep(replacement, texts.get(i), source, key);
      }
      String code = replacement.code();
      if (code == null) {
        return Outcome.withheld(replacement.withheldBecause());
      }
      fix.replace(value, uniqueSlugs + code);
    }
    return new Outcome(Optional.of(fix.build()), null);
  }

  /** Which {@code UniqueSlugs} method a replacement calls. */
  enum Generated {
    SLUG,
    EMAIL,
    NAME
  }

  /**
   * The {@code UniqueSlugs} call (after the class name) that keeps the kind of {@code text}, or why
   * there is none.
   */
  record Replacement(@Nullable String code, @Nullable Generated kind, String withheldBecause) {
    static Replacement of(Generated kind, String code) {
      return new Replacement(code, kind, "");
    }

    static Replacement withheld(String reason) {
      return new Replacement(null, null, reason);
    }
  }

  private static Replacement replacement(ExpressionTree value, String text, String source) {
    if (SLUG.matcher(text).matches()) {
      return Replacement.of(Generated.SLUG, ".of(" + source + ")");
    }
    Matcher email = EMAIL.matcher(text);
    if (email.matches()) {
      if (!(value instanceof LiteralTree)) {
        return Replacement.withheld(
            "No automatic fix: the value is an e-mail address held in "
                + source
                + ", and only a literal can be split into UniqueSlugs.email(localPart, domain);"
                + " write UniqueSlugs.email(..) where the value is defined.");
      }
      return Replacement.of(
          Generated.EMAIL,
          ".email(" + quoted(email.group(1)) + ", " + quoted(email.group(2)) + ")");
    }
    if (!LETTER_OR_DIGIT.matcher(text).matches()) {
      return Replacement.withheld(
          "No automatic fix: the value has no letter or digit, and UniqueSlugs.of(..) needs one to"
              + " build a unique key from; choose a base such as \"test-item\".");
    }
    if (DISPLAY_NAME.matcher(text).matches()) {
      return Replacement.of(Generated.NAME, ".name(" + source + ")");
    }
    return Replacement.withheld(
        "No automatic fix: UniqueSlugs.of(..) would rewrite the value as a lower-case slug ("
            + quoted(text)
            + " is not one), changing what the test writes; use UniqueSlugs.of(..) if a slug is"
            + " meant, UniqueSlugs.name(..) to keep the spelling.");
  }

  /** {@code text} as a Java string literal. */
  static String quoted(String text) {
    return '"' + SourceCodeEscapers.javaCharEscaper().escape(text) + '"';
  }

  /** Why wrapping {@code value} would break the test, or {@code null}. */
  private static @Nullable String reuse(
      ExpressionTree value, String text, ConstantStrings constants, VisitorState state) {
    // The value is (inside) the call being matched: search its subtree, not the whole file.
    TreePath site = TreePath.getPath(state.getPath(), value);
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
    private final @Nullable Symbol field;
    private final ConstantStrings constants;
    boolean fieldOnly;
    boolean asserted;
    boolean used;

    Reuse(ExpressionTree site, String text, @Nullable Symbol field, ConstantStrings constants) {
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
      if (tree instanceof VariableTree variableTree) {
        // String slug = "acme": declaring an alias of the value is not a use; its uses are.
        ExpressionTree initializer = variableTree.getInitializer();
        if (initializer != null && !fieldOnly && text.equals(constants.stringValue(initializer))) {
          return null;
        }
        return super.scan(initializer, null);
      }
      if (tree instanceof ExpressionTree expressionTree
          && isCandidate(tree)
          && matches(expressionTree)) {
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
      return switch (tree.getKind()) {
        case STRING_LITERAL, IDENTIFIER, MEMBER_SELECT, PLUS, METHOD_INVOCATION -> true;
        default -> false;
      };
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
      return parent instanceof AssignmentTree assignmentTree
          && assignmentTree.getVariable() == path.getLeaf();
    }

    private static boolean inAssertion(TreePath path) {
      for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
        Tree leaf = p.getLeaf();
        if (leaf instanceof StatementTree && !(leaf instanceof AssertTree)) {
          return false;
        }
        if (leaf instanceof AssertTree) {
          return true;
        }
        if (leaf instanceof LambdaExpressionTree) {
          return false;
        }
        if (leaf instanceof MethodInvocationTree methodInvocationTree) {
          Symbol method = ASTHelpers.getSymbol(leaf);
          if (method != null && WriteContext.isAssertion(methodInvocationTree, method)) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
