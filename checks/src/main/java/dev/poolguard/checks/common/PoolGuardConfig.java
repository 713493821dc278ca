package dev.poolguard.checks.common;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.ErrorProneFlags;

/**
 * Every {@code -XepOpt:} flag of every PoolGuard check, parsed and validated once when a check is
 * constructed: shared flags in the {@code PoolGuard:} namespace, a check's own under its name. A
 * bad value fails the compilation at once with a message naming the flag, the value and the
 * expected form (see {@link FlagValues}). The flags are documented on the pages of the checks that
 * read them ({@code docs/checks/*.md}) and in {@code docs/configuration.md}.
 *
 * <p>Internal: public only so that the checks' feature packages can read it. Not an API.
 */
public final class PoolGuardConfig {
  static final String ALL_CODE = "PoolGuard:AllCode";
  static final String TEST_SOURCE_PATHS = "PoolGuard:TestSourcePaths";
  static final String SHARED_POOL_HOLDERS = "PoolGuard:SharedPoolHolders";
  static final String SHARED_POOL_FACTORIES = "PoolGuard:SharedPoolFactories";
  static final String ROLLOUT = "PoolGuard:Rollout";
  static final String ADDITIONAL_CLIENTS = "PerTestDatabaseClient:AdditionalClients";
  static final String KEY_FIELDS = "HardcodedTestSlug:Fields";
  static final String UNIQUE_FACTORIES = "HardcodedTestSlug:UniqueFactories";
  static final String KEYS_FROM_MAPPING = "HardcodedTestSlug:KeysFromMapping";
  static final String ADDITIONAL_ACQUIRERS = "TestConnectionLeak:AdditionalAcquirers";

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

  static final ImmutableList<String> DEFAULT_KEY_FIELDS = ImmutableList.of("slug");

  private final boolean allCode;
  private final ImmutableList<String> testSourcePaths;
  private final ImmutableSet<String> sharedPoolHolders;
  private final ImmutableList<MemberName> sharedPoolFactories;
  private final boolean rollout;
  private final ImmutableList<MemberName> additionalClients;
  private final ImmutableList<String> keyFields;
  private final ImmutableList<MemberName> uniqueFactories;
  private final boolean keysFromMapping;
  private final ImmutableList<MemberName> additionalAcquirers;

  public PoolGuardConfig(ErrorProneFlags flags) {
    this.allCode = FlagValues.bool(flags, ALL_CODE, false);
    this.testSourcePaths =
        FlagValues.nonEmptyList(
            flags,
            TEST_SOURCE_PATHS,
            DEFAULT_TEST_SOURCE_PATHS,
            "expected comma-separated path fragments such as /src/test/,/src/it/");
    this.sharedPoolHolders = ImmutableSet.copyOf(FlagValues.classNames(flags, SHARED_POOL_HOLDERS));
    this.sharedPoolFactories = FlagValues.members(flags, SHARED_POOL_FACTORIES);
    this.rollout = FlagValues.bool(flags, ROLLOUT, false);
    this.additionalClients = FlagValues.members(flags, ADDITIONAL_CLIENTS);
    this.keyFields = FlagValues.identifiers(flags, KEY_FIELDS, DEFAULT_KEY_FIELDS);
    this.uniqueFactories = FlagValues.members(flags, UNIQUE_FACTORIES);
    this.keysFromMapping = FlagValues.bool(flags, KEYS_FROM_MAPPING, true);
    this.additionalAcquirers = FlagValues.members(flags, ADDITIONAL_ACQUIRERS);
  }

  /** {@code PoolGuard:AllCode}: whether the checks apply to all code, not only to test code. */
  public boolean allCode() {
    return allCode;
  }

  /**
   * {@code PoolGuard:TestSourcePaths}: path fragments (with {@code /} separators) that mark a
   * source file as test code.
   */
  public ImmutableList<String> testSourcePaths() {
    return testSourcePaths;
  }

  /**
   * {@code PoolGuard:SharedPoolHolders}: fully qualified names of the classes that are the
   * sanctioned holder of the shared pool.
   */
  public ImmutableSet<String> sharedPoolHolders() {
    return sharedPoolHolders;
  }

  /**
   * {@code PoolGuard:SharedPoolFactories}: methods that hand out the shared pool, besides {@code
   * SharedTestDataSource.get()}.
   */
  public ImmutableList<MemberName> sharedPoolFactories() {
    return sharedPoolFactories;
  }

  /** {@code PoolGuard:Rollout}: whether the checks run in roll-out mode (see docs/adopting.md). */
  public boolean rollout() {
    return rollout;
  }

  /**
   * {@code PerTestDatabaseClient:AdditionalClients}: the project's own factories that build a new
   * database client per call. {@code PerTestDatabaseClient} flags calls to them; {@code
   * SharedPoolClosedInTest} deliberately reads the same list, because a class that closes what such
   * a factory built closes a pool of its own, not a foreign one.
   */
  public ImmutableList<MemberName> additionalClients() {
    return additionalClients;
  }

  /** {@code HardcodedTestSlug:Fields}: the unique-key names (default {@code slug}). */
  public ImmutableList<String> keyFields() {
    return keyFields;
  }

  /**
   * {@code HardcodedTestSlug:UniqueFactories}: methods whose results are unique per run, besides
   * {@code UniqueSlugs}.
   */
  public ImmutableList<MemberName> uniqueFactories() {
    return uniqueFactories;
  }

  /**
   * {@code HardcodedTestSlug:KeysFromMapping}: whether the unique keys the domain model's mapping
   * declares (JPA, Hibernate, Spring Data) are keys too (default true).
   */
  public boolean keysFromMapping() {
    return keysFromMapping;
  }

  /**
   * {@code TestConnectionLeak:AdditionalAcquirers}: the project's own methods that borrow a
   * connection the caller must give back, besides {@code DataSource#getConnection} and friends.
   */
  public ImmutableList<MemberName> additionalAcquirers() {
    return additionalAcquirers;
  }
}
