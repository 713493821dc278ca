package dev.poolguard.checks.common;

import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.TryTree;

/**
 * A PoolGuard check: decides once per compilation unit whether it is test code, and runs the
 * check's tree matchers in one pass over the units that are.
 *
 * <p>Why not Error Prone's per-tree matcher interfaces: Error Prone calls every registered matcher
 * for every tree of its kind, each call inside its own stopwatch, which alone costs about 0.2 % of
 * a compilation per matcher kind (see {@code docs/benchmarks.md}, "Compile overhead"). A check
 * registers one {@code CompilationUnitTreeMatcher} instead and walks the unit with Error Prone's
 * {@code SuppressibleTreePathScanner}, which skips code under {@code @SuppressWarnings} as Error
 * Prone's own dispatch does. Subclasses override the {@code match*} methods they need.
 *
 * <p>Internal: public only so that the checks' feature packages can extend it. Not an API.
 */
public abstract class TestCodeChecker extends BugChecker implements CompilationUnitTreeMatcher {
  private static final long serialVersionUID = 1L;

  private final TestCodeDetector testCode;

  protected TestCodeChecker(PoolGuardConfig config) {
    this.testCode = new TestCodeDetector(config);
  }

  /** Whether the compilation unit of {@code state.getPath()} is test code (memoized per unit). */
  protected final boolean isTestCode(VisitorState state) {
    return testCode.isTestCode(state);
  }

  @Override
  public final Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    if (isTestCode(state)) {
      new Scan(state).scan(state.getPath(), null);
    }
    return Description.NO_MATCH; // the unit itself is never the finding
  }

  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return Description.NO_MATCH;
  }

  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return Description.NO_MATCH;
  }

  public Description matchMemberReference(MemberReferenceTree tree, VisitorState state) {
    return Description.NO_MATCH;
  }

  public Description matchAssignment(AssignmentTree tree, VisitorState state) {
    return Description.NO_MATCH;
  }

  public Description matchTry(TryTree tree, VisitorState state) {
    return Description.NO_MATCH;
  }

  /** The one pass: each tree of a matched kind, with its path, outside suppressed code. */
  private final class Scan extends SuppressibleTreePathScanner<Void, Void> {
    Scan(VisitorState state) {
      super(state);
    }

    private VisitorState here() {
      return state.withPath(getCurrentPath());
    }

    private void report(Description description) {
      if (description != Description.NO_MATCH) {
        state.reportMatch(description);
      }
    }

    @Override
    public Void visitNewClass(NewClassTree tree, Void unused) {
      report(matchNewClass(tree, here()));
      return super.visitNewClass(tree, null);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
      report(matchMethodInvocation(tree, here()));
      return super.visitMethodInvocation(tree, null);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
      report(matchMemberReference(tree, here()));
      return super.visitMemberReference(tree, null);
    }

    @Override
    public Void visitAssignment(AssignmentTree tree, Void unused) {
      report(matchAssignment(tree, here()));
      return super.visitAssignment(tree, null);
    }

    @Override
    public Void visitTry(TryTree tree, Void unused) {
      report(matchTry(tree, here()));
      return super.visitTry(tree, null);
    }
  }
}
