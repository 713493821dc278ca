package dev.poolguard.bench.common;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The benchmarks' one {@code pg_stat_activity} sampler: counts the server sessions of one database
 * or one role every 20 ms over its own connection (to another database, so it never counts itself),
 * on a daemon thread, and, once {@link #record} is called, keeps the samples and their peak.
 */
public final class ConnectionSampler {
  private static final long INTERVAL_MILLIS = 20;

  /** What is counted: the sessions on one database, or those of one role. */
  public enum Scope {
    DATABASE("datname"),
    ROLE("usename");

    private final String column;

    Scope(String column) {
      this.column = column;
    }
  }

  private final String adminUrl;
  private final String query;
  private final String name;
  private final Thread thread;
  private final CountDownLatch firstSample = new CountDownLatch(1);
  private final List<long[]> samples = new ArrayList<>();
  private volatile long startNanos;
  private volatile boolean recording;
  private volatile boolean stopped;
  private volatile @Nullable Exception failure;
  private int peak;

  private ConnectionSampler(String adminUrl, Scope scope, String name) {
    this.adminUrl = adminUrl;
    this.query = "SELECT COUNT(*) FROM pg_stat_activity WHERE " + scope.column + " = ?";
    this.name = name;
    this.thread = new Thread(this::sample, "pg_stat_activity-sampler");
    thread.setDaemon(true);
  }

  /**
   * Starts sampling {@code name}'s sessions through {@code adminUrl} and returns once the first
   * count is in, so that whatever is measured next is seen from its start.
   */
  public static ConnectionSampler start(String adminUrl, Scope scope, String name)
      throws InterruptedException {
    ConnectionSampler sampler = new ConnectionSampler(adminUrl, scope, name);
    sampler.thread.start();
    sampler.firstSample.await();
    sampler.rethrowFailure();
    return sampler;
  }

  /** Keeps every sample from now on, timed from {@code nanos} ({@link System#nanoTime()}). */
  public void record(long nanos) {
    startNanos = nanos;
    recording = true;
  }

  public synchronized int peak() {
    return peak;
  }

  public synchronized int sampleCount() {
    return samples.size();
  }

  /**
   * Stops sampling (a daemon thread: a run that fails before this leaves nothing behind); a failure
   * of the sampler's connection is reported here, not hidden.
   */
  public void stop() throws InterruptedException {
    stopped = true;
    thread.join(TimeUnit.SECONDS.toMillis(2));
    rethrowFailure();
  }

  /** Writes the recorded samples as {@code ms,connections} lines. */
  public synchronized void write(Path file) throws IOException {
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
      out.println("ms,connections");
      for (long[] sample : samples) {
        out.println(sample[0] + "," + sample[1]);
      }
    }
  }

  private void sample() {
    try (Connection connection = DriverManager.getConnection(adminUrl);
        PreparedStatement count = connection.prepareStatement(query)) {
      count.setString(1, name);
      while (!stopped) {
        int sessions;
        try (ResultSet rows = count.executeQuery()) {
          rows.next();
          sessions = rows.getInt(1);
        }
        synchronized (this) {
          if (recording) {
            peak = Math.max(peak, sessions);
            samples.add(new long[] {(System.nanoTime() - startNanos) / 1_000_000, sessions});
          }
        }
        firstSample.countDown();
        Thread.sleep(INTERVAL_MILLIS);
      }
    } catch (SQLException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = e;
    } finally {
      firstSample.countDown();
    }
  }

  private void rethrowFailure() {
    Exception e = failure;
    if (e != null) {
      throw new IllegalStateException("the pg_stat_activity sampler failed: " + e, e);
    }
  }

  /**
   * Samples one role's sessions until {@code stopFile} appears, then prints {@code peak=<n>
   * samples=<n>}: for benchmarks whose load runs in other processes ({@code scripts/bench-jvms}).
   * Arguments: admin JDBC URL, role, stop file.
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "usage: ConnectionSampler <admin JDBC URL> <role> <stop file>; got "
              + args.length
              + " arguments");
    }
    Path stopFile = Path.of(args[2]);
    ConnectionSampler sampler = start(args[0], Scope.ROLE, args[1]);
    sampler.record(System.nanoTime());
    while (!Files.exists(stopFile)) {
      Thread.sleep(INTERVAL_MILLIS);
    }
    sampler.stop();
    System.out.printf(Locale.ROOT, "peak=%d samples=%d%n", sampler.peak(), sampler.sampleCount());
  }
}
