package dev.poolguard.checks.clients;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MemberReferenceTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.poolguard.checks.common.Links;
import dev.poolguard.checks.common.PoolGuardConfig;
import dev.poolguard.checks.common.Rollout;
import dev.poolguard.checks.common.TestCodeDetector;
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
public final class PerTestDatabaseClient extends BugChecker
    implements NewClassTreeMatcher, MethodInvocationTreeMatcher, MemberReferenceTreeMatcher {
  private static final long serialVersionUID = 1L;

  private final TestCodeDetector testCode;
  private final SharedPoolHolders holders;
  private final ClientCatalog catalog;
  private final Rollout rollout;

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
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return match(tree, ASTHelpers.getSymbol(tree), state);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    if (method.isConstructor()) {
      // super(..) or this(..) in a constructor: the `new` that runs it is the construction.
      return Description.NO_MATCH;
    }
    return match(tree, method, state);
  }

  @Override
  public Description matchMemberReference(MemberReferenceTree tree, VisitorState state) {
    return match(tree, ASTHelpers.getSymbol(tree), state);
  }

  private Description match(ExpressionTree tree, MethodSymbol method, VisitorState state) {
    Optional<ClientKind> kind = catalog.clientBuiltBy(method, state);
    // Cheapest first: nearly every call builds no client; the holder tests walk up the path, the
    // URL search scans the enclosing code.
    if (kind.isEmpty()
        || !testCode.isTestCode(state)
        || holders.isInDeclaredHolder(state.getPath())
        || SharedPoolHolders.isSingletonCreation(state)
        || EmbeddedUrls.isInMemoryOnly(tree, state)) {
      return Description.NO_MATCH;
    }
    SharedClientFix.Proposal proposal = SharedClientFix.forClient(tree, method, kind.get(), state);
    String message =
        message(describe(tree, method, state), kind.get(), SpringBeans.isInBean(state))
            + (proposal.withheldBecause() == null
                ? ""
                : " No automatic fix: " + proposal.withheldBecause() + ".");
    return rollout.finish(buildDescription(tree).setMessage(message), proposal.fix(), state);
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

  private static String message(String what, ClientKind kind, boolean inSpringBean) {
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
    return String.format(
        "%s builds %s in test code. Every such client opens its own server connections, so with many"
            + " test classes and parallel forks the database runs out of connection slots ('too many"
            + " clients already', 'Connection is not available, request timed out'). %s",
        what, kind.description(), replacement);
  }
}
