package dev.poolguard.checks.keys;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableList;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.AssignmentTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.poolguard.checks.common.FlagValues;
import dev.poolguard.checks.common.Links;
import dev.poolguard.checks.common.PoolGuardOptions;
import dev.poolguard.checks.common.Rollout;
import dev.poolguard.checks.common.TestCodeDetector;
import dev.poolguard.checks.common.TestFrameworks;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;

/**
 * Flags a fixed string (a literal, a constant, or a local or field that only ever holds one)
 * written into a unique-key slot of test data: {@code setSlug("test-package")}, {@code
 * .slug("test-package")}, a constructor or record parameter named {@code slug}, a map entry or bind
 * parameter keyed {@code "slug"}. Such a test passes alone and fails with a duplicate-key violation
 * as soon as two test classes, two forks or two CI jobs share the database, or a run meets rows an
 * earlier one left behind.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "Test data writes a fixed value into a unique key; make it unique per run"
            + " (UniqueSlugs.of(\"...\"))",
    severity = ERROR,
    link = Links.DOCS + "HardcodedTestSlug.md",
    linkType = CUSTOM,
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class HardcodedTestSlug extends BugChecker
    implements MethodInvocationTreeMatcher, NewClassTreeMatcher, AssignmentTreeMatcher {
  private static final long serialVersionUID = 1L;

  static final String FIELDS = "HardcodedTestSlug:Fields";
  static final String UNIQUE_FACTORIES = "HardcodedTestSlug:UniqueFactories";
  static final ImmutableList<String> DEFAULT_FIELDS = ImmutableList.of("slug");

  private final TestCodeDetector testCode;
  private final KeySlots slots;
  private final KeyNames keys;
  private final Rollout rollout;
  // Checks visit many trees per compilation unit; index each unit's constants once.
  private ConstantStrings constants;

  /** Used by Error Prone when the check is loaded without flags. */
  public HardcodedTestSlug() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  HardcodedTestSlug(ErrorProneFlags flags) {
    this.testCode = new TestCodeDetector(new PoolGuardOptions(flags));
    this.keys = new KeyNames(FlagValues.identifiers(flags, FIELDS, DEFAULT_FIELDS));
    this.slots = new KeySlots(keys, FlagValues.members(flags, UNIQUE_FACTORIES));
    this.rollout = new Rollout(flags, canonicalName());
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return matchCall(tree, tree.getArguments(), state);
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return matchCall(tree, tree.getArguments(), state);
  }

  /** {@code product.slug = "test-package"} on a data object's field. */
  @Override
  public Description matchAssignment(AssignmentTree tree, VisitorState state) {
    try {
      ExpressionTree target = tree.getVariable();
      if (!(target instanceof MemberSelectTree) || !testCode.isTestCode(state)) {
        return Description.NO_MATCH;
      }
      ExpressionTree receiver = ((MemberSelectTree) target).getExpression();
      if (receiver instanceof IdentifierTree
          && ((IdentifierTree) receiver).getName().contentEquals("this")) {
        return Description.NO_MATCH; // a class initialising its own field
      }
      Symbol field = ASTHelpers.getSymbol((Tree) target);
      String key = field == null ? null : slots.keyOfField(field);
      if (key == null
          || (field.owner instanceof ClassSymbol
              && TestFrameworks.declaresTests((ClassSymbol) field.owner))) {
        return Description.NO_MATCH;
      }
      KeySlots.Slot slot =
          new KeySlots.Slot(
              tree.getExpression(), key, "field " + field.getSimpleName(), KeySlots.Kind.NAMED);
      return describe(tree, ImmutableList.of(slot), state);
    } catch (RuntimeException e) {
      return Description
          .NO_MATCH; // never fail a user's build on code this check does not understand
    }
  }

  private Description matchCall(
      ExpressionTree call, List<? extends ExpressionTree> arguments, VisitorState state) {
    try {
      Symbol symbol = ASTHelpers.getSymbol((Tree) call);
      if (arguments.isEmpty() || !(symbol instanceof MethodSymbol)) {
        return Description.NO_MATCH;
      }
      ImmutableList<KeySlots.Slot> found = slots.slots((MethodSymbol) symbol, arguments, state);
      if (found.isEmpty() || !testCode.isTestCode(state)) {
        return Description.NO_MATCH;
      }
      return describe(call, found, state);
    } catch (RuntimeException e) {
      return Description
          .NO_MATCH; // never fail a user's build on code this check does not understand
    }
  }

  private Description describe(Tree call, ImmutableList<KeySlots.Slot> found, VisitorState state) {
    ConstantStrings values = constantsFor(state.getPath().getCompilationUnit());
    List<KeySlots.Slot> fixed = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (KeySlots.Slot slot : found) {
      String text = values.stringValue(slot.value());
      if (text != null && !text.isBlank()) {
        fixed.add(slot);
        texts.add(text);
      }
    }
    if (fixed.isEmpty()
        || new WriteContext(values, state, fixed.get(0).key())
            .isOnlyReadOrExpected(state.getPath())) {
      return Description.NO_MATCH;
    }
    List<ExpressionTree> valueTrees = new ArrayList<>();
    fixed.forEach(s -> valueTrees.add(s.value()));
    UniqueSlugFix.Outcome outcome = UniqueSlugFix.forValues(valueTrees, texts, values, state);
    Description.Builder description =
        buildDescription(fixed.get(0).value())
            .setMessage(message(fixed.get(0), texts.get(0), outcome.withheldBecause()));
    return rollout.finish(description, outcome.fix(), state);
  }

  private ConstantStrings constantsFor(CompilationUnitTree unit) {
    if (constants == null || constants.unit() != unit) {
      constants = new ConstantStrings(unit);
    }
    return constants;
  }

  private static String message(KeySlots.Slot slot, String text, String withheldBecause) {
    String quoted = '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    String message =
        String.format(
            "The fixed value %s is written into the unique key '%s' (%s). A hardcoded unique key"
                + " passes alone but collides as soon as two test classes, forks or CI jobs share the"
                + " database, or a rerun meets rows an earlier run left behind ('duplicate key value"
                + " violates unique constraint'). Generate it per run: UniqueSlugs.of(%s) from"
                + " poolguard-runtime, or your project's unique-key factory.",
            quoted, slot.key(), slot.where(), quoted);
    return withheldBecause == null ? message : message + " " + withheldBecause;
  }
}
