package dev.poolguard.checks.common;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.ErrorProneFlags;

/** The {@code -XepOpt:PoolGuard:*} flags every check shares, parsed once per check instance. */
public final class PoolGuardOptions {
  static final String ALL_CODE = "PoolGuard:AllCode";
  static final String TEST_SOURCE_PATHS = "PoolGuard:TestSourcePaths";
  static final String SHARED_POOL_HOLDERS = "PoolGuard:SharedPoolHolders";
  static final String SHARED_POOL_FACTORIES = "PoolGuard:SharedPoolFactories";

  /** Source-path fragments of the test source sets Maven and Gradle lay out by convention. */
  static final ImmutableList<String> DEFAULT_TEST_SOURCE_PATHS =
      ImmutableList.of(
          "/src/test/",
          "/src/it/",
          "/src/integrationTest/",
          "/src/integration-test/",
          "/src/testFixtures/",
          "/src/functionalTest/",
          "/src/e2e/");

  private final boolean allCode;
  private final ImmutableList<String> testSourcePaths;
  private final ImmutableSet<String> sharedPoolHolders;
  private final ImmutableList<MemberName> sharedPoolFactories;

  public PoolGuardOptions(ErrorProneFlags flags) {
    this.allCode = FlagValues.bool(flags, ALL_CODE, false);
    this.testSourcePaths = FlagValues.list(flags, TEST_SOURCE_PATHS, DEFAULT_TEST_SOURCE_PATHS);
    if (testSourcePaths.isEmpty()) {
      throw FlagValues.invalid(
          TEST_SOURCE_PATHS,
          "",
          "expected comma-separated path fragments such as /src/test/,/src/it/");
    }
    this.sharedPoolHolders = ImmutableSet.copyOf(FlagValues.classNames(flags, SHARED_POOL_HOLDERS));
    this.sharedPoolFactories = FlagValues.members(flags, SHARED_POOL_FACTORIES);
  }

  /** Whether the checks apply to every compilation unit, not only to test code. */
  boolean allCode() {
    return allCode;
  }

  /** Path fragments (with {@code /} separators) that mark a source file as test code. */
  ImmutableList<String> testSourcePaths() {
    return testSourcePaths;
  }

  /** Fully qualified names of classes that are the sanctioned holder of the shared pool. */
  public ImmutableSet<String> sharedPoolHolders() {
    return sharedPoolHolders;
  }

  /** Methods that hand out the shared pool, besides {@code SharedTestDataSource.get()}. */
  public ImmutableList<MemberName> sharedPoolFactories() {
    return sharedPoolFactories;
  }
}
