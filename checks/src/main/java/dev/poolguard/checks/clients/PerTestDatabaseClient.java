package dev.poolguard.checks.clients;

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
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.poolguard.checks.common.Links;
import dev.poolguard.checks.common.PoolGuardConfig;
import dev.poolguard.checks.common.Rollout;
import dev.poolguard.checks.common.TestCodeDetector;
import dev.poolguard.checks.common.Trees;
import dev.poolguard.checks.common.UnitTrees;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Flags test code that builds its own database client: a pool, a raw connection or a URL-built
 * client. Every such client opens connections of its own, so a suite of many test classes (and
 * parallel forks) runs the server out of connection slots. Tests should borrow from the one
 * process-wide pool instead.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "Test code builds its own database client; use the shared test pool"
            + " (SharedTestDataSource.get()) instead",
    severity = ERROR,
    link = Links.DOCS + "PerTestDatabaseClient.md",
    linkType = CUSTOM,
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class PerTestDatabaseClient extends BugChecker implements CompilationUnitTreeMatcher {
  private static final long serialVersionUID = 1L;

  // Calls, constructions and member references (`HikariDataSource::new`).
  private static final ImmutableSet<Tree.Kind> CLIENT_BUILDING_TREES =
      Sets.immutableEnumSet(
          Tree.Kind.METHOD_INVOCATION, Tree.Kind.NEW_CLASS, Tree.Kind.MEMBER_REFERENCE);

  private final TestCodeDetector testCode;
  private final SharedPoolHolders holders;
  private final ClientCatalog catalog;
  private final Rollout rollout;
  private final UnitTrees.Candidates clientBuilders;
  // Made once, not per unit: until the JIT reaches it, making a method reference runs through
  // the method-handle machinery, and every compilation loads the checks afresh.
  private final UnitTrees.SiteMatcher siteMatcher = this::match;

  /** Used by Error Prone when the check is loaded without flags. */
  public PerTestDatabaseClient() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  PerTestDatabaseClient(ErrorProneFlags flags) {
    this(new PoolGuardConfig(flags));
  }

  private PerTestDatabaseClient(PoolGuardConfig config) {
    this.testCode = new TestCodeDetector(config);
    this.rollout = new Rollout(config, canonicalName());
    this.holders = new SharedPoolHolders(config);
    this.catalog = new ClientCatalog(config.additionalClients());
    this.clientBuilders =
        new UnitTrees.Candidates(
            CLIENT_BUILDING_TREES,
            catalog::mayBuildClient,
            (method, state) -> catalog.clientBuiltBy(method, state).isPresent());
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree unit, VisitorState state) {
    UnitTrees trees = UnitTrees.of(state);
    if (trees.isTestCode(testCode, state)) {
      UnitTrees.report(this, state, trees.sites(clientBuilders, state), siteMatcher);
    }
    return Description.NO_MATCH;
  }

  private Description match(UnitTrees.Site site, VisitorState unitState) {
    ExpressionTree tree = (ExpressionTree) site.tree();
    MethodSymbol method = site.method();
    if (method == null
        // super(..) or this(..) in a constructor: the `new` that runs it is the construction.
        || (tree instanceof MethodInvocationTree && method.isConstructor())) {
      return Description.NO_MATCH;
    }
    Optional<ClientKind> kind = catalog.clientBuiltBy(method, unitState);
    if (kind.isEmpty()) {
      return Description.NO_MATCH; // nearly every call
    }
    // Cheapest first: the holder tests walk up the path, the URL search scans the enclosing code.
    VisitorState state = unitState.withPath(site.path());
    // One client per thread is never the process-wide one, wherever it is kept.
    boolean perThread = PerThreadClients.isPerThread(site.path(), state);
    if ((!perThread
            && (holders.isInDeclaredHolder(site.path(), state)
                || SharedPoolHolders.isSingletonCreation(state)))
        || EmbeddedUrls.isInMemoryOnly(tree, state)) {
      return Description.NO_MATCH;
    }
    SharedClientFix.Proposal proposal = SharedClientFix.forClient(tree, method, kind.get(), state);
    String message =
        message(describe(tree, method, state), kind.get(), perThread, SpringBeans.isInBean(state))
            + (proposal.withheldBecause() == null
                ? ""
                : " No automatic fix: " + proposal.withheldBecause() + ".");
    return rollout.finish(
        buildDescription(constructionStart(tree, state)).setMessage(message),
        proposal.fix(),
        state);
  }

  /**
   * Where the construction starts, which the finding is reported at: for a builder chain ({@code
   * DataSourceBuilder.create().url(..).build()}, often split over lines) the call at its head, as
   * if that call were the client; else the call, construction or reference itself. A chain on a
   * client of its own ({@code Jdbi.create(url).open()}) starts after it: that client is a finding
   * of its own.
   */
  private Tree constructionStart(ExpressionTree tree, VisitorState state) {
    Tree start = tree;
    if (!(tree instanceof MethodInvocationTree)) {
      return start;
    }
    for (ExpressionTree receiver : Trees.receiverChain(tree)) {
      if (receiver instanceof MethodInvocationTree call) {
        if (catalog.clientBuiltBy(ASTHelpers.getSymbol(call), state).isPresent()) {
          break;
        }
        start = receiver;
      }
    }
    return start;
  }

  /**
   * How the flagged code reads: {@code new HikariDataSource(..)}, {@code
   * DriverManager.getConnection(..)}.
   */
  private static String describe(ExpressionTree tree, MethodSymbol method, VisitorState state) {
    if (tree instanceof NewClassTree newClassTree) {
      Symbol constructed = ASTHelpers.getSymbol(newClassTree.getIdentifier());
      return "new " + (constructed == null ? method.owner : constructed).getSimpleName() + "(..)";
    }
    if (tree instanceof MemberReferenceTree) {
      return state.getSourceForNode(tree);
    }
    return method.owner.getSimpleName() + "." + method.getSimpleName() + "(..)";
  }

  private static String message(
      String what, ClientKind kind, boolean perThread, boolean inSpringBean) {
    String replacement =
        kind == ClientKind.CONNECTION
            ? "Use SharedTestDataSource.get().getConnection() (and close the connection to return it)."
            : "Use SharedTestDataSource.get() from poolguard-runtime, or your project's one shared"
                + " holder.";
    if (inSpringBean) {
      // Spring builds one such bean per cached test context: the context cache multiplies it.
      replacement =
          "This @Bean is built once per cached Spring test context: add"
              + " dev.poolguard:poolguard-spring as a test dependency; Spring's pools are then served"
              + " by the shared pool. Or "
              + Character.toLowerCase(replacement.charAt(0))
              + replacement.substring(1);
    }
    String where =
        perThread
            ? " once per thread: a ThreadLocal gives every thread that reads it a client of its own,"
                + " so tests run in parallel multiply it, even in a holder class"
            : " in test code";
    return String.format(
        "%s builds %s%s. Every such client opens its own server connections, so with many"
            + " test classes and parallel forks the database runs out of connection slots ('too many"
            + " clients already', 'Connection is not available, request timed out'). %s",
        what, kind.description(), where, replacement);
  }
}
