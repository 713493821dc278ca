package dev.poolguard.checks.common;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

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
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCAnnotation;
import com.sun.tools.javac.tree.JCTree.JCArrayTypeTree;
import com.sun.tools.javac.tree.JCTree.JCAssign;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.JCTree.JCFieldAccess;
import com.sun.tools.javac.tree.JCTree.JCIdent;
import com.sun.tools.javac.tree.JCTree.JCLiteral;
import com.sun.tools.javac.tree.JCTree.JCMemberReference;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.JCTree.JCNewClass;
import com.sun.tools.javac.tree.JCTree.JCPrimitiveTypeTree;
import com.sun.tools.javac.tree.JCTree.JCTry;
import com.sun.tools.javac.tree.JCTree.JCTypeApply;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.tree.TreeScanner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
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
 * <p>Candidates are chosen by method: a check says which calls, constructions and member references
 * it reads with a {@link Calls} (the kinds, and a test of the method they resolve to). The walk
 * resolves each site's method once and decides each method once per compilation for every check, so
 * the checks' own code never sees the many calls none of them reads. Error Prone loads the checks
 * afresh for every compilation, so their code runs cold; the per-call work left is a look-up in the
 * JDK's identity map. {@code try} statements and assignments are collected by kind.
 *
 * <p>Findings keep Error Prone's suppression: a finding inside a class, method or variable that
 * suppresses the check ({@code @SuppressWarnings} or the check's custom suppression annotation) is
 * not reported.
 *
 * <p>Internal: public only so that the checks' feature packages can use it. Not an API.
 */
public final class UnitTrees {
  /** The kinds a {@link Calls} can choose: the trees that resolve to a method or constructor. */
  private static final ImmutableSet<Tree.Kind> CALL_KINDS =
      Sets.immutableEnumSet(
          Tree.Kind.METHOD_INVOCATION, Tree.Kind.NEW_CLASS, Tree.Kind.MEMBER_REFERENCE);

  /** The kinds collected for any check that asks ({@link #ofKind}). */
  private static final ImmutableSet<Tree.Kind> COLLECTED_KINDS =
      Sets.immutableEnumSet(Tree.Kind.TRY, Tree.Kind.ASSIGNMENT);

  // One bit per Calls in a long (see Decisions).
  private static final int MAX_CALLS = Long.SIZE;

  /**
   * One collected tree: where it is, its kind, for a call, construction or member reference the
   * method or constructor it resolves to ({@code null} for {@code try}s and assignments), and its
   * place in the walk (source order).
   */
  public record Site(TreePath path, Tree.Kind kind, @Nullable MethodSymbol method, int order) {
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

  /** A test of the method or constructor a call, construction or member reference resolves to. */
  @FunctionalInterface
  public interface MethodTest {
    /**
     * Whether a site resolving to {@code method} may be a finding. Asked once per method per
     * compilation, so it must depend on the method (and the compilation) alone.
     */
    boolean mayMatch(MethodSymbol method, VisitorState state);
  }

  /**
   * The calls, constructions or member references (of {@code kinds}) a check reads: those whose
   * method passes {@code test}. A check holds one for its lifetime: the walk decides each method
   * once per compilation for each instance.
   */
  public static final class Calls {
    private final ImmutableSet<Tree.Kind> kinds;
    private final MethodTest test;

    public Calls(Set<Tree.Kind> kinds, MethodTest test) {
      checkArgument(
          !kinds.isEmpty() && CALL_KINDS.containsAll(kinds),
          "kinds must be among %s: %s",
          CALL_KINDS,
          kinds);
      this.kinds = Sets.immutableEnumSet(kinds);
      this.test = test;
    }
  }

  private static final Supplier<InCompilation> COMPILATION =
      VisitorState.memoize(unused -> new InCompilation());

  private final InCompilation compilation;
  private final TreePath unitPath;
  private @Nullable Sites sites;
  private @Nullable Boolean testCode;

  private UnitTrees(InCompilation compilation, TreePath unitPath) {
    this.compilation = compilation;
    this.unitPath = unitPath;
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

  /** The sites {@code calls} chooses, in source order (the walk's own list: read, never change). */
  public List<Site> sites(Calls calls, VisitorState unitState) {
    int index = compilation.register(calls);
    Sites walked = sites;
    if (walked == null || index >= walked.chosen().size()) {
      // The first unit a Calls is asked about may have been walked for the checks before it: walk
      // it again with every Calls known (once per Calls per compilation).
      walked = walk(unitState);
    }
    return walked.chosen().get(index);
  }

  /** The {@code try} statements or the assignments of the unit, in source order (read only). */
  public List<Site> ofKind(Tree.Kind kind, VisitorState unitState) {
    checkArgument(
        COLLECTED_KINDS.contains(kind), "kind must be among %s: %s", COLLECTED_KINDS, kind);
    Sites walked = sites == null ? walk(unitState) : sites;
    return kind == Tree.Kind.TRY ? walked.tries() : walked.assignments();
  }

  /** {@code first} and {@code second} (each in source order) merged into source order. */
  public static List<Site> inSourceOrder(List<Site> first, List<Site> second) {
    if (first.isEmpty() || second.isEmpty()) {
      return first.isEmpty() ? second : first;
    }
    List<Site> merged = new ArrayList<>(first.size() + second.size());
    int i = 0;
    int j = 0;
    while (i < first.size() || j < second.size()) {
      if (j == second.size()
          || (i < first.size() && first.get(i).order() < second.get(j).order())) {
        merged.add(first.get(i++));
      } else {
        merged.add(second.get(j++));
      }
    }
    return merged;
  }

  private Sites walk(VisitorState unitState) {
    Sites walked = new Collector(compilation, unitPath, unitState).collect();
    sites = walked;
    return walked;
  }

  /**
   * Each registered Calls' sites (by registration index), the {@code try}s and the assignments. The
   * lists are the walk's own, handed to every check of the unit as they are: read, never changed.
   */
  private record Sites(List<List<Site>> chosen, List<Site> tries, List<Site> assignments) {}

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

  /** What lasts for one compilation: the registered Calls, their decisions, the unit seen last. */
  private static final class InCompilation {
    private final List<Calls> registered = new ArrayList<>();
    // Per method: which registered Calls choose it (bit i for the i-th), and how many are decided.
    private final IdentityHashMap<MethodSymbol, Decisions> decisions = new IdentityHashMap<>();
    // Error Prone calls every check's unit matcher for one unit before it moves to the next, so
    // the last unit's trees are all that is worth keeping.
    private @Nullable UnitTrees last;

    UnitTrees unit(TreePath unitPath) {
      if (last == null || last.unitPath.getCompilationUnit() != unitPath.getCompilationUnit()) {
        last = new UnitTrees(this, unitPath);
      }
      return last;
    }

    int register(Calls calls) {
      for (int i = 0; i < registered.size(); i++) {
        if (registered.get(i) == calls) {
          return i;
        }
      }
      checkState(registered.size() < MAX_CALLS, "more than %s Calls in one compilation", MAX_CALLS);
      registered.add(calls);
      return registered.size() - 1;
    }

    /**
     * The registered Calls (bit i for the i-th of the first {@code count}) that choose {@code
     * method}.
     */
    long choosing(MethodSymbol method, int count, VisitorState state) {
      Decisions decided = decisions.get(method);
      if (decided == null) {
        decided = new Decisions();
        decisions.put(method, decided);
      }
      while (decided.count < count) {
        if (registered.get(decided.count).test.mayMatch(method, state)) {
          decided.chosenBy |= 1L << decided.count;
        }
        decided.count++;
      }
      return decided.chosenBy;
    }
  }

  /** Which of the first {@code count} registered Calls choose one method. */
  private static final class Decisions {
    private long chosenBy;
    private int count;
  }

  /**
   * The walk. Only code can hold a collected tree: imports, annotations, modifiers, signatures and
   * the types of declarations are not walked (nearly half of a test class's trees), nor names,
   * literals and type trees inside code.
   *
   * <p>javac's own scanner rather than {@link com.sun.source.util.TreePathScanner}: its dispatch is
   * by virtual call where the public API's is by interface, and it makes no path per tree. The
   * ancestors are kept on a stack and a site's path is made from it when a site is filed (a few
   * thousand per compilation, sharing the paths of their common ancestors), from the same trees
   * {@code TreePathScanner} would give.
   */
  private static final class Collector extends TreeScanner {
    private final InCompilation compilation;
    private final TreePath unitPath;
    private final VisitorState state;
    private final List<Calls> calls;
    private final int count;
    private final List<List<Site>> chosen;
    private final List<Site> tries = new ArrayList<>();
    private final List<Site> assignments = new ArrayList<>();
    private int order;
    // The trees from the unit to the one being scanned, and the path of each where one was made.
    // The paths made form a prefix of the stack: a tree pushed has none yet.
    private JCTree[] ancestors = new JCTree[64];
    private @Nullable TreePath[] paths = new TreePath[64];
    private int depth;

    Collector(InCompilation compilation, TreePath unitPath, VisitorState state) {
      this.compilation = compilation;
      this.unitPath = unitPath;
      this.state = state;
      // The walk serves the Calls registered before it (nothing registers during a walk).
      this.calls = compilation.registered;
      this.count = calls.size();
      this.chosen = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        chosen.add(new ArrayList<>());
      }
    }

    Sites collect() {
      JCCompilationUnit unit = (JCCompilationUnit) unitPath.getCompilationUnit();
      ancestors[0] = unit;
      paths[0] = unitPath;
      depth = 1;
      for (JCTree declaration : unit.defs) {
        if (declaration instanceof JCClassDecl) {
          scan(declaration); // not the package declaration and imports
        }
      }
      return new Sites(chosen, tries, assignments);
    }

    @Override
    public void scan(@Nullable JCTree tree) {
      // Names (qualified ones too: `Assertions.assertEquals`, `System.out`), literals and types
      // hold no collected tree: about half of the trees in code.
      if (tree == null
          || tree instanceof JCIdent
          || (tree instanceof JCFieldAccess select && select.selected instanceof JCIdent)
          || tree instanceof JCLiteral
          || tree instanceof JCPrimitiveTypeTree
          || tree instanceof JCTypeApply
          || tree instanceof JCArrayTypeTree) {
        return;
      }
      if (depth == ancestors.length) {
        ancestors = Arrays.copyOf(ancestors, depth * 2);
        paths = Arrays.copyOf(paths, depth * 2);
      }
      ancestors[depth] = tree;
      paths[depth] = null;
      depth++;
      tree.accept(this);
      depth--;
    }

    /** The path of the tree being scanned, made from the deepest ancestor that has one. */
    private TreePath currentPath() {
      int made = depth - 1;
      while (paths[made] == null) {
        made--;
      }
      TreePath path = paths[made];
      for (int i = made + 1; i < depth; i++) {
        path = new TreePath(path, ancestors[i]);
        paths[i] = path;
      }
      return path;
    }

    private void call(Tree.Kind kind, @Nullable Symbol symbol) {
      int at = order++;
      if (!(symbol instanceof MethodSymbol method)) {
        return; // unresolved: no check reads it
      }
      long chosenBy = compilation.choosing(method, count, state);
      if (chosenBy == 0) {
        return; // nearly every call
      }
      Site site = new Site(currentPath(), kind, method, at);
      for (int i = 0; i < count; i++) {
        if ((chosenBy & (1L << i)) != 0 && calls.get(i).kinds.contains(kind)) {
          chosen.get(i).add(site);
        }
      }
    }

    private void collect(Tree.Kind kind, List<Site> sites) {
      sites.add(new Site(currentPath(), kind, null, order++));
    }

    @Override
    public void visitClassDef(JCClassDecl tree) {
      scan(tree.defs);
    }

    @Override
    public void visitMethodDef(JCMethodDecl tree) {
      scan(tree.body);
    }

    @Override
    public void visitVarDef(JCVariableDecl tree) {
      scan(tree.init);
    }

    @Override
    public void visitAnnotation(JCAnnotation tree) {}

    @Override
    public void visitApply(JCMethodInvocation tree) {
      call(Tree.Kind.METHOD_INVOCATION, TreeInfo.symbol(tree.meth));
      super.visitApply(tree);
    }

    @Override
    public void visitNewClass(JCNewClass tree) {
      call(Tree.Kind.NEW_CLASS, tree.constructor);
      super.visitNewClass(tree);
    }

    @Override
    public void visitReference(JCMemberReference tree) {
      call(Tree.Kind.MEMBER_REFERENCE, tree.sym);
      super.visitReference(tree);
    }

    @Override
    public void visitTry(JCTry tree) {
      collect(Tree.Kind.TRY, tries);
      super.visitTry(tree);
    }

    @Override
    public void visitAssign(JCAssign tree) {
      collect(Tree.Kind.ASSIGNMENT, assignments);
      super.visitAssign(tree);
    }
  }
}
