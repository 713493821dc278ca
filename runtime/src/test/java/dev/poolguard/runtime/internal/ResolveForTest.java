package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.PoolGuardException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link SettingsResolver#resolveFor}: the caller's database and credentials, PoolGuard's sizing.
 */
class ResolveForTest {
  private static final ClassLoader BARE = new URLClassLoader(new URL[0], null);

  private static PoolSettings resolveFor(
      Properties system, String url, @Nullable String user, @Nullable String password) {
    return new SettingsResolver(system, Map.of("POOLGUARD_URL", "postgres://env-host/envdb"), BARE)
        .resolveFor(url, user, password, "the test context");
  }

  private static Properties system(String... keyValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return properties;
  }

  @Test
  void poolguardUrlUserAndPasswordDoNotOverrideTheCallersDatabase() {
    PoolSettings settings =
        resolveFor(
            system(
                "poolguard.url", "jdbc:postgresql://elsewhere:5432/other",
                "poolguard.user", "someone-else",
                "poolguard.password", "not-this"),
            "jdbc:postgresql://db:5432/app",
            "app",
            "app-secret");
    assertEquals("jdbc:postgresql://db:5432/app", settings.url().jdbcUrl());
    assertEquals("app", settings.user());
    assertEquals("app-secret", settings.password());
    assertEquals("the test context", settings.source());
  }

  @Test
  void sizingAndTimeoutsComeFromPoolguardSettings() {
    PoolSettings settings =
        resolveFor(
            system("poolguard.maxPoolSize", "2", "poolguard.acquireTimeout", "750ms"),
            "jdbc:postgresql://db:5432/app",
            "app",
            null);
    assertEquals(2, settings.maxPoolSize());
    assertEquals(Duration.ofMillis(750), settings.acquireTimeout());
    assertEquals(SettingsResolver.DEFAULT_CONNECT_TIMEOUT, settings.connectTimeout());
  }

  @Test
  void credentialsInTheUrlServeWhenTheCallerGivesNone() {
    PoolSettings settings =
        resolveFor(system(), "jdbc:postgresql://db:5432/app?user=app&password=in-url", null, null);
    assertEquals("app", settings.user());
    assertEquals("in-url", settings.password());
    assertFalse(settings.url().jdbcUrl().contains("in-url"));
  }

  @Test
  void anInvalidSizingSettingNamesItselfAndTheDatabase() {
    PoolGuardException e =
        assertThrows(
            PoolGuardException.class,
            () ->
                resolveFor(
                    system("poolguard.maxPoolSize", "zero"),
                    "jdbc:postgresql://db:5432/app",
                    "app",
                    "s3cret-value"));
    assertTrue(String.valueOf(e.getMessage()).contains("poolguard.maxPoolSize"), e.getMessage());
    assertTrue(String.valueOf(e.getMessage()).contains("db:5432/app"), e.getMessage());
    assertFalse(String.valueOf(e.getMessage()).contains("s3cret-value"), e.getMessage());
  }
}
