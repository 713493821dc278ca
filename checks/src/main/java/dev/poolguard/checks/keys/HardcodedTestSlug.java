package dev.poolguard.checks.keys;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.poolguard.checks.common.Links;
import dev.poolguard.checks.common.PoolGuardConfig;
import dev.poolguard.checks.common.Rollout;
import dev.poolguard.checks.common.TestCodeDetector;
import dev.poolguard.checks.common.TestFrameworks;
import dev.poolguard.checks.common.Trees;
import dev.poolguard.checks.common.UnitTrees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.jspecify.annotations.Nullable;

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
public final class HardcodedTestSlug extends BugChecker implements CompilationUnitTreeMatcher {
  private static final long serialVersionUID = 1L;

  // Calls and constructions, and assignments (to a data object's field).
  private static final ImmutableSet<Tree.Kind> WRITING_TREES =
      Sets.immutableEnumSet(Tree.Kind.METHOD_INVOCATION, Tree.Kind.NEW_CLASS, Tree.Kind.ASSIGNMENT);

  private final TestCodeDetector testCode;
  private final KeySlots slots;
  private final Rollout rollout;
  private final UnitTrees.Candidates writingTrees;

  /** Used by Error Prone when the check is loaded without flags. */
  public HardcodedTestSlug() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  HardcodedTestSlug(ErrorProneFlags flags) {
    this(new PoolGuardConfig(flags));
  }

  private HardcodedTestSlug(PoolGuardConfig config) {
    this.testCode = new TestCodeDetector(config);
    this.rollout = new Rollout(config, canonicalName());
    this.slots =
        new KeySlots(config.keyFields(), config.keysFromMapping(), config.uniqueFactories());
    this.writingTrees =
        new UnitTrees.Candidates(WRITING_TREES, slots::mayHaveSlots, slots::mayHaveSlots);
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree unit, VisitorState state) {
    UnitTrees trees = UnitTrees.of(state);
    if (trees.isTestCode(testCode, state)) {
      UnitTrees.report(
          this,
          state,
          trees.sites(writingTrees, state),
          new InUnit(slots.forCompilation(state), new ConstantStrings(unit), unit));
    }
    return Description.NO_MATCH;
  }

  /**
   * The matcher of one unit: its compilation's key slots, and its fixed values (indexed on first
   * use: most units' candidates need no index). A class rather than a lambda: a lambda made per
   * unit runs through the method-handle machinery until the JIT reaches it.
   */
  private final class InUnit implements UnitTrees.SiteMatcher {
    private final KeySlots.InCompilation compilationSlots;
    private final ConstantStrings values;
    private final CompilationUnitTree unit;
    private @Nullable Boolean reachesDatabase;

    InUnit(
        KeySlots.InCompilation compilationSlots, ConstantStrings values, CompilationUnitTree unit) {
      this.compilationSlots = compilationSlots;
      this.values = values;
      this.unit = unit;
    }

    @Override
    public Description match(UnitTrees.Site site, VisitorState unitState) {
      return HardcodedTestSlug.this.match(site, this, unitState);
    }

    /** Whether the unit's test data can reach a database ({@link DatabaseUse}), decided once. */
    boolean reachesDatabase(VisitorState state) {
      if (reachesDatabase == null) {
        reachesDatabase = DatabaseUse.inUnit(unit, state);
      }
      return reachesDatabase;
    }
  }

  private Description match(UnitTrees.Site site, InUnit unit, VisitorState unitState) {
    KeySlots.InCompilation compilationSlots = unit.compilationSlots;
    Tree leaf = site.tree();
    if (leaf instanceof AssignmentTree assignment) {
      return matchAssignment(assignment, site.path(), unit, unitState);
    }
    List<? extends ExpressionTree> arguments =
        leaf instanceof MethodInvocationTree call
            ? call.getArguments()
            : ((NewClassTree) leaf).getArguments();
    MethodSymbol method = site.method();
    if (arguments.isEmpty()
        || method == null
        // slug(UniqueSlugs.of("p")): the only slot the call can have holds no fixed value.
        || (arguments.size() == 1
            && compilationSlots.isUniqueFactoryCall(arguments.get(0), unitState))) {
      return Description.NO_MATCH;
    }
    List<KeySlots.Slot> found = compilationSlots.slots(method, arguments, unitState);
    return found.isEmpty() ? Description.NO_MATCH : describe(found, unit, site.path(), unitState);
  }

