package dev.poolguard.bench.runtime;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.poolguard.bench.common.ConnectionSampler;
import dev.poolguard.bench.common.ModeResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs the generated suite once in one mode, in this JVM, through the JUnit Platform launcher,
 * while the sampler counts the benchmark database's server connections. Prints {@code mode=<name>
 * seconds=<s> peak=<n> result=<passed|failed: reason>} and writes the samples.
 *
 * <p>Arguments: mode, parallelism (1 = serial), samples file. System properties: {@code
 * bench.adminUrl} (the sampler's connection, to another database), {@code bench.db} (the database
 * whose connections are counted), and those of {@link SuiteSettings}. Started by {@link
 * RuntimeBenchmark}, one JVM per mode and round.
 */
public final class SuiteRun {
  /** The package {@link SuiteGenerator} writes the test classes into. */
  static final String SUITE_PACKAGE = "generated.suite";

  private SuiteRun() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    int parallelism = Integer.parseInt(args[1]);
    Path samplesFile = Path.of(args[2]);
    String adminUrl =
        Objects.requireNonNull(System.getProperty("bench.adminUrl"), "-Dbench.adminUrl");
    String database = Objects.requireNonNull(System.getProperty("bench.db"), "-Dbench.db");

    SuiteOutcome outcome = new SuiteOutcome();
    SummaryGeneratingListener tests = new SummaryGeneratingListener();
    long transactionsBefore = transactions(adminUrl, database);
    ConnectionSampler sampler =
        ConnectionSampler.start(adminUrl, ConnectionSampler.Scope.DATABASE, database);
    String killEvery = System.getProperty(SuiteSettings.KILL_EVERY_MILLIS);
    SessionKiller killer =
        killEvery == null
            ? null
            : SessionKiller.start(adminUrl, database, Long.parseLong(killEvery));
    long start = System.nanoTime();
    sampler.record(start);
    try (LauncherSession session = LauncherFactory.openSession()) {
      session.getLauncher().execute(request(parallelism), outcome, tests);
      PoolStyle.closeStatic();
    } // the session's end closes the shared pool, so its close is inside the measured time
    long elapsed = System.nanoTime() - start;
    if (killer != null) {
      System.out.println("sessions " + killer.stop() + " failed-tests=" + outcome.failed());
    }
    Thread.sleep(300); // let the server reap closed connections: the chart shows the drain
    sampler.stop();
    // Every connection is closed now, and a backend flushes its counters as it exits: each test
    // borrows once, so this is the server's count of transactions per borrow.
    System.out.println(
        "transactions="
            + (transactions(adminUrl, database) - transactionsBefore)
            + " borrows="
            + tests.getSummary().getTestsStartedCount());
    System.out.println(new ModeResult(mode, elapsed / 1e9, sampler.peak(), outcome.result(start)));
    sampler.write(samplesFile);
  }

  /**
   * The server's count of transactions committed and rolled back in {@code database}, read on an
   * administrative connection of its own (to another database), as the sampler's is.
   */
  @SuppressWarnings("PerTestDatabaseClient") // not the suite's client: it must not count itself
  private static long transactions(String adminUrl, String database) throws SQLException {
    try (Connection admin = DriverManager.getConnection(adminUrl);
        PreparedStatement statement =
            admin.prepareStatement(
                "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = ?")) {
      statement.setString(1, database);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static LauncherDiscoveryRequest request(int parallelism) {
    String threads = Integer.toString(parallelism);
    return LauncherDiscoveryRequestBuilder.request()
        .selectors(selectPackage(SUITE_PACKAGE))
        .configurationParameter(
            "junit.jupiter.execution.parallel.enabled", Boolean.toString(parallelism > 1))
        .configurationParameter("junit.jupiter.execution.parallel.mode.default", "same_thread")
        .configurationParameter(
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter(
            "junit.jupiter.execution.parallel.config.fixed.parallelism", threads)
        .configurationParameter(
            "junit.jupiter.execution.parallel.config.fixed.max-pool-size", threads)
        .build();
  }
}
