package dev.poolguard.checks.clients;

import static dev.poolguard.checks.common.CheckTestSupport.assertFlagRejected;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import dev.poolguard.checks.common.CheckTestSupport;
import org.junit.jupiter.api.Test;

final class PerTestDatabaseClientTest {
  private final CompilationTestHelper compilationHelper =
      CompilationTestHelper.newInstance(PerTestDatabaseClient.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoringHelper =
      BugCheckerRefactoringTestHelper.newInstance(PerTestDatabaseClient.class, getClass());

  @Test
  void productionCodeIsNotChecked() {
    compilationHelper
        .addSourceLines(
            "src/main/java/com/acme/ProductionDb.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import java.sql.Connection;",
            "import java.sql.DriverManager;",
            "class ProductionDb {",
            "  HikariDataSource pool = new HikariDataSource();",
            "  Connection open(String url) throws Exception {",
            "    return DriverManager.getConnection(url);",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void inMemoryDatabasesAndExistingClientsAreNotNewClients() {
    compilationHelper
        .addSourceLines(
            "src/test/java/com/acme/EmbeddedDatabaseTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariConfig;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import java.sql.Connection;",
            "import java.sql.DriverManager;",
            "import javax.sql.DataSource;",
            "import org.jdbi.v3.core.Jdbi;",
            "import org.junit.jupiter.api.Test;",
            "import org.springframework.boot.jdbc.DataSourceBuilder;",
            "import org.springframework.jdbc.core.JdbcTemplate;",
            "import org.springframework.jdbc.datasource.DriverManagerDataSource;",
            "import org.springframework.jdbc.datasource.SingleConnectionDataSource;",
            "class EmbeddedDatabaseTest {",
            "  private static final String H2 = \"jdbc:h2:mem:\" + \"orders;DB_CLOSE_DELAY=-1\";",
            "  @Test void embedded() throws Exception {",
            "    Connection a = DriverManager.getConnection(H2);",
            "    Connection b = DriverManager.getConnection(\"jdbc:hsqldb:mem:x\", \"sa\", \"\");",
            "    Connection c = DriverManager.getConnection(\"jdbc:sqlite::memory:\");",
            "    Jdbi jdbi = Jdbi.create(\"jdbc:h2:mem:jdbi\");",
            "    DataSource d = new DriverManagerDataSource(\"jdbc:derby:memory:d;create=true\");",
            "    DataSource e = DataSourceBuilder.create().url(\"jdbc:h2:mem:boot\").build();",
            "    HikariConfig config = new HikariConfig();",
            "    config.setJdbcUrl(\"jdbc:h2:mem:hikari\");",
            "    HikariDataSource f = new HikariDataSource(config);",
            "  }",
            "  @Test void wrapsAnExistingClient(DataSource shared, Connection connection) {",
            "    Jdbi.create(shared);",
            "    Jdbi.open(connection);",
            "    new SingleConnectionDataSource(connection, true);",
            "    new JdbcTemplate(shared);",
            "  }",
            "  @Test void borrowsFromAPool(DataSource shared) throws Exception {",
            "    try (Connection connection = shared.getConnection()) {",
            "      connection.isValid(1);",
            "    }",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void jooqOnAnExistingConnectionOrWithoutOneIsNoClientButFromAUrlIs() {
    // No expectNoDiagnostics: jOOQ's class files name JAXB annotations missing here (a javac
    // warning).
    compilationHelper
        .addSourceLines(
            "src/test/java/com/acme/JooqTest.java",
            """
            package com.acme;
            import java.sql.Connection;
            import org.jooq.SQLDialect;
            import org.jooq.impl.DSL;
            import org.junit.jupiter.api.Test;
            class JooqTest {
              @Test void t(Connection connection, String url) {
                DSL.using(connection, SQLDialect.POSTGRES);
                DSL.using(SQLDialect.POSTGRES);
                // BUG: Diagnostic contains: builds a database client of its own
                DSL.using(url);
              }
            }
            """)
        .doTest();
  }

  @Test
  void sanctionedHoldersMayBuildThePool() {
    compilationHelper
        .addSourceLines(
            "src/test/java/com/acme/Holders.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import javax.sql.DataSource;",
            "import org.postgresql.ds.PGSimpleDataSource;",
            "final class StaticFieldHolder {",
            "  static final HikariDataSource POOL = new HikariDataSource();",
            "}",
            "final class StaticInitializerHolder {",
            "  static final DataSource POOL;",
            "  static {",
            "    PGSimpleDataSource ds = new PGSimpleDataSource();",
            "    POOL = ds;",
            "  }",
            "}",
            "final class LazyHolder {",
            "  private static volatile HikariDataSource pool;",
            "  static synchronized DataSource pool() {",
            "    if (pool == null) {",
            "      pool = new HikariDataSource();",
            "    }",
            "    return pool;",
            "  }",
            "}",
            "enum EnumHolder {",
            "  INSTANCE;",
            "  final HikariDataSource pool = new HikariDataSource();",
            "}",
            "final class InitializationOnDemandHolder {",
            "  private static final class Lazy {",
            "    static final DataSource POOL = new HikariDataSource();",
            "  }",
            "}",
            "final class EarlyReturnHolder {",
            "  private static DataSource pool;",
            "  static synchronized DataSource pool() {",
            "    if (pool != null) {",
            "      return pool;",
            "    }",
            "    HikariDataSource created = new HikariDataSource();",
            "    pool = created;",
            "    return pool;",
            "  }",
            "}",
            "final class PerUrlHolder {",
            "  private static final java.util.Map<String, DataSource> POOLS =",
            "      new java.util.concurrent.ConcurrentHashMap<>();",
            "  static DataSource forUrl(String url) {",
            "    return POOLS.computeIfAbsent(url, u -> new HikariDataSource());",
            "  }",
            "}",
            "final class DatabaseExtension implements org.junit.jupiter.api.extension.BeforeAllCallback {",
            "  @Override public void beforeAll(org.junit.jupiter.api.extension.ExtensionContext context) {",
            "    context.getRoot()",
            "        .getStore(org.junit.jupiter.api.extension.ExtensionContext.Namespace.GLOBAL)",
            "        .getOrComputeIfAbsent(\"pool\", key -> new HikariDataSource(), HikariDataSource.class);",
            "  }",
            "}",
            "final class FactoryMethodHolder {",
            "  private static final HikariDataSource POOL = create();",
            "  private static HikariDataSource create() {",
            "    com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();",
            "    config.setMaximumPoolSize(3);",
            "    return new HikariDataSource(config);",
            "  }",
            "}",
            "final class GuardedFactoryHolder {",
            "  private static DataSource pool;",
            "  static synchronized DataSource pool() {",
            "    if (pool == null) {",
            "      pool = create();",
            "    }",
            "    return pool;",
            "  }",
            "  private static DataSource create() { return new HikariDataSource(); }",
            "}",
            "final class EagerSingleton {",
            "  private static final EagerSingleton INSTANCE = new EagerSingleton();",
            "  private final HikariDataSource pool;",
            "  private final DataSource other = new HikariDataSource();",
            "  private EagerSingleton() { pool = new HikariDataSource(); }",
            "  static EagerSingleton get() { return INSTANCE; }",
            "}",
            "abstract class DatabaseTestBase {",
            "  protected static final DataSource SHARED_BY_SUBCLASSES = new HikariDataSource();",
            "  @org.junit.jupiter.api.BeforeEach void clean() {}",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void suppressionIsHonoured() {
    compilationHelper
        .addSourceLines(
            "src/test/java/com/acme/Suppressed.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import java.sql.DriverManager;",
            "import org.junit.jupiter.api.Test;",
            "@SuppressWarnings(\"PerTestDatabaseClient\")",
            "class SuppressedClassTest {",
            "  @Test void t() { new HikariDataSource(); }",
            "}",
            "class SuppressedMembersTest {",
            "  @SuppressWarnings(\"PerTestDatabaseClient\")",
            "  static final HikariDataSource FIELD = new HikariDataSource();",
            "  @SuppressWarnings(\"PerTestDatabaseClient\")",
            "  @Test void method() throws Exception { DriverManager.getConnection(\"jdbc:postgresql:x\"); }",
            "  @Test void local() {",
            "    @SuppressWarnings(\"PerTestDatabaseClient\")",
            "    HikariDataSource local = new HikariDataSource();",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void testCodeBuildingItsOwnClientsIsFlagged() {
    compilationHelper
        .addSourceLines(
            "src/test/java/com/acme/OrdersTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariConfig;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import java.sql.Connection;",
            "import java.sql.DriverManager;",
            "import java.sql.SQLException;",
            "import java.util.function.Function;",
            "import java.util.function.Supplier;",
            "import javax.sql.DataSource;",
            "import org.junit.jupiter.api.BeforeEach;",
            "import org.junit.jupiter.api.Nested;",
            "import org.junit.jupiter.api.Test;",
            "class OrdersTest {",
            "  private static final HikariConfig CONFIG = new HikariConfig();",
            "  // BUG: Diagnostic contains: new HikariDataSource(..) builds a connection pool of its own",
            "  static final HikariDataSource POOL = new HikariDataSource(CONFIG);",
            "  static DataSource lazy;",
            "  DataSource perTest;",
            "  @BeforeEach void setUp() {",
            "    if (lazy == null) {",
            "      // BUG: Diagnostic contains: builds a connection pool",
            "      lazy = new HikariDataSource(CONFIG);",
            "    }",
            "    // BUG: Diagnostic contains: builds a connection pool",
            "    perTest = new HikariDataSource();",
            "  }",
            "  @Test void rawConnections(String url, java.util.Properties props) throws SQLException {",
            "    // BUG: Diagnostic contains: DriverManager.getConnection(..) builds a raw connection",
            "    try (Connection c = DriverManager.getConnection(url)) {}",
            "    // BUG: Diagnostic contains: SharedTestDataSource.get().getConnection()",
            "    DriverManager.getConnection(url, \"app\", \"secret\");",
            "    // BUG: Diagnostic contains: builds a raw connection",
            "    DriverManager.getConnection(url, props);",
            "    // BUG: Diagnostic contains: Driver.connect(..)",
            "    new org.postgresql.Driver().connect(url, props);",
            "  }",
            "  @Test void nonConstantEmbeddedUrl(String name) throws SQLException {",
            "    // BUG: Diagnostic contains: builds a raw connection",
            "    DriverManager.getConnection(\"jdbc:h2:mem:\" + name);",
            "    // BUG: Diagnostic contains: builds a raw connection",
            "    DriverManager.getConnection(\"jdbc:h2:file:./build/db\");",
            "  }",
            "  @Test void indirectConstructions() throws Exception {",
            "    // BUG: Diagnostic contains: HikariDataSource::new",
            "    Supplier<DataSource> supplier = HikariDataSource::new;",
            "    // BUG: Diagnostic contains: HikariDataSource::new",
            "    Function<HikariConfig, HikariDataSource> factory = HikariDataSource::new;",
            "    // BUG: Diagnostic contains: DriverManager::getConnection",
            "    Function<String, Connection> opener = asFunction(DriverManager::getConnection);",
            "    // BUG: Diagnostic contains: builds a connection pool",
            "    Supplier<DataSource> lambda = () -> new HikariDataSource(CONFIG);",
            "    // BUG: Diagnostic contains: new HikariDataSource(..)",
            "    DataSource anonymous = new HikariDataSource(CONFIG) {};",
            "    // BUG: Diagnostic contains: builds a connection pool",
            "    var inferred = new HikariDataSource();",
            "    // BUG: Diagnostic contains: builds a connection pool",
            "    try (HikariDataSource resource = new HikariDataSource()) {}",
            "  }",
            "  interface SqlFunction { Connection apply(String url) throws SQLException; }",
            "  static Function<String, Connection> asFunction(SqlFunction f) { return null; }",
            "  @Nested class Inner {",
            "    // BUG: Diagnostic contains: builds a connection pool",
            "    final DataSource nested = new HikariDataSource();",
            "  }",
            "  static class Fixture {",
            "    // BUG: Diagnostic contains: builds a connection pool",
            "    static final DataSource IN_A_TEST_CLASS = new HikariDataSource();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void aBaseClassBuildingAPoolInBeforeAllIsFlagged() {
    compilationHelper
        .addSourceLines(
            "src/test/java/com/acme/BaseWithSetUp.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import javax.sql.DataSource;",
            "import org.junit.jupiter.api.BeforeAll;",
            "abstract class BaseWithSetUp {",
            "  protected static DataSource dataSource;",
            "  @BeforeAll static void open() {",
            "    // BUG: Diagnostic contains: builds a connection pool",
            "    dataSource = new HikariDataSource();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void helpersBuildingAClientPerCallAreFlagged() {
    compilationHelper
        .addSourceLines(
            "src/test/java/com/acme/TestDatabases.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import javax.sql.DataSource;",
            "final class TestDatabases {",
            "  private static DataSource cached;",
            "  private static final DataSource ONCE = create();",
            "  // Also called from a test-facing method: a new pool per call there.",
            "  static DataSource another() { return create(); }",
            "  private static DataSource create() {",
            "    // BUG: Diagnostic contains: builds a connection pool",
            "    return new HikariDataSource();",
            "  }",
            "  // BUG: Diagnostic contains: builds a connection pool",
            "  private final DataSource perInstance = new HikariDataSource();",
            "  private final java.util.Map<String, DataSource> perInstanceMap = new java.util.HashMap<>();",
            "  DataSource perInstanceMemo(String url) {",
            "    // BUG: Diagnostic contains: builds a connection pool",
            "    return perInstanceMap.computeIfAbsent(url, u -> new HikariDataSource());",
            "  }",
            "  static DataSource assignsWithoutGuard() {",
            "    // BUG: Diagnostic contains: builds a connection pool",
            "    cached = new HikariDataSource();",
            "    return cached;",
            "  }",
            "  static DataSource freshPool() {",
            "    // BUG: Diagnostic contains: builds a connection pool",
            "    return new HikariDataSource();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void identificationOfPoolLibraries() {
    compilationHelper
        .addSourceLines(
            "src/test/java/com/acme/PoolsTest.java",
            "package com.acme;",
            "import javax.sql.DataSource;",
            "import org.junit.Test;",
            "public class PoolsTest {",
            "  @Test public void pools() throws Exception {",
            "    // BUG: Diagnostic contains: new BasicDataSource(..)",
            "    new org.apache.commons.dbcp2.BasicDataSource();",
            "    // BUG: Diagnostic contains: new ComboPooledDataSource(..)",
            "    new com.mchange.v2.c3p0.ComboPooledDataSource();",
            "    // BUG: Diagnostic contains: new DataSource(..) builds a connection pool of its own",
            "    new org.apache.tomcat.jdbc.pool.DataSource();",
            "    // BUG: Diagnostic contains: new ViburDBCPDataSource(..) builds a connection pool of its own",
            "    new org.vibur.dbcp.ViburDBCPDataSource();",
            "    // BUG: Diagnostic contains: new PGSimpleDataSource(..) builds a data source that pools nothing",
            "    new org.postgresql.ds.PGSimpleDataSource();",
            "    // BUG: Diagnostic contains: new PGPoolingDataSource(..) builds a connection pool of its own",
            "    new org.postgresql.ds.PGPoolingDataSource();",
            "    // BUG: Diagnostic contains: new MariaDbDataSource(..) builds a data source that pools nothing",
            "    new org.mariadb.jdbc.MariaDbDataSource(\"jdbc:mariadb://localhost/test\");",
            "    // BUG: Diagnostic contains: new MariaDbPoolDataSource(..) builds a connection pool of its own",
            "    new org.mariadb.jdbc.MariaDbPoolDataSource();",
            "    // BUG: Diagnostic contains: new MysqlDataSource(..) builds a data source that pools nothing",
            "    new com.mysql.cj.jdbc.MysqlDataSource();",
            "    // BUG: Diagnostic contains: new DriverManagerDataSource(..) builds a data source that pools nothing",
            "    new org.springframework.jdbc.datasource.DriverManagerDataSource(\"jdbc:postgresql:t\");",
            "    // BUG: Diagnostic contains: new SimpleDriverDataSource(..) builds a data source that pools nothing",
            "    new org.springframework.jdbc.datasource.SimpleDriverDataSource();",
            "    // BUG: Diagnostic contains: new SingleConnectionDataSource(..) builds a data source that pools nothing",
            "    new org.springframework.jdbc.datasource.SingleConnectionDataSource(",
            "        \"jdbc:postgresql:t\", \"u\", \"p\", true);",
            "    // BUG: Diagnostic contains: DataSourceBuilder.build(..)",
            "    DataSource boot = org.springframework.boot.jdbc.DataSourceBuilder.create()",
            "        .url(\"jdbc:postgresql://localhost/test\")",
            "        .build();",
            "  }",
            "}")
        .addSourceLines(
            "src/test/java/com/acme/ClientsTest.java",
            "package com.acme;",
            "import org.testng.annotations.Test;",
            "public class ClientsTest {",
            "  @Test public void clients(String url) {",
            "    // BUG: Diagnostic contains: Jdbi.create(..) builds a database client of its own",
            "    org.jdbi.v3.core.Jdbi.create(url);",
            "    // BUG: Diagnostic contains: Jdbi.open(..)",
            "    org.jdbi.v3.core.Jdbi.open(url, \"u\", \"p\");",
            "    // BUG: Diagnostic contains: DSL.using(..)",
            "    org.jooq.impl.DSL.using(url);",
            "    // BUG: Diagnostic contains: DSL.using(..)",
            "    org.jooq.impl.DSL.using(url, \"u\", \"p\");",
            "    // BUG: Diagnostic contains: ConnectionFactories.get(..)",
            "    io.r2dbc.spi.ConnectionFactories.get(\"r2dbc:postgresql://localhost/test\");",
            "    // BUG: Diagnostic contains: Persistence.createEntityManagerFactory(..)",
            "    jakarta.persistence.Persistence.createEntityManagerFactory(\"orders\");",
            "    // BUG: Diagnostic contains: MongoClients.create(..)",
            "    com.mongodb.client.MongoClients.create(\"mongodb://localhost\");",
            "    // BUG: Diagnostic contains: new Jedis(..)",
            "    new redis.clients.jedis.Jedis(\"localhost\", 6379);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void identificationWithFlags() {
    compilationHelper
        .setArgs(
            "-XepOpt:PerTestDatabaseClient:AdditionalClients=com.acme.Db#connect,com.acme.Pool#<init>",
            "-XepOpt:PoolGuard:SharedPoolHolders=com.acme.SuiteDatabase")
        .addSourceLines(
            "src/test/java/com/acme/Db.java",
            "package com.acme;",
            "class Db {",
            "  static Db connect(String url) { return new Db(); }",
            "  static Db reuse() { return new Db(); }",
            "}",
            "class Pool {",
            "  Pool(int size) {}",
            "}",
            "class SuiteDatabase {",
            "  static com.zaxxer.hikari.HikariDataSource create() {",
            "    return new com.zaxxer.hikari.HikariDataSource();",
            "  }",
            "}")
        .addSourceLines(
            "src/test/java/com/acme/FlagsTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class FlagsTest {",
            "  @Test void t() {",
            "    Db.reuse();",
            "    // BUG: Diagnostic contains: Db.connect(..)",
            "    Db.connect(\"jdbc:postgresql:x\");",
            "    // BUG: Diagnostic contains: new Pool(..)",
            "    new Pool(3);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void identificationInProductionCodeWithAllCode() {
    compilationHelper
        .setArgs("-XepOpt:PoolGuard:AllCode=true")
        .addSourceLines(
            "src/main/java/com/acme/ProductionDb.java",
            "package com.acme;",
            "class ProductionDb {",
            "  // BUG: Diagnostic contains: new HikariDataSource(..) builds a connection pool of its own",
            "  com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource();",
            "}")
        .doTest();
  }

  @Test
  void identificationWithTestOnlyCompilationAndCustomPaths() {
    compilationHelper
        .setArgs("-XepOpt:PoolGuard:TestSourcePaths=/src/db-tests/")
        .addSourceLines(
            "src/db-tests/java/com/acme/Helper.java",
            "package com.acme;",
            "class Helper {",
            "  // BUG: Diagnostic contains: new HikariDataSource(..) builds a connection pool of its own",
            "  com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource();",
            "}")
        .doTest();
    CompilationTestHelper.newInstance(PerTestDatabaseClient.class, getClass())
        .setArgs("-XepCompilingTestOnlyCode")
        .addSourceLines(
            "Helper.java",
            "class Helper {",
            "  // BUG: Diagnostic contains: new HikariDataSource(..) builds a connection pool of its own",
            "  com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource();",
            "}")
        .doTest();
  }

  @Test
  void identificationOfAnnotatedHolder() {
    compilationHelper
        .addSourceLines(
            "src/test/java/com/acme/AnnotatedHolder.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import dev.poolguard.runtime.SharedPoolHolder;",
            "@SharedPoolHolder",
            "final class AnnotatedHolder {",
            "  static HikariDataSource create() { return new HikariDataSource(); }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void replacement() {
    refactoringHelper
        .addInputLines(
            "src/test/java/com/acme/OrdersTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariConfig;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import java.sql.Connection;",
            "import java.sql.DriverManager;",
            "import javax.sql.DataSource;",
            "import org.jdbi.v3.core.Jdbi;",
            "import org.junit.jupiter.api.Test;",
            "class OrdersTest {",
            "  static final DataSource POOL = new HikariDataSource(new HikariConfig());",
            "  static final HikariDataSource TYPED = new HikariDataSource();",
            "  @Test void t(String url) throws Exception {",
            "    try (Connection c = DriverManager.getConnection(url, \"app\", \"pw\")) {",
            "      c.isValid(1);",
            "    }",
            "    Jdbi jdbi = Jdbi.create(url, \"app\", \"pw\");",
            "    new HikariDataSource().getConnection().close();",
            "    var inferred = new HikariDataSource();",
            "  }",
            "  DataSource pool() { return new HikariDataSource(); }",
            "}")
        .addOutputLines(
            "src/test/java/com/acme/OrdersTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariConfig;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import dev.poolguard.runtime.SharedTestDataSource;",
            "import java.sql.Connection;",
            "import java.sql.DriverManager;",
            "import javax.sql.DataSource;",
            "import org.jdbi.v3.core.Jdbi;",
            "import org.junit.jupiter.api.Test;",
            "class OrdersTest {",
            "  static final DataSource POOL = SharedTestDataSource.get();",
            "  static final HikariDataSource TYPED = new HikariDataSource();",
            "  @Test void t(String url) throws Exception {",
            "    try (Connection c = SharedTestDataSource.get().getConnection()) {",
            "      c.isValid(1);",
            "    }",
            "    Jdbi jdbi = Jdbi.create(SharedTestDataSource.get());",
            "    SharedTestDataSource.get().getConnection().close();",
            "    var inferred = new HikariDataSource();",
            "  }",
            "  DataSource pool() { return SharedTestDataSource.get(); }",
            "}")
        .doTest(BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH);
  }

  @Test
  void replacementNeedsTheRuntimeOnTheClasspath() {
    BugCheckerRefactoringTestHelper.newInstance(PerTestDatabaseClient.class, getClass())
        .setArgs("-classpath", CheckTestSupport.jarOf(com.zaxxer.hikari.HikariDataSource.class))
        .addInputLines(
            "src/test/java/com/acme/OrdersTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import javax.sql.DataSource;",
            "class OrdersTest {",
            "  static final DataSource POOL = new HikariDataSource();",
            "}")
        .expectUnchanged()
        .doTest();
  }

  @Test
  void aConstantUrlOfADatabaseTheSharedPoolDoesNotServeGetsNoFixAndSaysWhy() {
    compilationHelper
        .addSourceLines(
            "src/test/java/com/acme/OracleTest.java",
            "package com.acme;",
            "import java.sql.Connection;",
            "import java.sql.DriverManager;",
            "import org.junit.jupiter.api.Test;",
            "class OracleTest {",
            "  private static final String URL = \"jdbc:oracle:thin:@localhost:1521/XE\";",
            "  @Test void t() throws Exception {",
            "    // BUG: Diagnostic contains: No automatic fix: it connects to a jdbc:oracle: database",
            "    try (Connection c = DriverManager.getConnection(URL)) {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void aPoolFieldCastToItsTypeOutsideTeardownGetsNoFix() {
    refactoringHelper
        .addInputLines(
            "src/test/java/com/acme/MetricsTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import javax.sql.DataSource;",
            "import org.junit.jupiter.api.BeforeAll;",
            "import org.junit.jupiter.api.Test;",
            "class MetricsTest {",
            "  static DataSource dataSource;",
            "  @BeforeAll static void setUp() { dataSource = new HikariDataSource(); }",
            "  @Test void t() { ((HikariDataSource) dataSource).getHikariPoolMXBean(); }",
            "}")
        .expectUnchanged()
        .doTest();
  }

  @Test
  void pgjdbcsPoolingDataSourceIsAPoolAndItsSimpleDataSourceIsNot() {
    compilationHelper
        .addSourceLines(
            "src/test/java/com/acme/PgTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "import org.postgresql.ds.PGPoolingDataSource;",
            "import org.postgresql.ds.PGSimpleDataSource;",
            "class PgTest {",
            "  @SuppressWarnings(\"deprecation\")",
            "  @Test void t() {",
            "    // BUG: Diagnostic contains: builds a connection pool of its own",
            "    new PGPoolingDataSource();",
            "    // BUG: Diagnostic contains: opens a new server connection on every getConnection()",
            "    new PGSimpleDataSource();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void badFlagValuesFailNamingTheFlag() {
    assertFlagRejected(
        PerTestDatabaseClient.class,
        "-XepOpt:PerTestDatabaseClient:AdditionalClients=nohash",
        "Invalid -XepOpt:PerTestDatabaseClient:AdditionalClients=nohash: expected fully.qualified.Class#method");
    assertFlagRejected(
        PerTestDatabaseClient.class,
        "-XepOpt:PerTestDatabaseClient:AdditionalClients=com.acme.Db#",
        "-XepOpt:PerTestDatabaseClient:AdditionalClients=com.acme.Db#");
    assertFlagRejected(
        PerTestDatabaseClient.class,
        "-XepOpt:PoolGuard:SharedPoolHolders=com.acme.Db#pool",
        "Invalid -XepOpt:PoolGuard:SharedPoolHolders=com.acme.Db#pool: expected a fully qualified class name");
    assertFlagRejected(
        PerTestDatabaseClient.class,
        "-XepOpt:PoolGuard:AllCode=yes",
        "Invalid -XepOpt:PoolGuard:AllCode=yes: expected true or false");
  }
}
