package dev.poolguard.checks.teardown;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;
import static com.google.errorprone.util.ASTHelpers.isStatic;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Iterables;
import com.google.common.collect.Sets;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.util.Name;
import dev.poolguard.checks.clients.ClientCatalog;
import dev.poolguard.checks.clients.SharedPoolHolders;
import dev.poolguard.checks.common.Links;
import dev.poolguard.checks.common.PoolGuardConfig;
import dev.poolguard.checks.common.Rollout;
import dev.poolguard.checks.common.RunWideStore;
import dev.poolguard.checks.common.StatementDeletion;
import dev.poolguard.checks.common.TestCodeDetector;
import dev.poolguard.checks.common.TestFrameworks;
import dev.poolguard.checks.common.UnitTrees;
import java.util.Objects;
import java.util.Optional;
import javax.inject.Inject;
import org.jspecify.annotations.Nullable;

/**
 * Flags test code that ends the shared, process-wide pool — {@code close()}, {@code shutdown()},
 * evicting its connections, try-with-resources over it — or the pool a JUnit extension keeps in the
 * run-wide extension store, and, in teardown methods, that ends any pool the class does not own.
 * Other test classes still use that pool; the runtime closes it once, at the end of the run.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "Test code closes the shared test pool, which later test classes still need; the runtime"
            + " closes it once when the test run ends",
    severity = ERROR,
    link = Links.DOCS + "SharedPoolClosedInTest.md",
    linkType = CUSTOM,
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class SharedPoolClosedInTest extends BugChecker implements CompilationUnitTreeMatcher {
  private static final long serialVersionUID = 1L;

  // Calls and member references (`POOL::close`) of an ending method's name, and try statements
  // (their resources are closed at the end).
  private static final ImmutableSet<Tree.Kind> ENDING_TREES =
      Sets.immutableEnumSet(Tree.Kind.METHOD_INVOCATION, Tree.Kind.MEMBER_REFERENCE, Tree.Kind.TRY);

  private static final Matcher<ExpressionTree> ENDS_ITS_RECEIVER =
      instanceMethod().anyClass().namedAnyOf(PoolTeardown.ENDING_METHODS);
  private static final Matcher<ExpressionTree> ENDS_ITS_ARGUMENT =
      staticMethod().anyClass().namedAnyOf(PoolTeardown.ENDING_STATIC_METHODS);

  /** The ending methods' names in the compilation's name table: the calls this check reads. */
  private static final Supplier<ImmutableSet<Name>> ENDING_NAMES =
      VisitorState.memoize(
          state -> {
            ImmutableSet.Builder<Name> names = ImmutableSet.builder();
            for (String name :
                Iterables.concat(PoolTeardown.ENDING_METHODS, PoolTeardown.ENDING_STATIC_METHODS)) {
              names.add(state.getName(name));
            }
            return names.build();
          });

  // The name decides: which pool a call ends is read at the call.
  private static final UnitTrees.Candidates ENDING_CALLS =
      new UnitTrees.Candidates(
          ENDING_TREES,
          (name, state) -> ENDING_NAMES.get(state).contains(name),
          (method, state) -> true);

  private final TestCodeDetector testCode;
  private final SharedPoolHolders holders;
  private final Rollout rollout;
  private final PoolOrigins origins;
  // Made once, not per unit: until the JIT reaches it, making a method reference runs through
  // the method-handle machinery, and every compilation loads the checks afresh.
  private final UnitTrees.SiteMatcher siteMatcher = this::match;

  /** Used by Error Prone when the check is loaded without flags. */
  public SharedPoolClosedInTest() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  SharedPoolClosedInTest(ErrorProneFlags flags) {
    this(new PoolGuardConfig(flags));
  }

  private SharedPoolClosedInTest(PoolGuardConfig config) {
    this.testCode = new TestCodeDetector(config);
    this.rollout = new Rollout(config, canonicalName());
    this.holders = new SharedPoolHolders(config);
    // Deliberate (see PoolGuardConfig#additionalClients): what a listed factory builds is owned.
    this.origins =
        new PoolOrigins(
            config.sharedPoolFactories(), new ClientCatalog(config.additionalClients()));
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree unit, VisitorState state) {
    UnitTrees trees = UnitTrees.of(state);
    if (trees.isTestCode(testCode, state)) {
      UnitTrees.report(this, state, trees.sites(ENDING_CALLS, state), siteMatcher);
    }
    return Description.NO_MATCH;
  }

  private Description match(UnitTrees.Site site, VisitorState unitState) {
    TreePath path = site.path();
    Tree leaf = site.tree();
    if (leaf instanceof MethodInvocationTree call) {
      ExpressionTree pool = endedPool(call, unitState);
      return pool == null
          ? Description.NO_MATCH
          : describe(call, pool, s -> s.getSourceForNode(call), unitState.withPath(path), true);
    }
    if (leaf instanceof MemberReferenceTree reference) {
      return matchReference(reference, path, unitState);
    }
    TryTree tryTree = (TryTree) leaf;
    return tryTree.getResources().isEmpty()
        ? Description.NO_MATCH
        : matchTry(tryTree, unitState.withPath(path));
  }

  private Description matchReference(
      MemberReferenceTree tree, TreePath path, VisitorState unitState) {
    // Only bound references such as POOL::close name the pool they will end.
    if (!ENDS_ITS_RECEIVER.matches(tree, unitState)
        || !(ASTHelpers.getSymbol(tree.getQualifierExpression()) instanceof VarSymbol)) {
      return Description.NO_MATCH;
    }
    return describe(
        tree,
        tree.getQualifierExpression(),
        s -> s.getSourceForNode(tree),
        unitState.withPath(path),
        false);
  }

  private Description matchTry(TryTree tree, VisitorState state) {
    for (Tree resource : tree.getResources()) {
      ExpressionTree pool =
          resource instanceof VariableTree variableTree
              ? variableTree.getInitializer()
              : (ExpressionTree) resource;
      Description description =
          describe(resource, pool, s -> "try (" + s.getSourceForNode(resource) + ")", state, false);
      if (description != Description.NO_MATCH) {
        return description;
      }
    }
    return Description.NO_MATCH;
  }

  /**
   * The pool a call ends: the receiver of {@code close()}-style methods, or a static closer's
   * argument.
   */
  private static @Nullable ExpressionTree endedPool(MethodInvocationTree call, VisitorState state) {
    if (ENDS_ITS_RECEIVER.matches(call, state)) {
      return ASTHelpers.getReceiver(call);
    }
    if (ENDS_ITS_ARGUMENT.matches(call, state) && call.getArguments().size() == 1) {
      return call.getArguments().get(0);
    }
    return null;
  }

  /**
   * The finding for ending {@code pool}, if it is the shared pool or (in a teardown method) a pool
   * this class does not own. {@code what} renders the flagged code, only for a finding: most calls
   * that end something end a Connection, Statement or ResultSet and are rejected first.
   */
  private Description describe(
      Tree reported,
      @Nullable ExpressionTree pool,
      Supplier<String> what,
      VisitorState state,
      boolean deletable) {
    if (pool == null
        || !PoolTeardown.isPool(pool, state)
        || holders.isInDeclaredHolder(state.getPath(), state)) {
      return Description.NO_MATCH;
    }
    TreePath classPath = state.findPathToEnclosing(ClassTree.class);
    TreePath methodPath = outermostMethod(state.getPath());
    if (classPath == null) {
      return Description.NO_MATCH;
    }
    ClassSymbol closingClass = ASTHelpers.getSymbol((ClassTree) classPath.getLeaf());
    Tree scope = methodPath != null ? methodPath.getLeaf() : classPath.getLeaf();
    PoolOrigin origin = origins.originOf(pool, scope, closingClass, state);
    String message;
    boolean fixable = deletable;
    if (origin == PoolOrigin.SHARED
        && !isHolderClosingItsOwnPool(pool, closingClass, classPath, state)) {
      message = sharedMessage(what.get(state));
    } else if (origin == PoolOrigin.RUN_WIDE_STORE && !RunWideStore.isClosedByTheStore(state)) {
      message = runWideStoreMessage(what.get(state));
      fixable = false; // whether the store closes the pool depends on how it keeps it
    } else if (origin == PoolOrigin.FOREIGN && isInTeardownMethod(state)) {
      message = foreignMessage(what.get(state));
    } else {
      return Description.NO_MATCH;
    }
    Description.Builder description = buildDescription(reported).setMessage(message);
    return rollout.finish(
        description,
        fixable ? StatementDeletion.deleteStatementOf(state) : Optional.empty(),
        state);
  }

  /**
   * The singleton idiom: a class without tests ending the pool it keeps in its own static field.
   */
  private static boolean isHolderClosingItsOwnPool(
      ExpressionTree pool, ClassSymbol closingClass, TreePath classPath, VisitorState state) {
    Symbol symbol = ASTHelpers.getSymbol((Tree) ASTHelpers.stripParentheses(pool));
    return symbol != null
        && isStatic(symbol)
        && Objects.equals(symbol.owner, closingClass)
        && SharedPoolHolders.isOutsideTestLifecycle(classPath, state);
  }

  private static boolean isInTeardownMethod(VisitorState state) {
    MethodTree method = state.findEnclosing(MethodTree.class);
    return method != null && TestFrameworks.isTeardownMethod(ASTHelpers.getSymbol(method), state);
  }

  /** The method whose locals the pool expression may read: the outermost one, lambdas included. */
  private static @Nullable TreePath outermostMethod(TreePath path) {
    TreePath method = null;
    for (TreePath p = path;
        p != null && !(p.getLeaf() instanceof ClassTree);
        p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree) {
        method = p;
      }
    }
    return method;
  }

  private static String sharedMessage(String what) {
    return String.format(
        "'%s' ends the shared test pool (SharedTestDataSource.get()). That pool is process-wide:"
            + " ending it here either kills it for every test class that runs after this one or makes"
            + " the next class open a new one. The PoolGuard runtime closes it exactly once, when the"
            + " test run ends; delete this call.",
        what);
  }

  private static String runWideStoreMessage(String what) {
    return String.format(
        "'%s' ends the pool kept in JUnit's run-wide extension store (context.getRoot().getStore(..)):"
            + " that store holds one pool for every test class of the run, so ending it here kills it"
            + " for every class that runs after this one, or makes the extension build a new one."
            + " Let the store end it once, when the run ends: keep the pool there as an"
            + " ExtensionContext.Store.CloseableResource (JUnit 5.13+ also closes AutoCloseable values)"
            + " and delete this call; or use SharedTestDataSource.get(). No automatic fix: whether the"
            + " store closes the pool depends on how it is kept there.",
        what);
  }

  private static String foreignMessage(String what) {
    return String.format(
        "'%s' in a teardown method ends a pool this class does not own: it comes from another"
            + " class's field or accessor, or is injected by a container or a JUnit extension, and other"
            + " test classes still use it, so they find it closed (or open a new one). Leave closing to"
            + " its owner (the PoolGuard runtime closes the shared pool once, when the test run ends);"
            + " delete this call.",
        what);
  }
}
