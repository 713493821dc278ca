package dev.poolguard.checks.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.ErrorProneFlags;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class PoolGuardConfigTest {
  private static PoolGuardConfig config(Map<String, String> flags) {
    return new PoolGuardConfig(ErrorProneFlags.fromMap(flags));
  }

  private static String rejection(String flag, String value) {
    return String.valueOf(
        assertThrows(IllegalArgumentException.class, () -> config(Map.of(flag, value)))
            .getMessage());
  }

  @Test
  void defaultsWithoutFlags() {
    PoolGuardConfig config = config(Map.of());
    assertFalse(config.allCode());
    assertFalse(config.rollout());
    assertEquals(PoolGuardConfig.DEFAULT_TEST_SOURCE_PATHS, config.testSourcePaths());
    assertEquals(ImmutableList.of("slug"), config.keyFields());
    assertTrue(config.sharedPoolHolders().isEmpty());
    assertTrue(config.sharedPoolFactories().isEmpty());
    assertTrue(config.additionalClients().isEmpty());
    assertTrue(config.uniqueFactories().isEmpty());
    assertTrue(config.additionalAcquirers().isEmpty());
  }

  @Test
  void everyFlagIsReadIntoItsAccessor() {
    PoolGuardConfig config =
        config(
            Map.of(
                "PoolGuard:AllCode", "TRUE",
                "PoolGuard:Rollout", " true ",
                "PoolGuard:TestSourcePaths", "/qa/, /src/it/",
                "PoolGuard:SharedPoolHolders", "com.acme.TestDb",
                "PoolGuard:SharedPoolFactories", "com.acme.TestDb#pool",
                "PerTestDatabaseClient:AdditionalClients", "com.acme.Clients#<init>",
                "HardcodedTestSlug:Fields", "slug,email",
                "HardcodedTestSlug:UniqueFactories", "com.acme.Keys#next",
                "TestConnectionLeak:AdditionalAcquirers", "com.acme.Db#borrow"));
    assertTrue(config.allCode());
    assertTrue(config.rollout());
    assertEquals(ImmutableList.of("/qa/", "/src/it/"), config.testSourcePaths());
    assertEquals(ImmutableSet.of("com.acme.TestDb"), config.sharedPoolHolders());
    assertEquals("com.acme.TestDb#pool", config.sharedPoolFactories().get(0).toString());
    assertEquals("com.acme.Clients#<init>", config.additionalClients().get(0).toString());
    assertEquals(ImmutableList.of("slug", "email"), config.keyFields());
    assertEquals("com.acme.Keys#next", config.uniqueFactories().get(0).toString());
    assertEquals("com.acme.Db#borrow", config.additionalAcquirers().get(0).toString());
  }

  @ParameterizedTest
  @CsvSource({"PoolGuard:AllCode", "PoolGuard:Rollout"})
  void aBooleanFlagRejectsAnythingButTrueOrFalse(String flag) {
    assertEquals(
        "Invalid -XepOpt:" + flag + "=yes: expected true or false.", rejection(flag, "yes"));
  }

  @Test
  void anAcquirerWithoutAMethodIsRejectedNamingTheFlag() {
    assertEquals(
        "Invalid -XepOpt:TestConnectionLeak:AdditionalAcquirers=com.acme.Db: expected"
            + " fully.qualified.Class#method, or fully.qualified.Class#<init> for a constructor.",
        rejection("TestConnectionLeak:AdditionalAcquirers", "com.acme.Db"));
  }

  @Test
  void aKeywordInAClassNameIsRejected() {
    assertEquals(
        "Invalid -XepOpt:PoolGuard:SharedPoolHolders=com.acme.class: expected a fully qualified"
            + " class name such as com.acme.TestDb.",
        rejection("PoolGuard:SharedPoolHolders", "com.acme.class"));
  }

  @Test
  void aKeywordInAMemberListIsRejected() {
    assertTrue(
        rejection("PerTestDatabaseClient:AdditionalClients", "com.acme.new.Db#open")
            .startsWith(
                "Invalid -XepOpt:PerTestDatabaseClient:AdditionalClients=com.acme.new.Db:"));
  }

  @Test
  void aKeywordAsMethodNameIsRejected() {
    assertTrue(
        rejection("HardcodedTestSlug:UniqueFactories", "com.acme.Keys#default")
            .contains("'default' is not a method name"));
  }

  @Test
  void aKeywordAsKeyNameIsRejected() {
    assertEquals(
        "Invalid -XepOpt:HardcodedTestSlug:Fields=class: expected a comma-separated list of names"
            + " such as slug,email.",
        rejection("HardcodedTestSlug:Fields", "slug,class"));
  }

  @Test
  void anEmptyTestSourcePathListIsRejected() {
    assertTrue(
        rejection("PoolGuard:TestSourcePaths", " , ")
            .startsWith("Invalid -XepOpt:PoolGuard:TestSourcePaths=: expected comma-separated"));
  }
}
