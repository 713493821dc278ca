package dev.poolguard.checks.common;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.Fix;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.IdentityHashMap;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The roll-out mode ({@code -XepOpt:PoolGuard:Rollout=true}): run with Error Prone's patch mode, it
 * turns a legacy suite into one that passes at ERROR. A finding with a fix the check is sure of
 * keeps that fix; every other finding gets {@code @SuppressWarnings("<Check>")} on the smallest
 * enclosing declaration that can carry it (local variable, field, method, named class), merged into
 * an existing {@code @SuppressWarnings}, and one marker comment {@value #MARKER} followed by the
 * check's name, so the debt can be counted and paid down. Without the flag a finding is left as the
 * check built it.
 */
public final class Rollout {
  /** The text every roll-out suppression carries in a comment; grep for it to list the debt. */
  public static final String MARKER = "poolguard:rollout-debt";

  /**
   * Which check suppresses a declaration in this compilation. Two checks must not both add an
   * annotation to one declaration in one patch run (the insertions would make two
   * {@code @SuppressWarnings} on it, or two conflicting edits of an existing one), so the second
   * check suppresses the next enclosing declaration instead.
   */
  private static final Supplier<IdentityHashMap<Tree, String>> SUPPRESSED_BY =
      VisitorState.memoize(unused -> new IdentityHashMap<>());

  private final boolean enabled;
  private final String checkName;

  public Rollout(PoolGuardConfig config, String checkName) {
    this.enabled = config.rollout();
    this.checkName = checkName;
  }

  /**
   * Builds the finding: with {@code certainFix} when the check has one; otherwise, in roll-out
   * mode, with the suppression of the smallest declaration that encloses the finding.
   */
  public Description finish(
      Description.Builder description, Optional<? extends Fix> certainFix, VisitorState state) {
    if (certainFix.isPresent()) {
      description.addFix(certainFix.get());
    } else if (enabled) {
      suppression(state).ifPresent(description::addFix);
    }
    return description.build();
  }

  private Optional<SuggestedFix> suppression(VisitorState state) {
    CharSequence source = state.getSourceCode();
    if (source == null) {
      return Optional.empty();
    }
    IdentityHashMap<Tree, String> suppressedBy = SUPPRESSED_BY.get(state);
    for (TreePath path = state.getPath(); path != null; path = path.getParentPath()) {
      ModifiersTree modifiers = modifiersOfDeclaration(path, state);
      if (modifiers == null) {
        continue;
      }
      String owner = suppressedBy.putIfAbsent(path.getLeaf(), checkName);
      if (owner == null || owner.equals(checkName)) {
        return Optional.of(suppress(path.getLeaf(), modifiers, source, state));
      }
    }
    return Optional.empty();
  }

  /**
   * The modifiers of the declaration at {@code path} if it can carry {@code @SuppressWarnings}:
   * methods, named classes, and variables declared with a written type (not {@code var} or an
   * implicitly typed lambda parameter, whose start positions differ between javac versions).
   */
  private static @Nullable ModifiersTree modifiersOfDeclaration(TreePath path, VisitorState state) {
    Tree leaf = path.getLeaf();
    if (leaf instanceof MethodTree method) {
      return method.getModifiers();
    }
    if (leaf instanceof ClassTree type && type.getSimpleName().length() > 0) {
      return type.getModifiers();
    }
    if (leaf instanceof VariableTree variable
        && !(path.getParentPath().getLeaf() instanceof LambdaExpressionTree)
        && !ASTHelpers.hasImplicitType(variable, state)) {
      return variable.getModifiers();
    }
    return null;
  }

  private SuggestedFix suppress(
      Tree declaration, ModifiersTree modifiers, CharSequence source, VisitorState state) {
    String value = '"' + checkName + '"';
    AnnotationTree existing =
        ASTHelpers.getAnnotationWithSimpleName(modifiers.getAnnotations(), "SuppressWarnings");
    if (existing != null) {
      return SuggestedFixes.addValuesToAnnotationArgument(
              existing, "value", ImmutableList.of(value), state)
          .prefixWith(existing, markerBefore(ASTHelpers.getStartPosition(existing), source))
          .build();
    }
    int start = ASTHelpers.getStartPosition(declaration);
    String annotation = "@SuppressWarnings(" + value + ")";
    String indent = indentationBefore(start, source);
    String text =
        indent == null
            ? markerBefore(start, source) + annotation + " "
            : markerBefore(start, source) + annotation + "\n" + indent;
    return SuggestedFix.builder().prefixWith(declaration, text).build();
  }

  /**
   * The marker comment for a declaration (or annotation) at {@code position}: a line comment on a
   * line of its own when the declaration starts its line, a block comment before it otherwise.
   */
  private String markerBefore(int position, CharSequence source) {
    String indent = indentationBefore(position, source);
    String marker = MARKER + " " + checkName;
    return indent == null ? "/* " + marker + " */ " : "// " + marker + "\n" + indent;
  }

  /** The whitespace from the start of the line to {@code position}, or null if there is code. */
  private static @Nullable String indentationBefore(int position, CharSequence source) {
    int lineStart = position;
    while (lineStart > 0 && source.charAt(lineStart - 1) != '\n') {
      lineStart--;
    }
    String before = source.subSequence(lineStart, position).toString();
    return before.isBlank() ? before : null;
  }
}
