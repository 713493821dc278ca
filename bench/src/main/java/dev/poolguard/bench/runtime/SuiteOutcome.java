package dev.poolguard.bench.runtime;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts the suite's tests and failures (a class that fails in {@code @BeforeAll} fails all its
 * tests) and keeps the first failure's root cause and time.
 */
final class SuiteOutcome implements TestExecutionListener {
  private static final int MAX_CAUSES = 20;

  private final AtomicInteger tests = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger failedClasses = new AtomicInteger();
  private final AtomicLong firstFailureNanos = new AtomicLong();
  private final AtomicReference<@Nullable String> firstReason = new AtomicReference<>();
  private volatile @Nullable TestPlan plan;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
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
    } else if (bad && id.getSource().filter(ClassSource.class::isInstance).isPresent()) {
      failedClasses.incrementAndGet();
      TestPlan current = plan;
      int children = current == null ? 0 : current.getChildren(id).size();
      tests.addAndGet(children); // skipped tests of a class whose @BeforeAll failed
      failed.addAndGet(children);
    }
    if (bad) {
      // Every failure in the mode's log, with its whole chain: the first reason alone hides why.
      System.err.println("[suite] " + id.getLegacyReportingName() + " failed: " + chain(result));
    }
    if (bad && firstReason.get() == null) {
      if (firstReason.compareAndSet(null, reason(result))) {
        firstFailureNanos.set(System.nanoTime());
      }
    }
  }

  int failed() {
    return failed.get();
  }

  /** {@code passed}, or {@code failed: ...} with counts and the first failure's root cause. */
  String result(long startNanos) {
    if (failed.get() == 0 && tests.get() > 0) {
      return "passed";
    }
    return String.format(
        Locale.ROOT,
        "failed: %d of %d tests (%d classes) failed, first after %.1f s: %s",
        failed.get(),
        tests.get(),
        failedClasses.get(),
        (firstFailureNanos.get() - startNanos) / 1e9,
        firstReason.get());
  }

  private static String chain(TestExecutionResult result) {
    StringBuilder text = new StringBuilder();
    Throwable t = result.getThrowable().orElse(null);
    // getCause() is null for a self-cause; the bound stops a cycle of causes.
    for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
      text.append(text.length() == 0 ? "" : " <- caused by ")
          .append(t.getClass().getSimpleName())
          .append(": ")
          .append(t.getMessage());
    }
    return text.toString().replaceAll("\\s+", " ");
  }

  private static String reason(TestExecutionResult result) {
    Throwable root = result.getThrowable().orElse(null);
    while (root != null && root.getCause() != null) { // getCause() is null for a self-cause
      root = root.getCause();
    }
    String reason =
        root == null
            ? result.getStatus().toString()
            : root.getClass().getSimpleName() + ": " + root.getMessage();
    return reason.replaceAll("\\s+", " ");
  }
}
