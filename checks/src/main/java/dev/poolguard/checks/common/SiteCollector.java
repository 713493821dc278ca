package dev.poolguard.checks.common;

import com.google.errorprone.VisitorState;
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
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The walk of one unit that {@link UnitTrees} shares among the checks: files each tree a registered
 * {@link UnitTrees.Candidates} chooses under it. Only code can hold a collected tree: imports,
 * annotations, modifiers, signatures and the types of declarations are not walked (nearly half of a
 * test class's trees), nor names, literals and type trees inside code.
 *
 * <p>javac's own scanner rather than {@link com.sun.source.util.TreePathScanner}: its dispatch is
 * by virtual call where the public API's is by interface, and it makes no path per tree. The
 * ancestors are kept on a stack and a site's path is made from it when a site is filed (a few
 * thousand per compilation, sharing the paths of their common ancestors), from the same trees
 * {@code TreePathScanner} would give.
 */
final class SiteCollector extends TreeScanner {
  private final CompilationCandidates compilation;
  // The unit being walked: its state, how many Candidates the walk serves, their sites so far.
  private VisitorState state;
  private int count;
  private List<List<UnitTrees.Site>> chosen = List.of();
  // The trees from the unit to the one being scanned, and the path of each where one was made.
  // The paths made form a prefix of the stack: a tree pushed has none yet.
  private JCTree[] ancestors = new JCTree[64];
  private @Nullable TreePath[] paths = new TreePath[64];
  private int depth;

  SiteCollector(CompilationCandidates compilation, VisitorState firstUnitState) {
    this.compilation = compilation;
    this.state = firstUnitState;
  }

  /** The sites of the unit at {@code unitPath}, per registered Candidates. */
  List<List<UnitTrees.Site>> collect(TreePath unitPath, VisitorState unitState) {
    state = unitState;
    // The walk serves the Candidates registered before it (nothing registers during a walk).
    count = compilation.registeredCount();
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
   * A call, construction or member reference resolving to {@code symbol}, read by {@code readers}.
   */
  private void call(long readers, @Nullable Symbol symbol) {
    if (readers == 0 || !(symbol instanceof MethodSymbol method)) {
      return; // no check reads the kind, or unresolved
    }
    long chosenBy = compilation.choosing(method, count, state) & readers;
    if (chosenBy != 0) { // nearly every call is chosen by none
      file(new UnitTrees.Site(currentPath(), method), chosenBy);
    }
  }

  /** A {@code try}, read by {@code readers}. */
  private void collect(long readers) {
    if (readers != 0) {
      file(new UnitTrees.Site(currentPath(), null), readers);
    }
  }

  /** Files {@code site} for each Candidates of {@code readers} (bit i for the i-th). */
  private void file(UnitTrees.Site site, long readers) {
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
        file(new UnitTrees.Site(currentPath(), null), chosenBy);
      }
    }
    super.visitAssign(tree);
  }
}
