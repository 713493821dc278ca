package dev.poolguard.checks.leaks;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.poolguard.checks.common.Links;
import dev.poolguard.checks.common.PoolGuardConfig;
import dev.poolguard.checks.common.Rollout;
import dev.poolguard.checks.common.TestCodeDetector;
import dev.poolguard.checks.common.UnitTrees;
import java.util.Optional;
import javax.inject.Inject;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Flags test code that borrows a connection (or a Jdbi handle) and does not give it back on the
 * normal path: the borrow is discarded or only a chain receiver, a local holding it is never
 * closed, released, returned or handed on, or a field holding it is closed by no teardown method.
 * The shared test pool is small on purpose, so a few such leaks stall every later borrow of the
 * suite.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "Test code borrows a connection (or Jdbi handle) and never gives it back; a few such leaks"
            + " exhaust the small shared test pool",
    severity = ERROR,
    link = Links.DOCS + "TestConnectionLeak.md",
    linkType = CUSTOM,
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class TestConnectionLeak extends BugChecker implements CompilationUnitTreeMatcher {
  private static final long serialVersionUID = 1L;

  private static final ImmutableSet<Tree.Kind> CALLS =
      Sets.immutableEnumSet(Tree.Kind.METHOD_INVOCATION);

  private static final int MAX_QUOTED_LENGTH = 80;

  private final TestCodeDetector testCode;
  private final Acquirers acquirers;
  private final Rollout rollout;
  private final Releases releases = new Releases();
  private final UnitTrees.Candidates borrowingCalls;
  // Made once, not per unit: until the JIT reaches it, making a method reference runs through
  // the method-handle machinery, and every compilation loads the checks afresh.
  private final UnitTrees.SiteMatcher siteMatcher = this::match;

  /** Used by Error Prone when the check is loaded without flags. */
  public TestConnectionLeak() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  TestConnectionLeak(ErrorProneFlags flags) {
    this(new PoolGuardConfig(flags));
  }

  private TestConnectionLeak(PoolGuardConfig config) {
    this.testCode = new TestCodeDetector(config);
    this.acquirers = new Acquirers(config.additionalAcquirers());
    this.rollout = new Rollout(config, canonicalName());
    // Any name: a helper method of any name can hand out a connection.
    this.borrowingCalls =
        new UnitTrees.Candidates(CALLS, UnitTrees.NameTest.ANY, acquirers::mayBorrow);
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree unit, VisitorState state) {
    UnitTrees trees = UnitTrees.of(state);
    if (trees.isTestCode(testCode, state)) {
      UnitTrees.report(this, state, trees.sites(borrowingCalls, state), siteMatcher);
    }
    return Description.NO_MATCH;
  }

  private Description match(UnitTrees.Site site, VisitorState unitState) {
    MethodInvocationTree tree = (MethodInvocationTree) site.tree();
    MethodSymbol method = site.method();
    if (method == null) {
      return Description.NO_MATCH;
    }
    // Cheapest first: most borrows are try-with-resources resources, closed or handed on, and
    // deciding that needs no look-up of what is borrowed.
    Use use = Use.of(site.path(), unitState);
    VarSymbol stored = use.kind() == Use.Kind.STORED ? use.variable() : null;
    if (!use.loses() && stored == null) {
      return Description.NO_MATCH;
    }
    Optional<Resource> borrowed = acquirers.borrowedBy(tree, method, unitState);
    VisitorState state = unitState.withPath(site.path());
    if (borrowed.isEmpty()
        || ExpectedFailure.isExpected(state.getPath())
        || PrivatePool.isBorrowedFrom(tree, state.getPath())) {
      return Description.NO_MATCH;
    }
    Resource resource = borrowed.get();
    if (stored == null) {
      return discarded(tree, resource, use, state);
    }
    return stored.getKind() == ElementKind.FIELD
        ? field(tree, resource, stored, state)
        : local(tree, resource, use, stored, state);
  }

  private Description discarded(
      MethodInvocationTree tree, Resource resource, Use use, VisitorState state) {
    String how =
        switch (use.kind()) {
          case RECEIVER -> "it is only the receiver of ." + use.method() + "(..)";
          case ASSERTED -> "it is only passed to " + use.method() + "(..)";
          case TESTED -> "it is only compared or tested";
          default -> "its result is dropped";
        };
    TryWithResourcesFix.Outcome outcome =
        TryWithResourcesFix.forDiscarded(state.getPath(), resource, state);
    String message =
        String.format(
            "%s borrows a %s that is discarded without being closed: %s. %s %s.%s",
            quoted(tree, resource, state),
            resource.typeName(),
            how,
            why(resource),
            resource.advice(),
            noFix(outcome));
    return describe(tree, message, outcome, state);
  }

  private Description local(
      MethodInvocationTree tree, Resource resource, Use use, VarSymbol local, VisitorState state) {
    TreePath scope = enclosingScope(state.getPath());
    if (scope == null || releases.inScope(scope, state).contains(local)) {
      return Description.NO_MATCH;
    }
    TryWithResourcesFix.Outcome outcome =
        TryWithResourcesFix.forLocal(state.getPath(), use, resource, state);
    String message =
        String.format(
            "%s borrows a %s into '%s': local variable never closed, released, returned or handed"
                + " on. %s %s.%s",
            quoted(tree, resource, state),
            resource.typeName(),
            local.getSimpleName(),
            why(resource),
            resource.advice(),
            noFix(outcome));
    return describe(tree, message, outcome, state);
  }

  private Description field(
      MethodInvocationTree tree, Resource resource, VarSymbol field, VisitorState state) {
    TreePath scope = enclosingScope(state.getPath());
    TreePath unitClass = outermostClass(state.getPath());
    TreePath assigningClass = state.findPathToEnclosing(ClassTree.class);
    if (isSuppressed(field, state)
        || scope == null
        || unitClass == null
        || assigningClass == null
        || !(field.owner instanceof ClassSymbol owner)
        // Cheapest first: most such fields are closed by a teardown method of the assigning class.
        || releases.isReleasedByOwnTeardown(assigningClass, field, state)
        || Releases.sourceOf(owner, state) == null
        || releases.inScope(scope, state).contains(field)) {
      return Description.NO_MATCH;
    }
    ClassSymbol assigning = ASTHelpers.getSymbol((ClassTree) assigningClass.getLeaf());
    for (TreePath clazz : Releases.teardownClasses(field, assigning, unitClass, state)) {
      if (releases.inTeardown(clazz, state).contains(field)) {
        return Description.NO_MATCH;
      }
    }
    TryWithResourcesFix.Outcome outcome =
        TeardownCloseFix.forField(state.getPath(), field, resource, state);
    String message =
        String.format(
            "%s borrows a %s into the field '%s': field never closed in teardown (no @AfterEach,"
                + " @AfterAll, @After, @AfterClass or TestNG @After* method of %s closes or releases"
                + " it, nor does the method that assigns it). %s Close it in a teardown method"
                + " (@AfterEach for a per-test field, @AfterAll for a static one), or borrow it per"
                + " test in try-with-resources.%s",
            quoted(tree, resource, state),
            resource.typeName(),
            field.getSimpleName(),
            owner.getSimpleName(),
            why(resource),
            noFix(outcome));
    return describe(tree, message, outcome, state);
  }

  private Description describe(
      MethodInvocationTree tree,
      String message,
      TryWithResourcesFix.Outcome outcome,
      VisitorState state) {
    return rollout.finish(
        buildDescription(tree).setMessage(message), Optional.ofNullable(outcome.fix()), state);
  }

  /** Why a leak matters here: the pool is tiny, so leaks add up to a stalled suite. */
  private static String why(Resource resource) {
    String holds =
        resource.isHandle()
            ? "A Jdbi Handle holds its pool connection until it is closed."
            : "A borrowed connection stays out of the pool until it is closed.";
    return holds
        + " The shared test pool has 3 connections: three leaks like this one and every later"
        + " borrow in the suite waits out the acquire timeout and fails.";
  }

  private static String noFix(TryWithResourcesFix.Outcome outcome) {
    return outcome.fix() != null ? "" : " No automatic fix: " + outcome.reason() + ".";
  }

  /** The borrowing call as written, when short: {@code 'ds.getConnection()'}. */
  private static String quoted(MethodInvocationTree tree, Resource resource, VisitorState state) {
    String source = state.getSourceForNode(tree);
    String call =
        source != null && source.length() <= MAX_QUOTED_LENGTH && source.indexOf('\n') < 0
            ? "'" + source + "'"
            : "'" + ASTHelpers.getSymbol(tree).getSimpleName() + "(..)'";
    return resource.helper() == null ? call : call + " (a helper that returns a borrowed resource)";
  }

  /** The method around {@code path}, lambdas included, or else the class member (initializer). */
  private static @Nullable TreePath enclosingScope(TreePath path) {
    for (TreePath p = path; p.getParentPath() != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree || p.getParentPath().getLeaf() instanceof ClassTree) {
        return p;
      }
    }
    return null;
  }

  private static @Nullable TreePath outermostClass(TreePath path) {
    TreePath outermost = null;
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree) {
        outermost = p;
      }
    }
    return outermost;
  }
}
