package dev.poolguard.checks.clients;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A client in a {@code ThreadLocal}'s initial value is built once per thread: a finding wherever it
 * is kept, holders included.
 */
final class PerThreadClientTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(PerTestDatabaseClient.class, getClass());

  @Test
  void aThreadLocalOfSomethingElseBesideAHolderIsNotAFinding() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/TestDb.java",
            """
            package com.acme;

            import com.zaxxer.hikari.HikariDataSource;
            import java.sql.Connection;

            final class TestDb {
              static final HikariDataSource POOL = new HikariDataSource();
              static final ThreadLocal<Connection> CONNECTION =
                  ThreadLocal.withInitial(
                      () -> {
                        try {
                          return POOL.getConnection();
                        } catch (java.sql.SQLException e) {
                          throw new IllegalStateException(e);
                        }
                      });
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void aThreadLocalPoolInAHolderIsOnePoolPerThread() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/TestDb.java",
            """
            package com.acme;

            import com.zaxxer.hikari.HikariDataSource;

            final class TestDb {
              static final ThreadLocal<HikariDataSource> POOL =
                  // BUG: Diagnostic contains: once per thread: a ThreadLocal gives every thread
                  ThreadLocal.withInitial(() -> new HikariDataSource());
              static final ThreadLocal<HikariDataSource> BY_REFERENCE =
                  // BUG: Diagnostic contains: once per thread
                  ThreadLocal.withInitial(HikariDataSource::new);
            }
            """)
        .doTest();
  }

  @Test
  void anInitialValueOverrideIsOnePoolPerThread() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/TestDb.java",
            """
            package com.acme;

            import com.zaxxer.hikari.HikariDataSource;

            final class TestDb {
              static final ThreadLocal<HikariDataSource> POOL =
                  new ThreadLocal<>() {
                    @Override
                    protected HikariDataSource initialValue() {
                      // BUG: Diagnostic contains: once per thread
                      return new HikariDataSource();
                    }
                  };
            }
            """)
        .doTest();
  }

  @Test
  void aThreadLocalPoolInADeclaredHolderIsStillOnePoolPerThread() {
    helper
        .setArgs("-XepOpt:PoolGuard:SharedPoolHolders=com.acme.TestDb")
        .addSourceLines(
            "src/test/java/com/acme/TestDb.java",
            """
            package com.acme;

            import com.zaxxer.hikari.HikariDataSource;

            final class TestDb {
              static final HikariDataSource SHARED = new HikariDataSource();
              static final ThreadLocal<HikariDataSource> POOL =
                  // BUG: Diagnostic contains: once per thread
                  ThreadLocal.withInitial(() -> new HikariDataSource());
            }
            """)
        .doTest();
  }
}
