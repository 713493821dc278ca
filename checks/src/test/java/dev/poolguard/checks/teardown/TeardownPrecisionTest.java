package dev.poolguard.checks.teardown;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** What ends the shared pool, and what a careful user would not call ending it. */
final class TeardownPrecisionTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(SharedPoolClosedInTest.class, getClass());

  @Test
  void softEvictingIdleConnectionsOfTheSharedPoolIsNotTeardown() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/EvictTest.java",
            """
            package com.acme;
            import com.zaxxer.hikari.HikariDataSource;
            import dev.poolguard.runtime.SharedTestDataSource;
            import org.junit.jupiter.api.AfterEach;
            import org.junit.jupiter.api.Test;
            class EvictTest {
              @Test void t() {}
              @AfterEach void refresh() throws Exception {
                HikariDataSource shared = SharedTestDataSource.get().unwrap(HikariDataSource.class);
                shared.getHikariPoolMXBean().softEvictConnections();
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void evictingTheTestsOwnConnectionIsNotTeardown() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/EvictOneTest.java",
            """
            package com.acme;
            import com.zaxxer.hikari.HikariDataSource;
            import dev.poolguard.runtime.SharedTestDataSource;
            import java.sql.Connection;
            import org.junit.jupiter.api.Test;
            class EvictOneTest {
              @Test void brokenConnection() throws Exception {
                HikariDataSource shared = (HikariDataSource) SharedTestDataSource.get();
                Connection connection = shared.getConnection();
                shared.evictConnection(connection);
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void suspendingTheSharedPoolIsStillTeardown() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/SuspendTest.java",
            """
            package com.acme;
            import com.zaxxer.hikari.HikariDataSource;
            import dev.poolguard.runtime.SharedTestDataSource;
            import org.junit.jupiter.api.Test;
            class SuspendTest {
              @Test void t() throws Exception {
                HikariDataSource shared = SharedTestDataSource.get().unwrap(HikariDataSource.class);
                // BUG: Diagnostic contains: ends the shared test pool
                shared.getHikariPoolMXBean().suspendPool();
              }
            }
            """)
        .doTest();
  }

  @Test
  void closingAPoolOfTheTestsOwnNestedFixtureIsNotForeign() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/FixtureTest.java",
            """
            package com.acme;
            import com.zaxxer.hikari.HikariDataSource;
            import org.junit.jupiter.api.AfterAll;
            import org.junit.jupiter.api.Test;
            class FixtureTest {
              static final class Fixture {
                @SuppressWarnings("PerTestDatabaseClient")
                static final HikariDataSource POOL = new HikariDataSource();
              }
              @Test void t() {}
              @AfterAll static void tearDown() {
                Fixture.POOL.close();
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void closingAnotherTopLevelClassesPoolInTeardownIsForeign() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/Pools.java",
            """
            package com.acme;
            import com.zaxxer.hikari.HikariDataSource;
            final class Pools {
              static final HikariDataSource POOL = new HikariDataSource();
            }
            """)
        .addSourceLines(
            "src/test/java/com/acme/ForeignTest.java",
            """
            package com.acme;
            import org.junit.jupiter.api.AfterAll;
            import org.junit.jupiter.api.Test;
            class ForeignTest {
              @Test void t() {}
              @AfterAll static void tearDown() {
                // BUG: Diagnostic contains: ends a pool this class does not own
                Pools.POOL.close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void closingWhatAListedClientFactoryBuiltIsClosingAnOwnPool() {
    helper
        .setArgs("-XepOpt:PerTestDatabaseClient:AdditionalClients=com.acme.Pools#fresh")
        .addSourceLines(
            "src/test/java/com/acme/Pools.java",
            """
            package com.acme;
            import com.zaxxer.hikari.HikariDataSource;
            final class Pools {
              static final HikariDataSource CACHED = new HikariDataSource();
              static HikariDataSource fresh() { return CACHED; }
            }
            """)
        .addSourceLines(
            "src/test/java/com/acme/ListedTest.java",
            """
            package com.acme;
            import com.zaxxer.hikari.HikariDataSource;
            import org.junit.jupiter.api.AfterAll;
            import org.junit.jupiter.api.BeforeAll;
            import org.junit.jupiter.api.Test;
            class ListedTest {
              static HikariDataSource pool;
              @BeforeAll static void setUp() { pool = Pools.fresh(); }
              @Test void t() {}
              @AfterAll static void tearDown() { pool.close(); }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void aListedSharedPoolFactoryMatchesItsOverrideInASubclass() {
    helper
        .setArgs("-XepOpt:PoolGuard:SharedPoolFactories=com.acme.Pools#shared")
        .addSourceLines(
            "src/test/java/com/acme/Pools.java",
            """
            package com.acme;
            import javax.sql.DataSource;
            abstract class Pools {
              abstract DataSource shared();
            }
            """)
        .addSourceLines(
            "src/test/java/com/acme/TenantPools.java",
            """
            package com.acme;
            import javax.sql.DataSource;
            final class TenantPools extends Pools {
              @Override DataSource shared() { return dev.poolguard.runtime.SharedTestDataSource.get(); }
            }
            """)
        .addSourceLines(
            "src/test/java/com/acme/SubclassTest.java",
            """
            package com.acme;
            import org.junit.jupiter.api.Test;
            class SubclassTest {
              @Test void t(TenantPools pools) throws Exception {
                // BUG: Diagnostic contains: ends the shared test pool
                ((AutoCloseable) pools.shared()).close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void closingAConnectionOrStatementOfTheSharedPoolIsNeverFlagged() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/ConnectionTest.java",
            """
            package com.acme;
            import dev.poolguard.runtime.SharedTestDataSource;
            import java.sql.Connection;
            import java.sql.Statement;
            import org.junit.jupiter.api.AfterEach;
            import org.junit.jupiter.api.Test;
            class ConnectionTest {
              static Connection connection;
              static Statement statement;
              @Test void t() throws Exception {
                connection = SharedTestDataSource.get().getConnection();
                statement = connection.createStatement();
                try (Connection c = SharedTestDataSource.get().getConnection()) {}
              }
              @AfterEach void each() throws Exception {
                statement.close();
                connection.close();
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }
}
