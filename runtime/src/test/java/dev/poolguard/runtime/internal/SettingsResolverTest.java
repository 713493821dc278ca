package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.PoolGuardException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsResolverTest {
  private static final ClassLoader WITH_H2 = SettingsResolverTest.class.getClassLoader();

  /** Sees neither H2 nor any poolguard.properties: only the JDK. */
  private static final ClassLoader BARE = new URLClassLoader(new URL[0], null);

  private static PoolSettings resolve(
      Properties system, Map<String, String> env, ClassLoader loader) {
    return new SettingsResolver(system, env, loader).resolve();
  }

  private static Properties system(String... keyValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return properties;
  }

  @Test
  void firstSourceWinsInTheDocumentedOrder(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("poolguard.properties"), "poolguard.url=jdbc:postgresql://file:5432/f\n");
    ClassLoader withFile = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    Map<String, String> allVariables =
        Map.of(
            "POOLGUARD_URL",
            "postgres://pg-url/a",
            "DATABASE_URL_TEST",
            "postgres://db-url-test/b",
            "DATABASE_URL",
            "postgres://db-url/c");

    assertEquals(
        "system property poolguard.url",
        resolve(system("poolguard.url", "jdbc:postgresql://sys/s"), allVariables, withFile)
            .source());
    assertEquals("pg-url", resolve(system(), allVariables, withFile).url().host());
    assertEquals(
        "db-url-test",
        resolve(
                system(),
                Map.of(
                    "DATABASE_URL_TEST",
                    "postgres://db-url-test/b",
                    "DATABASE_URL",
                    "postgres://db-url/c"),
                withFile)
            .url()
            .host());
    assertEquals(
        "db-url",
        resolve(system(), Map.of("DATABASE_URL", "postgres://db-url/c"), withFile).url().host());
    PoolSettings fromFile = resolve(system(), Map.of("DATABASE_URL", "  "), withFile);
    assertEquals("file", fromFile.url().host());
    assertTrue(fromFile.source().endsWith("poolguard.properties"), fromFile.source());
  }

  @Test
  void otherSettingsComeFromSystemPropertiesThenUrlThenFile(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("poolguard.properties"),
        "poolguard.maxPoolSize=7\npoolguard.acquireTimeout=9\npoolguard.user=fileuser\npoolguard.leakDetection=false\n");
    ClassLoader withFile = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    PoolSettings settings =
        resolve(
            system("poolguard.maxPoolSize", "4"),
            Map.of("DATABASE_URL", "postgres://urluser@h/db?connection_limit=2&pool_timeout=3"),
            withFile);
    assertAll(
        () -> assertEquals(4, settings.maxPoolSize(), "system property beats connection_limit"),
        () ->
            assertEquals(
                Duration.ofSeconds(3), settings.acquireTimeout(), "URL parameter beats the file"),
        () -> assertEquals("urluser", settings.user(), "URL user beats the file"),
        () -> assertEquals(Duration.ZERO, settings.leakThreshold(), "the file beats the default"));
  }

  @Test
  void prismaStyleUriIsTranslated() {
    PoolSettings settings =
        resolve(
            system(),
            Map.of(
                "DATABASE_URL_TEST",
                "postgres://app%40corp:p%2Bss+word@db.example.com:6543/orders?sslmode=require&connection_limit=3"
                    + "&pool_timeout=5&connect_timeout=7&pgbouncer=true&schema=tenant1"),
            BARE);
    assertAll(
        () ->
            assertEquals("jdbc:postgresql://db.example.com:6543/orders", settings.url().jdbcUrl()),
        () -> assertEquals("app@corp", settings.user()),
        () -> assertEquals("p+ss+word", settings.password()),
        () -> assertEquals(3, settings.maxPoolSize()),
        () -> assertEquals(Duration.ofSeconds(5), settings.acquireTimeout()),
        () -> assertEquals(Duration.ofSeconds(7), settings.connectTimeout()),
        () -> assertEquals("7", settings.driverProperties().get("connectTimeout")),
        () -> assertEquals("7", settings.driverProperties().get("loginTimeout")),
        () ->
            assertEquals(
                "0", settings.driverProperties().get("prepareThreshold"), "pgbouncer=true"),
        () -> assertEquals("require", settings.driverProperties().get("sslmode")),
        () -> assertEquals("tenant1", settings.driverProperties().get("currentSchema")),
        () -> assertEquals("PostgreSQL db.example.com:6543/orders", settings.describeTarget()));
  }

  @Test
  void mariadbAndMysqlUrisGetTheirDriversTimeoutInMilliseconds() {
    PoolSettings mariadb =
        resolve(
            system(),
            Map.of("DATABASE_URL", "mariadb://root@127.0.0.1/test?connect_timeout=2"),
            BARE);
    assertEquals("jdbc:mariadb://127.0.0.1:3306/test", mariadb.url().jdbcUrl());
    assertEquals("2000", mariadb.driverProperties().get("connectTimeout"));
    // Only the MariaDB driver is on this module's test classpath: mysql:// is served by it.
    PoolSettings mysql =
        resolve(system(), Map.of("DATABASE_URL", "mysql://root@127.0.0.1:3307/test"), WITH_H2);
    assertEquals("jdbc:mariadb://127.0.0.1:3307/test", mysql.url().jdbcUrl());
  }

  @Test
  void jdbcUrlsKeepDriverParametersButLoseCredentialsAndPoolOptions() {
    PoolSettings settings =
        resolve(
            system(
                "poolguard.url",
                "jdbc:postgresql://127.0.0.1:5432/test?user=alice&password=secret&ssl=false&connection_limit=2"),
            Map.of(),
            BARE);
    assertAll(
        () ->
            assertEquals(
                "jdbc:postgresql://127.0.0.1:5432/test?ssl=false", settings.url().jdbcUrl()),
        () -> assertEquals("alice", settings.user()),
        () -> assertEquals("secret", settings.password()),
        () -> assertEquals(2, settings.maxPoolSize()));
    PoolSettings h2 =
        resolve(
            system("poolguard.url", "jdbc:h2:mem:x;USER=sa;PASSWORD=pw;MODE=PostgreSQL"),
            Map.of(),
            BARE);
    assertEquals("jdbc:h2:mem:x;MODE=PostgreSQL", h2.url().jdbcUrl());
    assertEquals("pw", h2.password());
  }

  @Test
  void defaults() {
    PoolSettings settings =
        resolve(system("poolguard.url", "jdbc:postgresql://h/db"), Map.of(), BARE);
    assertAll(
        () -> assertEquals(3, settings.maxPoolSize()),
        () -> assertEquals(Duration.ofSeconds(5), settings.acquireTimeout()),
        () -> assertEquals(Duration.ofSeconds(5), settings.connectTimeout()),
        () -> assertEquals(Duration.ofSeconds(30), settings.leakThreshold()),
        () -> assertNull(settings.user()),
        () -> assertEquals(5432, settings.url().port()));
  }

  @Test
  void durationsAcceptUnits() {
    PoolSettings settings =
        resolve(
            system(
                "poolguard.url",
                "jdbc:h2:mem:d",
                "poolguard.acquireTimeout",
                "750ms",
                "poolguard.connectTimeout",
                "2s",
                "poolguard.leakDetection",
                "10s"),
            Map.of(),
            BARE);
    assertEquals(Duration.ofMillis(750), settings.acquireTimeout());
    assertEquals(Duration.ofSeconds(2), settings.connectTimeout());
    assertEquals(Duration.ofSeconds(10), settings.leakThreshold());
  }

  @Test
  void noUrlWithH2OnTheClasspathFallsBackToInMemoryH2() {
    PoolSettings settings = resolve(system(), Map.of(), WITH_H2);
    assertEquals(SettingsResolver.EMBEDDED_URL, settings.url().jdbcUrl());
    assertEquals(SettingsResolver.EMBEDDED_SOURCE, settings.source());
  }

  @Test
  void noUrlAndNoEmbeddedDriverNamesEveryPlaceAUrlCanGo() {
    PoolGuardException e =
        assertThrows(PoolGuardException.class, () -> resolve(system(), Map.of(), BARE));
    for (String place :
        new String[] {
          "poolguard.url",
          "POOLGUARD_URL",
          "DATABASE_URL_TEST",
          "DATABASE_URL",
          "poolguard.properties",
          "com.h2database:h2"
        }) {
      assertTrue(
          String.valueOf(e.getMessage()).contains(place),
          () -> place + " missing from: " + e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost:5432/test",
        "http://localhost/test",
        "postgres://u:p@host:notaport/db",
        "postgres://u:p@host:70000/db",
        "postgres://u:p@:5432/db",
        "postgres://u:p%zz@host/db",
        "jdbc:postgresql://host:abc/db"
      })
  void malformedUrlsFailNamingTheSourceAndTheFix(String url) {
    PoolGuardException e =
        assertThrows(
            PoolGuardException.class,
            () -> resolve(system(), Map.of("DATABASE_URL_TEST", url), BARE));
    assertTrue(
        String.valueOf(e.getMessage()).contains("DATABASE_URL_TEST is malformed"), e.getMessage());
    assertTrue(String.valueOf(e.getMessage()).contains("Fix:"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "connection_limit=abc",
        "connection_limit=0",
        "pool_timeout=-1",
        "pool_timeout=x",
        "connect_timeout=0",
        "connect_timeout=1.5",
        "pgbouncer=yes"
      })
  void badNumbersInTheUrlFailNamingTheParameterAndTheDatabase(String parameter) {
    PoolGuardException e =
        assertThrows(
            PoolGuardException.class,
            () ->
                resolve(
                    system(),
                    Map.of("DATABASE_URL", "postgres://u@db.example.com:5433/orders?" + parameter),
                    BARE));
    assertTrue(String.valueOf(e.getMessage()).contains(parameter), e.getMessage());
    assertTrue(
        String.valueOf(e.getMessage()).contains("PostgreSQL db.example.com:5433/orders"),
        e.getMessage());
    assertTrue(
        String.valueOf(e.getMessage()).contains("environment variable DATABASE_URL"),
        e.getMessage());
  }

  @Test
  void badSystemPropertyNamesTheProperty() {
    PoolGuardException e =
        assertThrows(
            PoolGuardException.class,
            () ->
                resolve(
                    system(
                        "poolguard.url",
                        "jdbc:postgresql://h/db",
                        "poolguard.maxPoolSize",
                        "three"),
                    Map.of(),
                    BARE));
    assertTrue(
        String.valueOf(e.getMessage())
            .contains("poolguard.maxPoolSize=three (from system property poolguard.maxPoolSize)"),
        e.getMessage());
  }

  @Test
  void pgbouncerIsRefusedForOtherDatabases() {
    PoolGuardException e =
        assertThrows(
            PoolGuardException.class,
            () ->
                resolve(
                    system(), Map.of("DATABASE_URL", "mariadb://root@h/db?pgbouncer=true"), BARE));
    assertTrue(
        String.valueOf(e.getMessage()).contains("only applies to PostgreSQL"), e.getMessage());
  }

  @Test
  void leakReportingDefaultsToWarnAutoAndTargetPoolguard() {
    assertEquals(
        new LeakReporting(
            LeakReporting.LeakMode.WARN,
            LeakReporting.ReportMode.AUTO,
            Path.of("target", "poolguard")),
        new SettingsResolver(system(), Map.of(), BARE).leakReporting());
  }

  @Test
  void leakReportingComesFromSystemPropertiesThenTheFile(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("poolguard.properties"),
        "poolguard.leaks=off\npoolguard.report=never\npoolguard.reportDir=build/pg\n");
    ClassLoader withFile = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);

    assertEquals(
        new LeakReporting(
            LeakReporting.LeakMode.OFF, LeakReporting.ReportMode.NEVER, Path.of("build/pg")),
        new SettingsResolver(system(), Map.of(), withFile).leakReporting());
    assertEquals(
        new LeakReporting(
            LeakReporting.LeakMode.FAIL, LeakReporting.ReportMode.ALWAYS, Path.of("out")),
        new SettingsResolver(
                system(
                    "poolguard.leaks", " FAIL ",
                    "poolguard.report", "always",
                    "poolguard.reportDir", "out"),
                Map.of(),
                withFile)
            .leakReporting());
  }

  @ParameterizedTest
  @ValueSource(strings = {"leaks", "report"})
  void aBadLeakReportingValueFailsNamingTheSettingItsSourceAndTheChoices(String setting) {
    PoolGuardException e =
        assertThrows(
            PoolGuardException.class,
            () ->
                new SettingsResolver(system("poolguard." + setting, "loud"), Map.of(), BARE)
                    .leakReporting());
    String expected =
        setting.equals("leaks") ? "one of warn, fail, off" : "one of auto, always, never";
    assertEquals(
        "PoolGuard: poolguard."
            + setting
            + "=loud (from system property poolguard."
            + setting
            + ") for every pool of this test JVM is not "
            + expected
            + ". Fix: correct it there; see docs/configuration.md for every setting and its default.",
        e.getMessage());
  }

  @Test
  void budgetComesFromTheUrlOrTheSystemPropertyAndIsNotPassedToTheDriver() {
    PoolSettings fromUrl =
        resolve(
            system(),
            Map.of("DATABASE_URL_TEST", "postgres://app:secret@h:5432/db?budget=8&sslmode=require"),
            BARE);
    assertEquals(8, fromUrl.budget());
    assertFalse(fromUrl.driverProperties().containsKey("budget"));
    PoolSettings fromProperty =
        resolve(
            system("poolguard.budget", "5"),
            Map.of("DATABASE_URL_TEST", "postgres://app@h/db?budget=8"),
            BARE);
    assertEquals(5, fromProperty.budget());
    assertEquals(
        4,
        resolve(system("poolguard.url", "jdbc:mariadb://h/db?budget=4"), Map.of(), BARE).budget());
  }

  @Test
  void budgetTogetherWithTransactionPoolingIsRefusedSayingWhatIsSupported() {
    PoolGuardException e =
        assertThrows(
            PoolGuardException.class,
            () ->
                resolve(
                    system(),
                    Map.of("DATABASE_URL", "postgres://app@h:6432/db?pgbouncer=true&budget=8"),
                    BARE));
    assertTrue(String.valueOf(e.getMessage()).contains("budget=8"), e.getMessage());
    assertTrue(String.valueOf(e.getMessage()).contains("default_pool_size"), e.getMessage());
    assertTrue(String.valueOf(e.getMessage()).contains("session mode"), e.getMessage());
  }

  @Test
  void budgetIsIgnoredForAnEmbeddedDatabase() {
    assertEquals(
        0,
        resolve(
                system("poolguard.url", "jdbc:h2:mem:x", "poolguard.budget", "4"),
                Map.of(),
                WITH_H2)
            .budget());
  }

  @Test
  void aBudgetThatIsNotAPositiveNumberFailsNamingIt() {
    PoolGuardException e =
        assertThrows(
            PoolGuardException.class,
            () -> resolve(system(), Map.of("DATABASE_URL", "postgres://app@h/db?budget=0"), BARE));
    assertTrue(String.valueOf(e.getMessage()).contains("budget=0"), e.getMessage());
    assertTrue(
        String.valueOf(e.getMessage()).contains("a whole number of at least 1"), e.getMessage());
  }
}
