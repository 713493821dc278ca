package bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the generated suite once in one mode, in this JVM, through the JUnit Platform launcher, while a
 * sampler counts the benchmark database's server connections in {@code pg_stat_activity}. Prints
 * {@code mode=<name> seconds=<s> peak=<n> result=<passed|failed: reason>} and writes the samples.
 *
 * <p>Arguments: mode, parallelism (1 = serial), samples file. System properties: bench.adminUrl (a
 * connection for the sampler, to another database), bench.db (the database whose connections are
 * counted), bench.pool, bench.jdbcUrl, bench.user, poolguard.url.
 */
public final class BenchMain {
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    int parallelism = Integer.parseInt(args[1]);
    Path samplesFile = Path.of(args[2]);

    Sampler sampler = new Sampler(System.getProperty("bench.adminUrl"), System.getProperty("bench.db"));
    Thread samplerThread = new Thread(sampler, "pg_stat_activity-sampler");
    samplerThread.setDaemon(true);
    samplerThread.start();
    sampler.awaitFirst();

    LauncherDiscoveryRequestBuilder request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectPackage("bench"))
            .configurationParameter("junit.jupiter.execution.parallel.enabled", Boolean.toString(parallelism > 1))
            .configurationParameter("junit.jupiter.execution.parallel.mode.default", "same_thread")
            .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
            .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
            .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", Integer.toString(parallelism))
            .configurationParameter("junit.jupiter.execution.parallel.config.fixed.max-pool-size", Integer.toString(parallelism));

    Outcome outcome = new Outcome();
    long start = System.nanoTime();
    sampler.start(start);
    try (LauncherSession session = LauncherFactory.openSession()) {
      session.getLauncher().execute(request.build(), outcome);
    } // the session's end closes the shared pool, so its close is inside the measured time
    long elapsed = System.nanoTime() - start;
    Thread.sleep(300); // let the server reap closed connections: the chart shows the drain
    sampler.stop();
    samplerThread.join(2_000);

    String result;
    if (outcome.failed.get() == 0 && outcome.tests.get() > 0) {
      result = "passed";
    } else {
      result =
          String.format(
              Locale.ROOT,
              "failed: %d of %d tests (%d classes) failed, first after %.1f s: %s",
              outcome.failed.get(),
              outcome.tests.get(),
              outcome.failedClasses.get(),
              (outcome.firstFailureNanos.get() - start) / 1e9,
              outcome.firstReason.get());
    }
    System.out.printf(
        Locale.ROOT, "mode=%s seconds=%.2f peak=%d result=%s%n", mode, elapsed / 1e9, sampler.peak(), result);
    sampler.write(samplesFile);
  }

  /** Counts tests (a class that fails in {@code @BeforeAll} fails all its tests) and the first failure. */
  static final class Outcome implements TestExecutionListener {
    final AtomicInteger tests = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger failedClasses = new AtomicInteger();
    final AtomicLong firstFailureNanos = new AtomicLong();
    final AtomicReference<String> firstReason = new AtomicReference<>();
    private org.junit.platform.launcher.TestPlan plan;

    @Override
    public void testPlanExecutionStarted(org.junit.platform.launcher.TestPlan testPlan) {
      plan = testPlan;
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
      boolean bad = result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
      if (id.isTest()) {
        tests.incrementAndGet();
        if (bad) {
          failed.incrementAndGet();
        }
      } else if (bad && id.getSource().map(s -> s instanceof org.junit.platform.engine.support.descriptor.ClassSource).orElse(false)) {
        failedClasses.incrementAndGet();
        int children = plan.getChildren(id).size();
        tests.addAndGet(children); // skipped tests of a class whose @BeforeAll failed
        failed.addAndGet(children);
      }
      if (bad && firstReason.get() == null) {
        Throwable t = result.getThrowable().orElse(null);
        Throwable root = t;
        while (root != null && root.getCause() != null && root.getCause() != root) {
          root = root.getCause();
        }
        String reason = root == null ? result.getStatus().toString() : root.getClass().getSimpleName() + ": " + root.getMessage();
        if (firstReason.compareAndSet(null, reason.replaceAll("\\s+", " "))) {
          firstFailureNanos.set(System.nanoTime());
        }
      }
    }
  }

  /** Polls pg_stat_activity every 20 ms over its own connection to another database. */
  static final class Sampler implements Runnable {
    private final String adminUrl;
    private final String db;
    private final List<long[]> samples = new ArrayList<>();
    private volatile long startNanos;
    private volatile boolean recording;
    private volatile boolean stopped;
    private final java.util.concurrent.CountDownLatch first = new java.util.concurrent.CountDownLatch(1);
    private volatile int peak;

    Sampler(String adminUrl, String db) {
      this.adminUrl = adminUrl;
      this.db = db;
    }

    void start(long nanos) {
      startNanos = nanos;
      recording = true;
    }

    void stop() {
      stopped = true;
    }

    void awaitFirst() throws InterruptedException {
      first.await();
    }

    synchronized int peak() {
      return peak;
    }

    @Override
    public void run() {
      try (Connection connection = DriverManager.getConnection(adminUrl);
          PreparedStatement count =
              connection.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = ?")) {
        count.setString(1, db);
        while (!stopped) {
          int n;
          try (ResultSet rows = count.executeQuery()) {
            rows.next();
            n = rows.getInt(1);
          }
          first.countDown();
          if (recording) {
            synchronized (this) {
              samples.add(new long[] {(System.nanoTime() - startNanos) / 1_000_000, n});
              peak = Math.max(peak, n);
            }
          }
          Thread.sleep(20);
        }
      } catch (Exception e) {
        System.err.println("sampler failed: " + e);
        first.countDown();
      }
    }

    synchronized void write(Path file) throws IOException {
      try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
        out.println("ms,connections");
        for (long[] s : samples) {
          out.println(s[0] + "," + s[1]);
        }
      }
    }
  }
}
