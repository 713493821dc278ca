package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.PoolGuardException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A sentinel password goes through every path that produces text: messages of every failure, full
 * stack traces, toString(), the stats, the session report, and everything printed to the console
 * meanwhile (PoolGuard's own lines and HikariCP's log).
 */
@Isolated
@Timeout(90)
class RedactionTest {
  private static final String SENTINEL =
      "S3ntinel" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private static final String MARIADB_USER = "poolguard_redaction";

  private final List<String> texts = new ArrayList<>();

  @BeforeAll
  static void createMariadbUserWhosePasswordIsTheSentinel() throws SQLException {
    try (Connection admin = TestDatabases.mariadbAdmin()) {
      TestDatabases.execute(admin, "DROP USER IF EXISTS '" + MARIADB_USER + "'@'%'");
      TestDatabases.execute(
          admin, "CREATE USER '" + MARIADB_USER + "'@'%' IDENTIFIED BY '" + SENTINEL + "'");
      TestDatabases.execute(admin, "GRANT ALL ON test.* TO '" + MARIADB_USER + "'@'%'");
    }
  }

  @AfterAll
  static void dropMariadbUser() throws SQLException {
    try (Connection admin = TestDatabases.mariadbAdmin()) {
      TestDatabases.execute(admin, "DROP USER IF EXISTS '" + MARIADB_USER + "'@'%'");
    }
  }

  private static PoolSettings fromEnvironment(String url, String... systemKeyValues) {
    Properties system = new Properties();
    system.setProperty("poolguard.connectTimeout", "2");
    for (int i = 0; i < systemKeyValues.length; i += 2) {
      system.setProperty("poolguard." + systemKeyValues[i], systemKeyValues[i + 1]);
    }
    return new SettingsResolver(
            system, Map.of("DATABASE_URL_TEST", url), RedactionTest.class.getClassLoader())
        .resolve();
  }

  private void record(Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    texts.add(trace.toString());
  }

  private void failsToResolve(String url) {
    record(assertThrows(PoolGuardException.class, () -> fromEnvironment(url)));
  }

  private void failsToOpen(PoolSettings settings) {
    texts.add(settings.toString());
    texts.add(settings.url().toString());
    record(
        assertThrows(
            PoolGuardException.class, () -> SharedPool.open(settings, "poolguard-redaction")));
  }

  @Test
  void theSentinelPasswordAppearsNowhere() throws Exception {
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
    System.setErr(capture);
    System.setOut(capture);
    try {
      exerciseEveryPath();
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
    texts.add(console.toString(StandardCharsets.UTF_8));

    assertTrue(texts.size() > 20, "every path produced text");
    for (String text : texts) {
      assertFalse(text.contains(SENTINEL), () -> "the password leaked into:\n" + text);
    }
    assertTrue(String.join("\n", texts).contains(Redaction.MASK), "masked, not silently dropped");
  }

  private void exerciseEveryPath() throws Exception {
    // Malformed URLs: the parser never got as far as knowing which part is the password.
    failsToResolve("postgres://u:" + SENTINEL + "@host:notaport/db");
    failsToResolve("postgres://u:" + SENTINEL + "@with-at@host:notaport/db");
    failsToResolve("postgres://u:" + SENTINEL + "%zz@host/db");
    failsToResolve("postgres://u:" + SENTINEL + "@/db");
    failsToResolve("jdbc:postgresql://host:bad/db?user=u&password=" + SENTINEL);
    failsToResolve("redis://u:" + SENTINEL + "@host/0");
    // Bad numbers, with the password in the URL and as a system property.
    failsToResolve("postgres://u:" + SENTINEL + "@127.0.0.1:5432/test?connection_limit=abc");
    record(
        assertThrows(
            PoolGuardException.class,
            () -> fromEnvironment("jdbc:postgresql://h/db?pool_timeout=x", "password", SENTINEL)));
    // Unreachable, unknown host, wrong credentials.
    failsToOpen(fromEnvironment("postgres://postgres:" + SENTINEL + "@127.0.0.1:1/test"));
    failsToOpen(fromEnvironment("postgres://postgres:" + SENTINEL + "@no-such-host.invalid/test"));
    failsToOpen(
        fromEnvironment(
            "jdbc:postgresql://127.0.0.1:5432/test?user=poolguard_nobody&password=" + SENTINEL));
    failsToOpen(
        fromEnvironment(
            "mariadb://" + MARIADB_USER + ":wrong" + SENTINEL + "@127.0.0.1:3306/test"));
    failsToOpen(
        fromEnvironment("mariadb://root:" + SENTINEL + "@127.0.0.1:3306/test", "user", "nobody"));

    // The success path with the sentinel as the real password: toString, stats, exhaustion, leaks,
    // report.
    PoolSettings settings =
        fromEnvironment(
            "mariadb://"
                + MARIADB_USER
                + ":"
                + SENTINEL
                + "@127.0.0.1:3306/test?connection_limit=1&pool_timeout=1",
            "leakDetection",
            "1ms");
    SharedPoolLifecycle lifecycle = new SharedPoolLifecycle(() -> settings);
    DataSource view = new SharedDataSourceView(lifecycle);
    try (Connection held = view.getConnection()) {
      texts.add(held.toString());
      texts.add(view.toString());
      texts.add(lifecycle.stats().toString());
      record(assertThrows(SQLException.class, view::getConnection));
      record(assertThrows(SQLException.class, () -> view.unwrap(Connection.class)));
      Thread.sleep(Duration.ofMillis(20).toMillis());
    }
    texts.add(lifecycle.pool().settings().toString());
    lifecycle.closeAndReport();
    texts.add(SessionReport.line(settings, lifecycle.stats(), Duration.ofSeconds(1)));
  }
}
