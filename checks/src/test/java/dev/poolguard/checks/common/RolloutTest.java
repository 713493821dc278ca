package dev.poolguard.checks.common;

import static com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH;
import static dev.poolguard.checks.common.CheckTestSupport.assertFlagRejected;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.poolguard.checks.clients.PerTestDatabaseClient;
import dev.poolguard.checks.keys.HardcodedTestSlug;
import dev.poolguard.checks.teardown.SharedPoolClosedInTest;
import org.junit.jupiter.api.Test;

final class RolloutTest {
  private static final String ROLLOUT = "-XepOpt:PoolGuard:Rollout=true";

  private BugCheckerRefactoringTestHelper rollout(Class<? extends BugChecker> check) {
    return BugCheckerRefactoringTestHelper.newInstance(check, getClass()).setArgs(ROLLOUT);
  }

  @Test
  void perTestDatabaseClientKeepsCertainFixesAndSuppressesTheRest() {
    rollout(PerTestDatabaseClient.class)
        .addInputLines(
            "src/test/java/com/acme/OrdersTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import java.sql.Connection;",
            "import java.sql.DriverManager;",
            "import javax.sql.DataSource;",
            "import org.junit.jupiter.api.Test;",
            "class OrdersTest {",
            "  static final DataSource POOL = new HikariDataSource();",
            "  static final HikariDataSource TYPED = new HikariDataSource();",
            "  @Test void t(String url) throws Exception {",
            "    HikariDataSource local = new HikariDataSource();",
            "    var inferred = new HikariDataSource();",
            "    try (Connection c = DriverManager.getConnection(url)) {}",
            "  }",
            "}")
        .addOutputLines(
            "src/test/java/com/acme/OrdersTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import dev.poolguard.runtime.SharedTestDataSource;",
            "import java.sql.Connection;",
            "import java.sql.DriverManager;",
            "import javax.sql.DataSource;",
            "import org.junit.jupiter.api.Test;",
            "class OrdersTest {",
            "  static final DataSource POOL = SharedTestDataSource.get();",
            "  // poolguard:rollout-debt PerTestDatabaseClient",
            "  @SuppressWarnings(\"PerTestDatabaseClient\")",
            "  static final HikariDataSource TYPED = new HikariDataSource();",
            "  // poolguard:rollout-debt PerTestDatabaseClient",
            "  @SuppressWarnings(\"PerTestDatabaseClient\")",
            "  @Test void t(String url) throws Exception {",
            "    // poolguard:rollout-debt PerTestDatabaseClient",
            "    @SuppressWarnings(\"PerTestDatabaseClient\")",
            "    HikariDataSource local = new HikariDataSource();",
            "    var inferred = new HikariDataSource();",
            "    try (Connection c = SharedTestDataSource.get().getConnection()) {}",
            "  }",
            "}")
        .doTest(TEXT_MATCH);
  }

  @Test
  void sharedPoolClosedInTestDeletesCallsAndSuppressesTheMethodOfATryWithResources() {
    rollout(SharedPoolClosedInTest.class)
        .addInputLines(
            "src/test/java/com/acme/BillingTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import dev.poolguard.runtime.SharedTestDataSource;",
            "import org.junit.jupiter.api.AfterAll;",
            "class BillingTest {",
            "  static final HikariDataSource POOL = (HikariDataSource) SharedTestDataSource.get();",
            "  @AfterAll static void tearDown() {",
            "    POOL.close();",
            "  }",
            "  void once() {",
            "    try (HikariDataSource pool = (HikariDataSource) SharedTestDataSource.get()) {",
            "      pool.getJdbcUrl();",
            "    }",
            "  }",
            "}")
        .addOutputLines(
            "src/test/java/com/acme/BillingTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import dev.poolguard.runtime.SharedTestDataSource;",
            "import org.junit.jupiter.api.AfterAll;",
            "class BillingTest {",
            "  static final HikariDataSource POOL = (HikariDataSource) SharedTestDataSource.get();",
            "  @AfterAll static void tearDown() {",
            "  }",
            "  // poolguard:rollout-debt SharedPoolClosedInTest",
            "  @SuppressWarnings(\"SharedPoolClosedInTest\")",
            "  void once() {",
            "    try (HikariDataSource pool = (HikariDataSource) SharedTestDataSource.get()) {",
            "      pool.getJdbcUrl();",
            "    }",
            "  }",
            "}")
        .doTest(TEXT_MATCH);
  }

