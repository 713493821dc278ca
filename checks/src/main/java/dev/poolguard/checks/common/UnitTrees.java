package dev.poolguard.checks.common;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.suppliers.Supplier;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.util.Name;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The trees of one compilation unit that the PoolGuard checks read, collected in source order by
 * one walk that every check shares, and the loop that reports a check's findings among them.
 *
 * <p>Why the checks are unit matchers over this walk rather than Error Prone's per-tree matchers:
 * Error Prone starts a timer, builds a visitor state and calls the check for every call,
 * construction or assignment of every file, whether or not it could be a finding. For checks whose
 * findings sit on a small share of the calls, that dispatch cost more than the checks' own work
 * (docs/benchmarks.md, "Compile overhead"). Here each check is called once per unit, skips units
 * that are not test code at once (the first check to ask classifies the unit for all), and reads
 * only its candidates.
 *
 * <p>A check says which trees it reads with one {@link Candidates}: the kinds, and for calls,
 * constructions and member references a test of the method's name and one of the method they
 * resolve to. The walk resolves each site's method once and decides each name and each method once
 * per compilation for every check, so the checks' own code never sees the many calls none of them
 * reads. Error Prone loads the checks afresh for every compilation, so their code runs cold: a
 * suite calls a few hundred names but thousands of methods (every class's constructor is named
 * {@code <init>}, every builder's setters share names), and most methods are settled by their name.
 * The per-call work left is a look-up in the JDK's identity map. Every {@code try} statement is a
 * candidate of the checks that read the kind, and every assignment whose variable's name passes
 * their name test.
 *
 * <p>Findings keep Error Prone's suppression: a finding inside a class, method or variable that
 * suppresses the check ({@code @SuppressWarnings} or the check's custom suppression annotation) is
 * not reported.
 *
 * <p>Internal: public only so that the checks' feature packages can use it. Not an API.
 */
public final class UnitTrees {
  /**
   * The kinds a {@link Candidates} can read: the trees that resolve to a method or constructor,
   * chosen by it, and {@code try} statements and assignments, every one of them.
   */
  private static final ImmutableSet<Tree.Kind> SITE_KINDS =
      Sets.immutableEnumSet(
          Tree.Kind.METHOD_INVOCATION,
          Tree.Kind.NEW_CLASS,
          Tree.Kind.MEMBER_REFERENCE,
          Tree.Kind.TRY,
          Tree.Kind.ASSIGNMENT);

  /**
   * One candidate: where it is and, for a call, construction or member reference, the method or
   * constructor it resolves to ({@code null} for {@code try}s and assignments).
   */
  public record Site(TreePath path, @Nullable MethodSymbol method) {
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

  /**
   * A test of the name of the method or constructor ({@code <init>}) a call, construction or member
   * reference resolves to, the cheap first half of a {@link Candidates}' choice; and of the
   * variable (field or local) an assignment assigns, all of the choice for assignments.
   */
  @FunctionalInterface
  public interface NameTest {
    /** Every name: for a check whose methods their names do not narrow. */
    NameTest ANY = (name, state) -> true;

    /**
     * Whether a method (or an assigned variable) so named may be chosen. Asked once per name per
     * compilation, so it must depend on the name (and the compilation) alone.
     */
    boolean mayMatch(Name name, VisitorState state);
  }

  /** A test of the method or constructor a call, construction or member reference resolves to. */
  @FunctionalInterface
  public interface MethodTest {
    /**
     * Whether a site resolving to {@code method} (whose name passed the {@link NameTest}) may be a
     * finding. Asked once per method per compilation, so it must depend on the method (and the
     * compilation) alone.
     */
    boolean mayMatch(MethodSymbol method, VisitorState state);
  }

  /**
   * The trees (of {@code kinds}) a check reads: the calls, constructions and member references
   * whose method passes {@code names} and then {@code methods}, every {@code try}, and every
   * assignment to a variable whose name passes {@code names}. A check holds one for its lifetime:
   * the walk decides each name and method once per compilation for each instance.
   */
  public static final class Candidates {
    // Read by CompilationCandidates, which registers and decides them.
    final ImmutableSet<Tree.Kind> kinds;
    final NameTest names;
    final MethodTest methods;

    public Candidates(Set<Tree.Kind> kinds, NameTest names, MethodTest methods) {
      checkArgument(
          !kinds.isEmpty() && SITE_KINDS.containsAll(kinds),
          "kinds must be among %s: %s",
          SITE_KINDS,
          kinds);
      this.kinds = Sets.immutableEnumSet(kinds);
      this.names = names;
      this.methods = methods;
    }
  }

  private static final Supplier<CompilationCandidates> COMPILATION =
      VisitorState.memoize(unused -> new CompilationCandidates());

  private final CompilationCandidates compilation;
  private final TreePath unitPath;
  // Each registered Candidates' sites, by registration index; null until walked.
  private @Nullable List<List<Site>> chosen;
  private @Nullable Boolean testCode;

  UnitTrees(CompilationCandidates compilation, TreePath unitPath) {
    this.compilation = compilation;
    this.unitPath = unitPath;
  }

  TreePath unitPath() {
    return unitPath;
  }

  /** The unit {@code unitState} is at: its trees are walked when first asked for. */
  public static UnitTrees of(VisitorState unitState) {
    return COMPILATION.get(unitState).unit(unitState.getPath());
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

  /**
   * The sites {@code candidates} chooses, in source order (the walk's own list, handed to the check
   * as it is: read, never change).
   */
  public List<Site> sites(Candidates candidates, VisitorState unitState) {
    int index = compilation.register(candidates);
    List<List<Site>> walked = chosen;
    if (walked == null || index >= walked.size()) {
      // The first unit a Candidates is asked about may have been walked for the checks before it:
      // walk it again with every Candidates known (once per Candidates per compilation).
      walked = compilation.walker(unitState).collect(unitPath, unitState);
      chosen = walked;
    }
    return walked.get(index);
  }

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
}