  /** {@code product.slug = "test-package"} on a data object's field. */
  private Description matchAssignment(
      AssignmentTree tree, TreePath path, InUnit unit, VisitorState unitState) {
    if (!(tree.getVariable() instanceof MemberSelectTree target)
        || Trees.isThis(target.getExpression()) // a class initialising its own field
        || !(ASTHelpers.getSymbol(target) instanceof VarSymbol field)) {
      return Description.NO_MATCH;
    }
    UniqueKey key = unit.compilationSlots.keyOfField(field);
    if (key == null
        || (field.owner instanceof ClassSymbol owner
            && TestFrameworks.declaresTests(owner, unitState))) {
      return Description.NO_MATCH;
    }
    KeySlots.Slot slot =
        new KeySlots.Slot(
            tree.getExpression(), key, () -> "field " + field.getSimpleName(), KeySlots.Kind.NAMED);
    return describe(ImmutableList.of(slot), unit, path, unitState);
  }

  /**
   * The finding for the slots among {@code found} that hold a fixed value and are written. Each key
   * is judged on its own: {@code update .. set email = :email where slug = :slug} writes the e-mail
   * and only reads the slug.
   */
  private Description describe(
      List<KeySlots.Slot> found, InUnit unit, TreePath path, VisitorState unitState) {
    ConstantStrings values = unit.values;
    List<KeySlots.Slot> fixed = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) { // indexed: no iterator per call
      KeySlots.Slot slot = found.get(i);
      String text = values.stringValue(slot.value());
      if (text != null
          && !text.isBlank()
          && CompositeKeys.othersCollide(slot, path, values)
          && isStoredData(slot, text, unit, path, unitState)) {
        fixed.add(slot);
        texts.add(text);
      }
    }
    if (fixed.isEmpty()) {
      return Description.NO_MATCH; // most slots: their values are not fixed
    }
    VisitorState state = unitState.withPath(path);
    Map<String, Boolean> writtenByKey = new HashMap<>();
    for (int i = fixed.size() - 1; i >= 0; i--) {
      if (!writtenByKey.computeIfAbsent(
          fixed.get(i).key().name(),
          key -> !new WriteContext(values, state, key).isOnlyReadOrExpected(path))) {
        fixed.remove(i);
        texts.remove(i);
      }
    }
    if (fixed.isEmpty()) {
      return Description.NO_MATCH;
    }
    List<ExpressionTree> valueTrees = new ArrayList<>();
    List<@Nullable MappedKey> mappings = new ArrayList<>();
    for (KeySlots.Slot slot : fixed) {
      valueTrees.add(slot.value());
      mappings.add(slot.key().mapping());
    }
    UniqueSlugFix.Outcome outcome =
        UniqueSlugFix.forValues(valueTrees, texts, mappings, values, state);
    Description.Builder description =
        buildDescription(fixed.get(0).value())
            .setMessage(message(fixed.get(0), texts.get(0), outcome.withheldBecause()));
    return rollout.finish(description, outcome.fix(), state);
  }

  /**
   * Whether the data a key learnt from the mapping is written into is stored: an entity's key in a
   * unit that reaches no database, or deliberately invalid input, is a plain object's value. A
   * configured name's slot is judged by name alone, as before there was a mapping to read.
   */
  private static boolean isStoredData(
      KeySlots.Slot slot, String text, InUnit unit, TreePath path, VisitorState unitState) {
    MappedKey mapping = slot.key().mapping();
    return mapping == null
        || (!InvalidInput.breaksLimits(text, mapping.limits())
            && !InvalidInput.inInvalidDataMethod(path)
            && unit.reachesDatabase(unitState)
            && DatabaseUse.inWritingMethod(path, unitState));
  }

  private static String message(KeySlots.Slot slot, String text, @Nullable String withheldBecause) {
    String quoted = UniqueSlugFix.quoted(text);
    String problem =
        String.format(
            "The fixed value %s is written into the unique key '%s' (%s)%s. A hardcoded unique key"
                + " passes alone but collides as soon as two test classes, forks or CI jobs share the"
                + " database, or a rerun meets rows an earlier run left behind ('duplicate key value"
                + " violates unique constraint').",
            quoted, slot.key().name(), slot.where().get(), mapping(slot.key()));
    // Where the fix is withheld, the advice must not name the very value the reason rules out.
    return withheldBecause == null
        ? problem
            + String.format(
                " Generate it per run: UniqueSlugs.of(%s) from poolguard-runtime, or your project's"
                    + " unique-key factory.",
                quoted)
        : problem
            + " Generate it per run, within what the property takes (poolguard-runtime's"
            + " UniqueSlugs, or your project's unique-key factory). "
            + withheldBecause;
  }

  /** What made the key one: {@code "; User.username is the entity's @Id"}, or nothing. */
  private static String mapping(UniqueKey key) {
    MappedKey mapping = key.mapping();
    if (mapping == null) {
      return "";
    }
    String composite =
        mapping.isComposite()
            ? ", and its other columns ("
                + String.join(", ", mapping.otherParts())
                + ") are written fixed or not at all"
            : "";
    return key.byName()
        ? "; the name stands for "
            + mapping.type()
            + "."
            + mapping.property()
            + ", which "
            + mapping.reason()
            + composite
        : "; " + mapping.describe() + composite;
  }
}
