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
import com.sun.tools.javac.util.Name;
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

  // One bit per Candidates in a long (see Decisions).
  private static final int MAX_CANDIDATES = Long.SIZE;

  // A suite's compilation decides a few thousand methods and a few hundred names: sized so that
  // the maps are not rehashed as they fill.
  private static final int EXPECTED_METHODS = 4096;
  private static final int EXPECTED_NAMES = 512;

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
    private final ImmutableSet<Tree.Kind> kinds;
    private final NameTest names;
    private final MethodTest methods;

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

  private static final Supplier<InCompilation> COMPILATION =
      VisitorState.memoize(unused -> new InCompilation());

  private final InCompilation compilation;
  private final TreePath unitPath;
  // Each registered Candidates' sites, by registration index; null until walked.
  private @Nullable List<List<Site>> chosen;
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

  /**
   * What lasts for one compilation: the registered Candidates, their decisions, the unit seen last.
   */
  private static final class InCompilation {
    private final List<Candidates> registered = new ArrayList<>();
    // Per kind: which registered Candidates read it (bit i for the i-th).
    private long invocationReaders;
    private long newClassReaders;
    private long referenceReaders;
    private long tryReaders;
    private long assignmentReaders;
    // Per name and per method: which registered Candidates choose it, and how many are decided.
    private final IdentityHashMap<Name, Decisions> byName = new IdentityHashMap<>(EXPECTED_NAMES);
    private final IdentityHashMap<MethodSymbol, Decisions> byMethod =
        new IdentityHashMap<>(EXPECTED_METHODS);
    // Error Prone calls every check's unit matcher for one unit before it moves to the next, so
    // the last unit's trees are all that is worth keeping.
    private @Nullable UnitTrees last;
    // One walker for every unit of the compilation, its stacks reused.
    private @Nullable Collector walker;

    Collector walker(VisitorState unitState) {
      if (walker == null) {
        walker = new Collector(this, unitState);
      }
      return walker;
    }

    UnitTrees unit(TreePath unitPath) {
      if (last == null || last.unitPath.getCompilationUnit() != unitPath.getCompilationUnit()) {
        last = new UnitTrees(this, unitPath);
      }
      return last;
    }

    int register(Candidates candidates) {
      for (int i = 0; i < registered.size(); i++) {
        if (registered.get(i) == candidates) {
          return i;
        }
      }
      checkState(
          registered.size() < MAX_CANDIDATES,
          "more than %s Candidates in one compilation",
          MAX_CANDIDATES);
      int index = registered.size();
      registered.add(candidates);
      long bit = 1L << index;
      for (Tree.Kind kind : candidates.kinds) {
        switch (kind) {
          case METHOD_INVOCATION -> invocationReaders |= bit;
          case NEW_CLASS -> newClassReaders |= bit;
          case MEMBER_REFERENCE -> referenceReaders |= bit;
          case TRY -> tryReaders |= bit;
          case ASSIGNMENT -> assignmentReaders |= bit;
          default -> throw new AssertionError("not a site kind: " + kind);
        }
      }
      return index;
    }

    /**
     * The registered Candidates (bit i for the i-th of the first {@code count}) that choose {@code
     * method}: its name first, which settles most methods.
     */
    long choosing(MethodSymbol method, int count, VisitorState state) {
      Decisions decided = byMethod.get(method);
      if (decided == null) {
        decided = new Decisions();
        byMethod.put(method, decided);
      }
      if (decided.count < count) {
        long named = named(method.getSimpleName(), count, state);
        for (int i = decided.count; i < count; i++) {
          if ((named & (1L << i)) != 0 && registered.get(i).methods.mayMatch(method, state)) {
            decided.chosenBy |= 1L << i;
          }
        }
        decided.count = count;
      }
      return decided.chosenBy;
    }

    /** The registered Candidates (as in {@link #choosing}) whose name test {@code name} passes. */
    long named(Name name, int count, VisitorState state) {
      Decisions decided = byName.get(name);
      if (decided == null) {
        decided = new Decisions();
        byName.put(name, decided);
      }
      for (int i = decided.count; i < count; i++) {
        if (registered.get(i).names.mayMatch(name, state)) {
          decided.chosenBy |= 1L << i;
        }
      }
      decided.count = count;
      return decided.chosenBy;
    }
  }

  /** Which of the first {@code count} registered Candidates choose one name or method. */
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
    // The unit being walked: its state, how many Candidates the walk serves, their sites so far.
    private VisitorState state;
    private int count;
    private List<List<Site>> chosen = List.of();
    // The trees from the unit to the one being scanned, and the path of each where one was made.
    // The paths made form a prefix of the stack: a tree pushed has none yet.
    private JCTree[] ancestors = new JCTree[64];
    private @Nullable TreePath[] paths = new TreePath[64];
    private int depth;

    Collector(InCompilation compilation, VisitorState firstUnitState) {
      this.compilation = compilation;
      this.state = firstUnitState;
    }

    /** The sites of the unit at {@code unitPath}, per registered Candidates. */
    List<List<Site>> collect(TreePath unitPath, VisitorState unitState) {
      state = unitState;
      // The walk serves the Candidates registered before it (nothing registers during a walk).
      count = compilation.registered.size();
      chosen = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        chosen.add(new ArrayList<>());
      }
      JCCompilationUnit unit = (JCCompilationUnit) unitPath.getCompilationUnit();
      ancestors[0] = unit;
      paths[0] = unitPath;
      depth = 1;
      for (JCTree declaration : unit.defs) {
        if (declaration instanceof JCClassDecl) {
          scan(declaration); // not the package declaration and imports
        }
      }
      return chosen;
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

    /**
     * A call, construction or member reference resolving to {@code symbol}, read by {@code
     * readers}.
     */
    private void call(long readers, @Nullable Symbol symbol) {
      if (readers == 0 || !(symbol instanceof MethodSymbol method)) {
        return; // no check reads the kind, or unresolved
      }
      long chosenBy = compilation.choosing(method, count, state) & readers;
      if (chosenBy != 0) { // nearly every call is chosen by none
        file(new Site(currentPath(), method), chosenBy);
      }
    }

    /** A {@code try}, read by {@code readers}. */
    private void collect(long readers) {
      if (readers != 0) {
        file(new Site(currentPath(), null), readers);
      }
    }

    /** Files {@code site} for each Candidates of {@code readers} (bit i for the i-th). */
    private void file(Site site, long readers) {
      for (long left = readers; left != 0; left &= left - 1) {
        chosen.get(Long.numberOfTrailingZeros(left)).add(site);
      }
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
      call(compilation.invocationReaders, TreeInfo.symbol(tree.meth));
      super.visitApply(tree);
    }

    @Override
    public void visitNewClass(JCNewClass tree) {
      call(compilation.newClassReaders, tree.constructor);
      super.visitNewClass(tree);
    }

    @Override
    public void visitReference(JCMemberReference tree) {
      call(compilation.referenceReaders, tree.sym);
      super.visitReference(tree);
    }

    @Override
    public void visitTry(JCTry tree) {
      collect(compilation.tryReaders);
      super.visitTry(tree);
    }

    @Override
    public void visitAssign(JCAssign tree) {
      long readers = compilation.assignmentReaders;
      Symbol variable = readers == 0 ? null : TreeInfo.symbol(tree.lhs);
      if (variable != null) { // an array element has no name to test
        long chosenBy = compilation.named(variable.name, count, state) & readers;
        if (chosenBy != 0) { // most assignments' variables are named like no key
          file(new Site(currentPath(), null), chosenBy);
        }
      }
      super.visitAssign(tree);
    }
  }
}