  @Test
  void hardcodedTestSlugWrapsValuesAndSuppressesWhereTheValueIsAsserted() {
    rollout(HardcodedTestSlug.class)
        .addInputLines(
            "src/test/java/com/acme/CatalogTest.java",
            "package com.acme;",
            "import static org.junit.jupiter.api.Assertions.assertEquals;",
            "class CatalogTest {",
            "  static class Product {",
            "    private String slug;",
            "    void setSlug(String slug) { this.slug = slug; }",
            "    String getSlug() { return slug; }",
            "  }",
            "  void creates() {",
            "    new Product().setSlug(\"starter\");",
            "  }",
            "  void readsBack() {",
            "    Product p = new Product();",
            "    p.setSlug(\"pro\");",
            "    assertEquals(\"pro\", p.getSlug());",
            "  }",
            "}")
        .addOutputLines(
            "src/test/java/com/acme/CatalogTest.java",
            "package com.acme;",
            "import static org.junit.jupiter.api.Assertions.assertEquals;",
            "",
            "import dev.poolguard.runtime.UniqueSlugs;",
            "class CatalogTest {",
            "  static class Product {",
            "    private String slug;",
            "    void setSlug(String slug) { this.slug = slug; }",
            "    String getSlug() { return slug; }",
            "  }",
            "  void creates() {",
            "    new Product().setSlug(UniqueSlugs.of(\"starter\"));",
            "  }",
            "  // poolguard:rollout-debt HardcodedTestSlug",
            "  @SuppressWarnings(\"HardcodedTestSlug\")",
            "  void readsBack() {",
            "    Product p = new Product();",
            "    p.setSlug(\"pro\");",
            "    assertEquals(\"pro\", p.getSlug());",
            "  }",
            "}")
        .doTest(TEXT_MATCH);
  }

  @Test
  void suppressionMergesIntoAnExistingSuppressWarnings() {
    rollout(PerTestDatabaseClient.class)
        .addInputLines(
            "src/test/java/com/acme/LegacyTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import org.junit.jupiter.api.Test;",
            "class LegacyTest {",
            "  @SuppressWarnings(\"unchecked\")",
            "  static final HikariDataSource POOL = new HikariDataSource();",
            "  @SuppressWarnings({\"rawtypes\", \"unused\"})",
            "  @Test",
            "  void t() {",
            "    new HikariDataSource().close();",
            "  }",
            "}")
        .addOutputLines(
            "src/test/java/com/acme/LegacyTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import org.junit.jupiter.api.Test;",
            "class LegacyTest {",
            "  // poolguard:rollout-debt PerTestDatabaseClient",
            "  @SuppressWarnings({\"unchecked\", \"PerTestDatabaseClient\"})",
            "  static final HikariDataSource POOL = new HikariDataSource();",
            "  // poolguard:rollout-debt PerTestDatabaseClient",
            "  @SuppressWarnings({\"rawtypes\", \"unused\", \"PerTestDatabaseClient\"})",
            "  @Test",
            "  void t() {",
            "    new HikariDataSource().close();",
            "  }",
            "}")
        .doTest(TEXT_MATCH);
  }

  @Test
  void severalFindingsInOneDeclarationShareOneSuppression() {
    rollout(PerTestDatabaseClient.class)
        .addInputLines(
            "src/test/java/com/acme/TwiceTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "class TwiceTest {",
            "  void t() {",
            "    new HikariDataSource().close();",
            "    new HikariDataSource().close();",
            "  }",
            "}")
        .addOutputLines(
            "src/test/java/com/acme/TwiceTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "class TwiceTest {",
            "  // poolguard:rollout-debt PerTestDatabaseClient",
            "  @SuppressWarnings(\"PerTestDatabaseClient\")",
            "  void t() {",
            "    new HikariDataSource().close();",
            "    new HikariDataSource().close();",
            "  }",
            "}")
        .doTest(TEXT_MATCH);
  }

  @Test
  void suppressedOutputIsLeftUnchanged() {
    rollout(PerTestDatabaseClient.class)
        .addInputLines(
            "src/test/java/com/acme/DoneTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import org.junit.jupiter.api.Test;",
            "class DoneTest {",
            "  // poolguard:rollout-debt PerTestDatabaseClient",
            "  @SuppressWarnings({\"unchecked\", \"PerTestDatabaseClient\"})",
            "  static final HikariDataSource POOL = new HikariDataSource();",
            "  @Test void t() {}",
            "}")
        .expectUnchanged()
        .doTest(TEXT_MATCH);
  }

  @Test
  void withoutTheFlagFindingsWithoutAFixGetNone() {
    BugCheckerRefactoringTestHelper.newInstance(PerTestDatabaseClient.class, getClass())
        .addInputLines(
            "src/test/java/com/acme/OrdersTest.java",
            "package com.acme;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import org.junit.jupiter.api.Test;",
            "class OrdersTest {",
            "  static final HikariDataSource TYPED = new HikariDataSource();",
            "  @Test void t() {}",
            "}")
        .expectUnchanged()
        .doTest(TEXT_MATCH);
  }

  @Test
  void badFlagValueFailsNamingTheFlag() {
    assertFlagRejected(
        PerTestDatabaseClient.class,
        "-XepOpt:PoolGuard:Rollout=yes",
        "Invalid -XepOpt:PoolGuard:Rollout=yes: expected true or false");
  }
}
