package dev.poolguard.checks.common;

import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.util.Name;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The trees of one compilation unit that the PoolGuard checks read (calls, constructions, member
 * references, {@code try} statements and assignments), collected in source order by one walk that
 * every check shares, and the loop that reports a check's findings among them.
 *
 * <p>Why the checks are unit matchers over this walk rather than Error Prone's per-tree matchers:
 * Error Prone starts a timer, builds a visitor state and calls the check for every call,
 * construction or assignment of every file, whether or not it could be a finding. For checks whose
 * findings sit on a small share of the calls, that dispatch cost more than the checks' own work
 * (docs/benchmarks.md, "Compile overhead"). Here each check is called once per unit, skips units
 * that are not test code at once (the first check to ask classifies the unit for all), and reads
 * only its candidates: the walk resolves each call's method once for all checks.
 *
 * <p>Findings keep Error Prone's suppression: a finding inside a class, method or variable that
 * suppresses the check ({@code @SuppressWarnings} or the check's custom suppression annotation) is
 * not reported.
 *
 * <p>Internal: public only so that the checks' feature packages can use it. Not an API.
 */
public final class UnitTrees {
  /**
   * One collected tree: where it is, its kind, and for a call, construction or member reference the
   * method or constructor it resolves to ({@code null} where javac resolved none, and for {@code
   * try}s and assignments).
   */
  public record Site(TreePath path, Tree.Kind kind, @Nullable MethodSymbol method) {
    public Tree tree() {
      return path.getLeaf();
    }
  }

  /** What a check makes of one site: its finding there, or {@code NO_MATCH}. */
  @FunctionalInterface
  public interface SiteMatcher {
    /**
     * The finding at {@code site}. {@code unitState} is the unit's state: a check that goes past
     * its cheap tests takes {@code unitState.withPath(site.path())}.
     */
    Description match(Site site, VisitorState unitState);
  }

  // Error Prone calls every check's unit matcher for one unit before it moves to the next, so the
  // last unit's trees are all that is worth keeping.
  private static final Supplier<LastUnit> LAST_UNIT =
      VisitorState.memoize(unused -> new LastUnit());

  private final TreePath unitPath;
  private @Nullable Sites sites;
  private @Nullable Boolean testCode;

  private UnitTrees(TreePath unitPath) {
    this.unitPath = unitPath;
  }

  /** The unit {@code unitState} is at: its trees are walked when first asked for. */
  public static UnitTrees of(VisitorState unitState) {
    return LAST_UNIT.get(unitState).of(unitState.getPath());
  }

  /**
   * Whether the unit is test code, decided by the first check that asks: every check reads the same
   * flags, so {@code detector}'s answer is every check's.
   */
  public boolean isTestCode(TestCodeDetector detector, VisitorState unitState) {
    if (testCode == null) {
      testCode = detector.isTestCode(unitState);
    }
    return testCode;
  }

  /** The sites of the given kinds, in source order. */
  public List<Site> ofKinds(Set<Tree.Kind> kinds) {
    Sites sites = sites();
    if (kinds.size() == 1) {
      return sites.byKind().getOrDefault(kinds.iterator().next(), List.of());
    }
    List<Site> selected = new ArrayList<>();
    for (Site site : sites.all()) {
      if (kinds.contains(site.kind())) {
        selected.add(site);
      }
    }
    return selected;
  }

  /**
   * The method calls (not member references) to a method with one of {@code names}, and the sites
   * of {@code alsoKinds}, in source order.
   */
  public List<Site> callsNamed(Set<Name> names, Set<Tree.Kind> alsoKinds) {
    List<Site> selected = new ArrayList<>();
    for (Site site : sites().all()) {
      MethodSymbol method = site.method();
      if (alsoKinds.contains(site.kind())
          || (site.kind() == Tree.Kind.METHOD_INVOCATION
              && method != null
              && names.contains(method.getSimpleName()))) {
        selected.add(site);
      }
    }
    return selected;
  }

  private Sites sites() {
    if (sites == null) {
      sites = new Collector().collect(unitPath);
    }
    return sites;
  }

  /** The unit's sites in source order, and each kind's. */
  private record Sites(List<Site> all, Map<Tree.Kind, List<Site>> byKind) {}

  /**
   * Reports what {@code matcher} finds at {@code sites}, in their order, each unless suppressed for
   * {@code checker} where it is.
   */
  public static void report(
      BugChecker checker, VisitorState unitState, List<Site> sites, SiteMatcher matcher) {
    for (Site site : sites) {
      Description description = matcher.match(site, unitState);
      if (description != Description.NO_MATCH && !isSuppressed(checker, site.path(), unitState)) {
        unitState.reportMatch(description);
      }
    }
  }

  /**
   * Whether Error Prone's per-tree dispatch would have kept {@code checker} out of {@code path}: a
   * class, method or variable around it suppresses the check. (Warnings in {@code @Generated} code
   * under {@code -XepDisableWarningsInGeneratedCode} Error Prone drops itself, for unit matchers
   * too.)
   */
  private static boolean isSuppressed(BugChecker checker, TreePath path, VisitorState unitState) {
    if (unitState.errorProneOptions().isIgnoreSuppressionAnnotations()) {
      return false;
    }
    VisitorState state = unitState.withPath(path);
    for (Tree enclosing : path) {
      if ((enclosing instanceof ClassTree
              || enclosing instanceof MethodTree
              || enclosing instanceof VariableTree)
          && checker.isSuppressed(enclosing, state)) {
        return true;
      }
    }
    return false;
  }

  /** The unit seen last. */
  private static final class LastUnit {
    private @Nullable UnitTrees last;

    UnitTrees of(TreePath unitPath) {
      if (last == null || last.unitPath.getCompilationUnit() != unitPath.getCompilationUnit()) {
        last = new UnitTrees(unitPath);
      }
      return last;
    }
  }

  /**
   * The walk. Only code can hold a collected tree: imports, annotations, modifiers, signatures and
   * the types of declarations are not walked (nearly half of a test class's trees).
   */
  private static final class Collector extends TreePathScanner<@Nullable Void, @Nullable Void> {
    private final List<Site> all = new ArrayList<>();
    private final Map<Tree.Kind, List<Site>> byKind = new EnumMap<>(Tree.Kind.class);

    Sites collect(TreePath unitPath) {
      scan(unitPath, null);
      // Read-only views: every check of the unit reads the same lists.
      byKind.replaceAll((kind, sites) -> Collections.unmodifiableList(sites));
      return new Sites(Collections.unmodifiableList(all), byKind);
    }

    private void add(Tree.Kind kind, @Nullable Symbol symbol) {
      Site site =
          new Site(getCurrentPath(), kind, symbol instanceof MethodSymbol method ? method : null);
      all.add(site);
      List<Site> ofKind = byKind.get(kind);
      if (ofKind == null) {
        ofKind = new ArrayList<>();
        byKind.put(kind, ofKind);
      }
      ofKind.add(site);
    }

    @Override
    public @Nullable Void visitCompilationUnit(CompilationUnitTree tree, @Nullable Void unused) {
      return scan(tree.getTypeDecls(), null);
    }

    @Override
    public @Nullable Void visitClass(ClassTree tree, @Nullable Void unused) {
      return scan(tree.getMembers(), null);
    }

    @Override
    public @Nullable Void visitMethod(MethodTree tree, @Nullable Void unused) {
      return scan(tree.getBody(), null);
    }

    @Override
    public @Nullable Void visitVariable(VariableTree tree, @Nullable Void unused) {
      return scan(tree.getInitializer(), null);
    }

    @Override
    public @Nullable Void visitAnnotation(AnnotationTree tree, @Nullable Void unused) {
      return null;
    }

    @Override
    public @Nullable Void visitMethodInvocation(MethodInvocationTree tree, @Nullable Void unused) {
      add(Tree.Kind.METHOD_INVOCATION, ASTHelpers.getSymbol(tree.getMethodSelect()));
      return super.visitMethodInvocation(tree, null);
    }

    @Override
    public @Nullable Void visitNewClass(NewClassTree tree, @Nullable Void unused) {
      add(Tree.Kind.NEW_CLASS, ASTHelpers.getSymbol(tree));
      return super.visitNewClass(tree, null);
    }

    @Override
    public @Nullable Void visitMemberReference(MemberReferenceTree tree, @Nullable Void unused) {
      add(Tree.Kind.MEMBER_REFERENCE, ASTHelpers.getSymbol(tree));
      return super.visitMemberReference(tree, null);
    }

    @Override
    public @Nullable Void visitTry(TryTree tree, @Nullable Void unused) {
      add(Tree.Kind.TRY, null);
      return super.visitTry(tree, null);
    }

    @Override
    public @Nullable Void visitAssignment(AssignmentTree tree, @Nullable Void unused) {
      add(Tree.Kind.ASSIGNMENT, null);
      return super.visitAssignment(tree, null);
    }
  }
}
