package dev.poolguard.checks.clients;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** The process-wide singleton idiom in its common forms is the sanctioned holder: no finding. */
final class SanctionedHolderTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(PerTestDatabaseClient.class, getClass());

  @Test
  void doubleCheckedLockingThroughALocalIsAHolder() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/TestDb.java",
            """
            package com.acme;

            import com.zaxxer.hikari.HikariDataSource;
            import javax.sql.DataSource;

            final class TestDb {
              private static volatile DataSource pool;

              static DataSource get() {
                DataSource p = pool;
                if (p == null) {
                  synchronized (TestDb.class) {
                    p = pool;
                    if (p == null) {
                      p = new HikariDataSource();
                      pool = p;
                    }
                  }
                }
                return p;
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void anEarlyReturnThroughALocalIsAHolder() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/TestDb.java",
            """
            package com.acme;

            import com.zaxxer.hikari.HikariDataSource;
            import javax.sql.DataSource;

            final class TestDb {
              private static DataSource pool;

              static synchronized DataSource get() {
                DataSource existing = pool;
                if (existing != null) {
                  return existing;
                }
                pool = new HikariDataSource();
                return pool;
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void theHolderClassIdiomIsAHolder() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/TestDb.java",
            """
            package com.acme;

            import com.zaxxer.hikari.HikariConfig;
            import com.zaxxer.hikari.HikariDataSource;
            import javax.sql.DataSource;

            public final class TestDb {
              private TestDb() {}

              public static DataSource dataSource() {
                return Holder.DS;
              }

              private static final class Holder {
                static final DataSource DS = new HikariDataSource(config());
              }

              private static HikariConfig config() {
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(System.getenv("DATABASE_URL"));
                return config;
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void theHolderClassIdiomWithAPrivateFactoryIsAHolder() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/TestDb.java",
            """
            package com.acme;

            import com.zaxxer.hikari.HikariDataSource;
            import javax.sql.DataSource;

            public final class TestDb {
              public static DataSource dataSource() {
                return Holder.DS;
              }

              private static class Holder {
                static final DataSource DS = create();

                private static DataSource create() {
                  HikariDataSource ds = new HikariDataSource();
                  ds.setMaximumPoolSize(3);
                  return ds;
                }
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void aLocalThatNeverHoldsTheFieldIsNoGuard() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/TestDb.java",
            """
            package com.acme;

            import com.zaxxer.hikari.HikariDataSource;
            import javax.sql.DataSource;

            final class TestDb {
              static DataSource get(DataSource given) {
                DataSource p = given;
                if (p == null) {
                  // BUG: Diagnostic contains: builds a connection pool of its own
                  p = new HikariDataSource();
                }
                return p;
              }
            }
            """)
        .doTest();
  }

  @Test
  void theHolderClassIdiomInsideATestClassIsStillOnePoolPerClass() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/OrderTest.java",
            """
            package com.acme;

            import com.zaxxer.hikari.HikariDataSource;
            import javax.sql.DataSource;
            import org.junit.jupiter.api.Test;

            class OrderTest {
              private static final class Holder {
                // BUG: Diagnostic contains: builds a connection pool of its own
                static final DataSource DS = new HikariDataSource();
              }

              @Test
              void t() throws Exception {
                Holder.DS.getConnection().close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void aPoolSubclassConstructorCallingSuperIsNotASecondFinding() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/TestPool.java",
            """
            package com.acme;

            import com.zaxxer.hikari.HikariConfig;
            import com.zaxxer.hikari.HikariDataSource;

            class TestPool extends HikariDataSource {
              TestPool(HikariConfig config) {
                super(config);
              }

              TestPool() {
                this(new HikariConfig());
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void aLazyAtomicReferenceInAHolderIsAHolder() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/TestDb.java",
            """
            package com.acme;

            import com.zaxxer.hikari.HikariDataSource;
            import java.util.concurrent.atomic.AtomicReference;

            final class TestDb {
              private static final AtomicReference<HikariDataSource> POOL = new AtomicReference<>();
              private static final AtomicReference<HikariDataSource> OTHER = new AtomicReference<>();
              private static final AtomicReference<HikariDataSource> THIRD = new AtomicReference<>();

              static HikariDataSource get() {
                return POOL.updateAndGet(p -> p != null ? p : new HikariDataSource());
              }

              static HikariDataSource other() {
                return OTHER.updateAndGet(p -> (null == p) ? new HikariDataSource() : p);
              }

              static HikariDataSource third() {
                return THIRD.updateAndGet(
                    p -> {
                      if (p == null) {
                        HikariDataSource created = new HikariDataSource();
                        created.setMaximumPoolSize(3);
                        return created;
                      }
                      return p;
                    });
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void anAtomicReferenceUpdateThatBuildsRegardlessIsNoGuard() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/TestDb.java",
            """
            package com.acme;

            import com.zaxxer.hikari.HikariDataSource;
            import java.util.concurrent.atomic.AtomicReference;

            final class TestDb {
              private static final AtomicReference<HikariDataSource> POOL = new AtomicReference<>();
              private final AtomicReference<HikariDataSource> perInstance = new AtomicReference<>();

              static HikariDataSource replace() {
                // BUG: Diagnostic contains: builds a connection pool of its own
                return POOL.updateAndGet(p -> new HikariDataSource());
              }

              static HikariDataSource inverted() {
                // BUG: Diagnostic contains: builds a connection pool of its own
                return POOL.updateAndGet(p -> p == null ? p : new HikariDataSource());
              }

              HikariDataSource perInstance() {
                // BUG: Diagnostic contains: builds a connection pool of its own
                return perInstance.updateAndGet(p -> p != null ? p : new HikariDataSource());
              }
            }
            """)
        .doTest();
  }

  @Test
  void aLazyAtomicReferenceInsideATestClassIsStillOnePoolPerClass() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/OrdersTest.java",
            """
            package com.acme;

            import com.zaxxer.hikari.HikariDataSource;
            import java.util.concurrent.atomic.AtomicReference;
            import org.junit.jupiter.api.Test;

            class OrdersTest {
              private static final AtomicReference<HikariDataSource> POOL = new AtomicReference<>();

              @Test
              void t() {
                // BUG: Diagnostic contains: builds a connection pool of its own
                POOL.updateAndGet(p -> p != null ? p : new HikariDataSource());
              }
            }
            """)
        .doTest();
  }

  @Test
  void theRunWideStoreKeptInALocalOrReachedByItsScopeIsAHolder() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/DatabaseExtension.java",
            """
            package com.acme;

            import com.zaxxer.hikari.HikariDataSource;
            import org.junit.jupiter.api.extension.BeforeAllCallback;
            import org.junit.jupiter.api.extension.ExtensionContext;
            import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
            import org.junit.jupiter.api.extension.ExtensionContext.Store;
            import org.junit.jupiter.api.extension.ExtensionContext.StoreScope;

            final class DatabaseExtension implements BeforeAllCallback {
              static final Namespace NS = Namespace.create(DatabaseExtension.class);

              @Override
              public void beforeAll(ExtensionContext context) {
                Store root = context.getRoot().getStore(NS);
                root.getOrComputeIfAbsent("pool", k -> new HikariDataSource(), HikariDataSource.class);
                context
                    .getStore(StoreScope.LAUNCHER_SESSION, NS)
                    .getOrComputeIfAbsent("other", k -> new HikariDataSource(), HikariDataSource.class);
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void theStoreOfOneTestClassIsNoHolder() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/DatabaseExtension.java",
            """
            package com.acme;

            import com.zaxxer.hikari.HikariDataSource;
            import org.junit.jupiter.api.extension.BeforeAllCallback;
            import org.junit.jupiter.api.extension.ExtensionContext;
            import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

            final class DatabaseExtension implements BeforeAllCallback {
              static final Namespace NS = Namespace.create(DatabaseExtension.class);

              @Override
              public void beforeAll(ExtensionContext context) {
                context
                    .getStore(NS)
                    // BUG: Diagnostic contains: builds a connection pool of its own
                    .getOrComputeIfAbsent("pool", k -> new HikariDataSource(), HikariDataSource.class);
              }
            }
            """)
        .doTest();
  }
}
