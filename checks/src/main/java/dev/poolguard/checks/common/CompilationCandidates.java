package dev.poolguard.checks.common;

import static com.google.common.base.Preconditions.checkState;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.util.Name;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@link UnitTrees} keeps for one compilation: the registered {@link UnitTrees.Candidates},
 * which of them read each kind, their decisions per name and per method, and the unit seen last.
 *
 * <p>The decisions are bit sets (bit i for the i-th registered Candidates) in identity maps, so
 * that the walk's per-call work is one look-up and a mask: the checks' own tests run once per name
 * and per method of the compilation, not once per call.
 */
final class CompilationCandidates {
  // One bit per Candidates in a long (see Decisions).
  private static final int MAX_CANDIDATES = Long.SIZE;

  // A suite's compilation decides a few thousand methods and a few hundred names: sized so that
  // the maps are not rehashed as they fill.
  private static final int EXPECTED_METHODS = 4096;
  private static final int EXPECTED_NAMES = 512;

  private final List<UnitTrees.Candidates> registered = new ArrayList<>();
  // Per kind: which registered Candidates read it (bit i for the i-th). Fields, not getters: the
  // walk reads one per tree, in code that runs cold (Error Prone loads the checks afresh for every
  // compilation).
  long invocationReaders;
  long newClassReaders;
  long referenceReaders;
  long tryReaders;
  long assignmentReaders;
  // Per name and per method: which registered Candidates choose it, and how many are decided.
  private final IdentityHashMap<Name, Decisions> byName = new IdentityHashMap<>(EXPECTED_NAMES);
  private final IdentityHashMap<MethodSymbol, Decisions> byMethod =
      new IdentityHashMap<>(EXPECTED_METHODS);
  // Error Prone calls every check's unit matcher for one unit before it moves to the next, so
  // the last unit's trees are all that is worth keeping.
  private @Nullable UnitTrees last;
  // One walker for every unit of the compilation, its stacks reused.
  private @Nullable SiteCollector walker;

  SiteCollector walker(VisitorState unitState) {
    if (walker == null) {
      walker = new SiteCollector(this, unitState);
    }
    return walker;
  }

  UnitTrees unit(TreePath unitPath) {
    if (last == null || last.unitPath().getCompilationUnit() != unitPath.getCompilationUnit()) {
      last = new UnitTrees(this, unitPath);
    }
    return last;
  }

  /** How many Candidates are registered: a walk serves these. */
  int registeredCount() {
    return registered.size();
  }

  int register(UnitTrees.Candidates candidates) {
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

  /** Which of the first {@code count} registered Candidates choose one name or method. */
  private static final class Decisions {
    private long chosenBy;
    private int count;
  }
}
