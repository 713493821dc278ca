package dev.poolguard.checks.teardown;

import static dev.poolguard.checks.common.CheckTestSupport.assertFlagRejected;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class SharedPoolClosedInTestTest {
  private final CompilationTestHelper compilationHelper =
      CompilationTestHelper.newInstance(SharedPoolClosedInTest.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoringHelper =
      BugCheckerRefactoringTestHelper.newInstance(SharedPoolClosedInTest.class, getClass());

  /** A support class the test inputs share: pools it holds, hands out or builds per call. */
  private CompilationTestHelper withDb() {
    return compilationHelper.addSourceLines(
        "src/test/java/com/acme/Db.java",
        "package com.acme;",
        "import com.zaxxer.hikari.HikariDataSource;",
        "import dev.poolguard.runtime.SharedTestDataSource;",
        "import javax.sql.DataSource;",
        "final class Db {",
        "  static final HikariDataSource POOL = new HikariDataSource();",
        "  static final DataSource SHARED = SharedTestDataSource.get();",
        "  static HikariDataSource instance() { return POOL; }",
        "  static HikariDataSource viaInstance() { return instance(); }",
        "  static DataSource shared() { return SHARED; }",
        "  static HikariDataSource fresh() { return new HikariDataSource(); }",
        "  static HikariDataSource freshViaLocal() {",
        "    HikariDataSource ds = new HikariDataSource();",
        "    ds.setMaximumPoolSize(2);",
        "    return ds;",
        "  }",
        "  static void shutdownHook() { POOL.close(); }",
        "}");
  }

  @Test
  void productionCodeIsNotChecked() {
    withDb()
        .addSourceLines(
            "src/main/java/com/acme/AppShutdown.java",
            "package com.acme;",
            "import dev.poolguard.runtime.SharedTestDataSource;",
            "class AppShutdown {",
            "  void stop() throws Exception {",
            "    ((AutoCloseable) SharedTestDataSource.get()).close();",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void closingConnectionsAndOwnPoolsIsNeverFlagged() {
    withDb()
        .addSourceLines(
            "src/test/java/com/acme/NegativesTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import dev.poolguard.runtime.SharedTestDataSource;",
            "import java.sql.Connection;",
            "import java.sql.PreparedStatement;",
            "import java.sql.ResultSet;",
            "import javax.sql.DataSource;",
            "import org.junit.jupiter.api.AfterAll;",
            "import org.junit.jupiter.api.AfterEach;",
            "import org.junit.jupiter.api.BeforeAll;",
            "import org.junit.jupiter.api.Test;",
            "class NegativesTest {",
            "  @SuppressWarnings(\"PerTestDatabaseClient\")",
            "  static HikariDataSource own = new HikariDataSource();",
            "  static HikariDataSource built;",
            "  static HikariDataSource fromHelper;",
            "  static Connection connection;",
            "  @BeforeAll static void setUp() throws Exception {",
            "    built = new HikariDataSource();",
            "    fromHelper = Db.fresh();",
            "    connection = SharedTestDataSource.get().getConnection();",
            "  }",
            "  @Test void borrowAndReturn() throws Exception {",
            "    try (Connection c = SharedTestDataSource.get().getConnection();",
            "        PreparedStatement s = c.prepareStatement(\"select 1\");",
            "        ResultSet r = s.executeQuery()) {",
            "      r.next();",
            "    }",
            "    SharedTestDataSource.get().getConnection().close();",
            "  }",
            "  @Test void closesItsOwnPoolsAnywhere() {",
            "    try (HikariDataSource local = new HikariDataSource()) {}",
            "    Db.freshViaLocal().close();",
            "  }",
            "  @Test void notTeardown() { Db.POOL.close(); }",
            "  @AfterEach void returnConnection() throws Exception { connection.close(); }",
            "  @AfterAll static void tearDown() throws Exception {",
            "    own.close();",
            "    built.close();",
            "    fromHelper.close();",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void junit5CodeEndingTheSharedPoolIsFlagged() {
    withDb()
        .addSourceLines(
            "src/test/java/com/acme/Junit5Test.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import dev.poolguard.runtime.SharedTestDataSource;",
            "import java.io.Closeable;",
            "import javax.sql.DataSource;",
            "import org.junit.jupiter.api.AfterAll;",
            "import org.junit.jupiter.api.AfterEach;",
            "import org.junit.jupiter.api.BeforeAll;",
            "import org.junit.jupiter.api.Nested;",
            "import org.junit.jupiter.api.Test;",
            "class Junit5Test {",
            "  static DataSource dataSource;",
            "  DataSource perInstance = SharedTestDataSource.get();",
            "  @BeforeAll static void setUp() { dataSource = SharedTestDataSource.get(); }",
            "  @AfterAll static void tearDown() throws Exception {",
            "    // BUG: Diagnostic contains: ends the shared test pool",
            "    ((HikariDataSource) dataSource).close();",
            "    // BUG: Diagnostic contains: ends the shared test pool",
            "    dataSource.unwrap(HikariDataSource.class).close();",
            "    // BUG: Diagnostic contains: ends the shared test pool",
            "    dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().suspendPool();",
            "    // BUG: Diagnostic contains: ends the shared test pool",
            "    ((Closeable) SharedTestDataSource.get()).close();",
            "  }",
            "  @AfterEach void each() throws Exception {",
            "    final DataSource local = SharedTestDataSource.get();",
            "    // BUG: Diagnostic contains: ends the shared test pool",
            "    ((AutoCloseable) local).close();",
            "    // BUG: Diagnostic contains: ends the shared test pool",
            "    ((AutoCloseable) perInstance).close();",
            "  }",
            "  @Test void tryWithResources() throws Exception {",
            "    // BUG: Diagnostic contains: try (HikariDataSource ds",
            "    try (HikariDataSource ds = (HikariDataSource) SharedTestDataSource.get()) {",
            "      ds.getConnection().close();",
            "    }",
            "    // BUG: Diagnostic contains: ends the shared test pool",
            "    try (HikariDataSource ds = dataSource.unwrap(HikariDataSource.class)) {}",
            "  }",
            "  @Test void boundReference(java.util.List<Runnable> closers) {",
            "    HikariDataSource hikari = (HikariDataSource) dataSource;",
            "    // BUG: Diagnostic contains: hikari::close",
            "    closers.add(hikari::close);",
            "  }",
            "  @Nested class Inner {",
            "    @AfterEach void close() throws Exception {",
            "      // BUG: Diagnostic contains: ends the shared test pool",
            "      ((AutoCloseable) dataSource).close();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void teardownEndingAnotherClassesPoolIsFlaggedAsForeign() {
    withDb()
        .addSourceLines(
            "src/test/java/com/acme/ForeignPoolTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import javax.sql.DataSource;",
            "import org.junit.jupiter.api.AfterAll;",
            "import org.junit.jupiter.api.BeforeAll;",
            "class ForeignPoolTest {",
            "  static HikariDataSource pool;",
            "  static HikariDataSource deep;",
            "  @BeforeAll static void setUp() {",
            "    pool = Db.instance();",
            "    deep = Db.viaInstance();",
            "  }",
            "  @AfterAll static void tearDown() throws Exception {",
            "    // BUG: Diagnostic contains: ends a pool this class does not own",
            "    pool.close();",
            "    // BUG: Diagnostic contains: ends a pool this class does not own",
            "    deep.close();",
            "    // BUG: Diagnostic contains: ends a pool this class does not own",
            "    Db.POOL.close();",
            "    // BUG: Diagnostic contains: ends the shared test pool",
            "    ((AutoCloseable) Db.shared()).close();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void junit4TeardownIsChecked() {
    withDb()
        .addSourceLines(
            "src/test/java/com/acme/Junit4Test.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import dev.poolguard.runtime.SharedTestDataSource;",
            "import org.junit.After;",
            "import org.junit.AfterClass;",
            "import org.junit.Test;",
            "public class Junit4Test {",
            "  private static HikariDataSource pool;",
            "  @Test public void t() { pool = (HikariDataSource) SharedTestDataSource.get(); }",
            "  @After public void after() {",
            "    if (pool != null) {",
            "      // BUG: Diagnostic contains: ends the shared test pool",
            "      pool.close();",
            "    }",
            "  }",
            "  @AfterClass public static void afterClass() {",
            "    // BUG: Diagnostic contains: ends a pool this class does not own",
            "    Db.instance().close();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void testNgTeardownIsChecked() {
    withDb()
        .addSourceLines(
            "src/test/java/com/acme/TestNgTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import dev.poolguard.runtime.SharedTestDataSource;",
            "import org.testng.annotations.AfterClass;",
            "import org.testng.annotations.AfterMethod;",
            "import org.testng.annotations.AfterSuite;",
            "import org.testng.annotations.Test;",
            "public class TestNgTest {",
            "  private HikariDataSource pool = (HikariDataSource) SharedTestDataSource.get();",
            "  @Test public void t() {}",
            "  @AfterMethod public void afterMethod() {",
            "    // BUG: Diagnostic contains: ends the shared test pool",
            "    pool.getHikariPoolMXBean().suspendPool();",
            "  }",
            "  @AfterClass public void afterClass() {",
            "    // BUG: Diagnostic contains: ends the shared test pool",
            "    pool.close();",
            "  }",
            "  @AfterSuite public void afterSuite() {",
            "    // BUG: Diagnostic contains: ends a pool this class does not own",
            "    Db.POOL.close();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void teardownEndingAnInjectedPoolIsFlaggedAsForeign() {
    withDb()
        .addSourceLines(
            "src/test/java/com/acme/InjectedPoolTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import javax.sql.DataSource;",
            "import org.junit.jupiter.api.AfterAll;",
            "import org.junit.jupiter.api.AfterEach;",
            "import org.junit.jupiter.api.BeforeAll;",
            "import org.junit.jupiter.api.Test;",
            "import org.springframework.beans.factory.annotation.Autowired;",
            "class InjectedPoolTest {",
            "  @Autowired DataSource dataSource;",
            "  @javax.inject.Inject HikariDataSource hikari;",
            "  static DataSource resolved;",
            "  @BeforeAll static void setUp(DataSource fromExtension) { resolved = fromExtension; }",
            "  @Test void t() {}",
            "  @AfterEach void each() throws Exception {",
            "    // BUG: Diagnostic contains: ends a pool this class does not own",
            "    ((AutoCloseable) dataSource).close();",
            "    // BUG: Diagnostic contains: ends a pool this class does not own",
            "    hikari.close();",
            "  }",
            "  @AfterAll static void all() throws Exception {",
            "    // BUG: Diagnostic contains: ends a pool this class does not own",
            "    ((AutoCloseable) resolved).close();",
            "  }",
            "  static void helper(DataSource given) throws Exception {",
            "    ((AutoCloseable) given).close();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void suppressionIsHonoured() {
    withDb()
        .addSourceLines(
            "src/test/java/com/acme/SuppressedTest.java",
            "package com.acme;",
            "import dev.poolguard.runtime.SharedTestDataSource;",
            "import org.junit.jupiter.api.AfterAll;",
            "class SuppressedTest {",
            "  @SuppressWarnings(\"SharedPoolClosedInTest\")",
            "  @AfterAll static void tearDown() throws Exception {",
            "    ((AutoCloseable) SharedTestDataSource.get()).close();",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void identificationOfHolders() {
    compilationHelper
        .setArgs("-XepOpt:PoolGuard:SharedPoolHolders=com.acme.ListedHolder")
        .addSourceLines(
            "src/test/java/com/acme/Holders.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import dev.poolguard.runtime.SharedPoolHolder;",
            "import dev.poolguard.runtime.SharedTestDataSource;",
            "final class ListedHolder {",
            "  static void closeAtEnd() throws Exception {",
            "    ((AutoCloseable) SharedTestDataSource.get()).close();",
            "  }",
            "}",
            "@SharedPoolHolder",
            "final class AnnotatedHolder {",
            "  static final HikariDataSource POOL = (HikariDataSource) SharedTestDataSource.get();",
            "  static void closeAtEnd() { POOL.close(); }",
            "}",
            "final class SingletonHolder {",
            "  private static final HikariDataSource POOL = (HikariDataSource) SharedTestDataSource.get();",
            "  static { Runtime.getRuntime().addShutdownHook(new Thread(POOL::close)); }",
            "  static void closeAtEnd() { POOL.close(); }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void identificationWithSharedPoolFactories() {
    compilationHelper
        .setArgs("-XepOpt:PoolGuard:SharedPoolFactories=com.acme.support.Databases#testPool")
        .addSourceLines(
            "src/test/java/com/acme/support/Databases.java",
            "package com.acme.support;",
            "public final class Databases {",
            "  public static native com.zaxxer.hikari.HikariDataSource testPool();",
            "  public static native com.zaxxer.hikari.HikariDataSource otherPool();",
            "}")
        .addSourceLines(
            "src/test/java/com/acme/FactoryTest.java",
            "package com.acme;",
            "import com.acme.support.Databases;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import org.junit.jupiter.api.AfterAll;",
            "class FactoryTest {",
            "  static final HikariDataSource POOL = Databases.testPool();",
            "  static final HikariDataSource OTHER = Databases.otherPool();",
            "  @AfterAll static void tearDown() {",
            "    OTHER.close();",
            "    // BUG: Diagnostic contains: ends the shared test pool",
            "    POOL.close();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void replacement() {
    refactoringHelper
        .addInputLines(
            "src/test/java/com/acme/OrdersTest.java",
            "package com.acme;",
            "import dev.poolguard.runtime.SharedTestDataSource;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import java.io.Closeable;",
            "import java.io.IOException;",
            "import javax.sql.DataSource;",
            "import org.junit.jupiter.api.AfterAll;",
            "import org.junit.jupiter.api.AfterEach;",
            "import org.junit.jupiter.api.Test;",
            "class OrdersTest {",
            "  static DataSource dataSource = SharedTestDataSource.get();",
            "  @Test void t() {}",
            "  @AfterEach void each() {",
            "    if (dataSource != null) {",
            "      ((HikariDataSource) dataSource).close();",
            "    }",
            "    System.out.println(\"done\");",
            "  }",
            "  @AfterAll static void tearDown() {",
            "    try {",
            "      ((Closeable) dataSource).close();",
            "    } catch (IOException e) {",
            "      throw new AssertionError(e);",
            "    }",
            "  }",
            "}")
        .addOutputLines(
            "src/test/java/com/acme/OrdersTest.java",
            "package com.acme;",
            "import dev.poolguard.runtime.SharedTestDataSource;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import java.io.Closeable;",
            "import java.io.IOException;",
            "import javax.sql.DataSource;",
            "import org.junit.jupiter.api.AfterAll;",
            "import org.junit.jupiter.api.AfterEach;",
            "import org.junit.jupiter.api.Test;",
            "class OrdersTest {",
            "  static DataSource dataSource = SharedTestDataSource.get();",
            "  @Test void t() {}",
            "  @AfterEach void each() {",
            "    System.out.println(\"done\");",
            "  }",
            "  @AfterAll static void tearDown() {",
            "  }",
            "}")
        .doTest(BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH);
  }

  /** The head of a JUnit 5 extension source: imports and the store's namespace. */
  private static final String[] EXTENSION_HEAD = {
    "package com.acme;",
    "import com.zaxxer.hikari.HikariDataSource;",
    "import org.junit.jupiter.api.extension.AfterAllCallback;",
    "import org.junit.jupiter.api.extension.BeforeAllCallback;",
    "import org.junit.jupiter.api.extension.ExtensionContext;",
    "import org.junit.jupiter.api.extension.ExtensionContext.Namespace;",
    "import org.junit.jupiter.api.extension.ExtensionContext.Store;",
    "import org.junit.jupiter.api.extension.ExtensionContext.StoreScope;",
  };

  private CompilationTestHelper extension(String path, String... body) {
    String[] lines = new String[EXTENSION_HEAD.length + body.length];
    System.arraycopy(EXTENSION_HEAD, 0, lines, 0, EXTENSION_HEAD.length);
    System.arraycopy(body, 0, lines, EXTENSION_HEAD.length, body.length);
    return compilationHelper.addSourceLines(path, lines);
  }

  @Test
  void anExtensionClosingThePoolOfAClassScopedStoreIsNotFlagged() {
    extension(
            "src/test/java/com/acme/ClassPoolExtension.java",
            "class ClassPoolExtension implements BeforeAllCallback, AfterAllCallback {",
            "  static final Namespace NS = Namespace.create(ClassPoolExtension.class);",
            "  @Override public void beforeAll(ExtensionContext context) {",
            "    context.getStore(NS).put(\"pool\", new HikariDataSource());",
            "  }",
            "  @Override public void afterAll(ExtensionContext context) {",
            "    context.getStore(NS).get(\"pool\", HikariDataSource.class).close();",
            "    context.getParent().get().getStore(NS).get(\"pool\", HikariDataSource.class).close();",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void theRootStoreClosingItsPoolAtTheEndOfTheRunIsNotFlagged() {
    extension(
            "src/test/java/com/acme/RunPoolExtension.java",
            "@SuppressWarnings(\"deprecation\") // CloseableResource, AutoCloseable's forerunner",
            "class RunPoolExtension implements BeforeAllCallback {",
            "  static final Namespace NS = Namespace.create(RunPoolExtension.class);",
            "  @Override public void beforeAll(ExtensionContext context) {",
            "    Store root = context.getRoot().getStore(NS);",
            "    HikariDataSource pool = root.getOrComputeIfAbsent(",
            "        \"pool\", k -> new HikariDataSource(), HikariDataSource.class);",
            "    root.put(\"closer\", (Store.CloseableResource) pool::close);",
            "    root.put(\"lambda\", (Store.CloseableResource) () -> pool.close());",
            "    root.put(\"auto\", (AutoCloseable) pool::close);",
            "    root.put(\"resource\", new Closer());",
            "  }",
            "  static final class Closer implements Store.CloseableResource {",
            "    @Override public void close() {",
            "      // Not the extension's callback: JUnit calls it when the root store closes.",
            "    }",
            "  }",
            "  static final class PoolCloser implements Store.CloseableResource {",
            "    private final ExtensionContext context;",
            "    PoolCloser(ExtensionContext context) { this.context = context; }",
            "    @Override public void close() {",
            "      context.getRoot().getStore(NS).get(\"pool\", HikariDataSource.class).close();",
            "    }",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void anExtensionClosingThePoolOfTheRootStoreInAfterAllIsFlagged() {
    extension(
            "src/test/java/com/acme/DatabaseExtension.java",
            "class DatabaseExtension implements BeforeAllCallback, AfterAllCallback {",
            "  static final Namespace NS = Namespace.create(DatabaseExtension.class);",
            "  @Override public void beforeAll(ExtensionContext context) {",
            "    context.getRoot().getStore(NS).getOrComputeIfAbsent(",
            "        \"pool\", k -> new HikariDataSource(), HikariDataSource.class);",
            "  }",
            "  @Override public void afterAll(ExtensionContext context) {",
            "    // BUG: Diagnostic contains: ends the pool kept in JUnit's run-wide extension store",
            "    context.getRoot().getStore(NS).get(\"pool\", HikariDataSource.class).close();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void theRootStoreIsFollowedThroughLocals() {
    extension(
            "src/test/java/com/acme/DatabaseExtension.java",
            "class DatabaseExtension implements AfterAllCallback {",
            "  static final Namespace NS = Namespace.create(DatabaseExtension.class);",
            "  @Override public void afterAll(ExtensionContext context) {",
            "    ExtensionContext root = context.getRoot();",
            "    Store store = root.getStore(NS);",
            "    HikariDataSource pool = store.get(\"pool\", HikariDataSource.class);",
            "    // BUG: Diagnostic contains: ends the pool kept in JUnit's run-wide extension store",
            "    pool.close();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void theRootStoreIsFollowedThroughFields() {
    extension(
            "src/test/java/com/acme/DatabaseExtension.java",
            "class DatabaseExtension implements BeforeAllCallback, AfterAllCallback {",
            "  static final Namespace NS = Namespace.create(DatabaseExtension.class);",
            "  private static HikariDataSource pool;",
            "  private Store store;",
            "  @Override public void beforeAll(ExtensionContext context) {",
            "    store = context.getRoot().getStore(NS);",
            "    pool = store.getOrComputeIfAbsent(",
            "        \"pool\", k -> new HikariDataSource(), HikariDataSource.class);",
            "  }",
            "  @Override public void afterAll(ExtensionContext context) {",
            "    // BUG: Diagnostic contains: ends the pool kept in JUnit's run-wide extension store",
            "    pool.close();",
            "    // BUG: Diagnostic contains: ends the pool kept in JUnit's run-wide extension store",
            "    this.store.get(\"pool\", HikariDataSource.class).close();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void aPoolRemovedFromTheRootStoreAndClosedIsFlagged() {
    extension(
            "src/test/java/com/acme/DatabaseExtension.java",
            "class DatabaseExtension implements AfterAllCallback {",
            "  static final Namespace NS = Namespace.create(DatabaseExtension.class);",
            "  @Override public void afterAll(ExtensionContext context) {",
            "    // BUG: Diagnostic contains: ends the pool kept in JUnit's run-wide extension store",
            "    context.getRoot().getStore(NS).remove(\"pool\", HikariDataSource.class).close();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void theLauncherSessionStoreIsRunWideToo() {
    extension(
            "src/test/java/com/acme/DatabaseExtension.java",
            "class DatabaseExtension implements AfterAllCallback {",
            "  static final Namespace NS = Namespace.create(DatabaseExtension.class);",
            "  @Override public void afterAll(ExtensionContext context) {",
            "    HikariDataSource pool = context.getStore(StoreScope.LAUNCHER_SESSION, NS)",
            "        .get(\"pool\", HikariDataSource.class);",
            "    // BUG: Diagnostic contains: ends the pool kept in JUnit's run-wide extension store",
            "    pool.close();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void closingTheRootStoresPoolGetsNoAutomaticFix() {
    refactoringHelper
        .addInputLines(
            "src/test/java/com/acme/DatabaseExtension.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import org.junit.jupiter.api.extension.AfterAllCallback;",
            "import org.junit.jupiter.api.extension.ExtensionContext;",
            "import org.junit.jupiter.api.extension.ExtensionContext.Namespace;",
            "class DatabaseExtension implements AfterAllCallback {",
            "  static final Namespace NS = Namespace.create(DatabaseExtension.class);",
            "  @Override public void afterAll(ExtensionContext context) {",
            "    context.getRoot().getStore(NS).get(\"pool\", HikariDataSource.class).close();",
            "  }",
            "}")
        .expectUnchanged()
        .doTest(BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH);
  }

  @Test
  void badFlagValuesFailNamingTheFlag() {
    assertFlagRejected(
        SharedPoolClosedInTest.class,
        "-XepOpt:PoolGuard:SharedPoolFactories=com.acme.Db.pool",
        "Invalid -XepOpt:PoolGuard:SharedPoolFactories=com.acme.Db.pool: expected fully.qualified.Class#method");
    assertFlagRejected(
        SharedPoolClosedInTest.class,
        "-XepOpt:PoolGuard:TestSourcePaths=",
        "Invalid -XepOpt:PoolGuard:TestSourcePaths=");
  }
}
