package dev.poolguard.runtime.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Who borrowed a connection, for which test and from where, so an exhausted pool can name its
 * holders and a leak its test.
 */
final class BorrowSite {
  /**
   * Frames of PoolGuard itself, the JDK and test engines say nothing about which test holds a
   * connection.
   */
  private static final Set<String> INTERNAL_CLASSES =
      Set.of(
          BorrowSite.class.getName(),
          BorrowTracker.class.getName(),
          SharedPool.class.getName(),
          SharedDataSourceView.class.getName());

  private static final List<String> INFRASTRUCTURE_PREFIXES =
      List.of(
          "java.",
          "jdk.",
          "sun.",
          "com.sun.",
          "org.junit.",
          "org.apache.maven.surefire.",
          "com.zaxxer.");
  private static final int FRAMES_SHOWN = 5;

  private final String threadName;
  private final long borrowedAtNanos;

  /**
   * The borrower's stack, captured as it is and read into {@link #frames} only when a report needs
   * it: most borrows are never reported, and capturing is many times cheaper than walking the deep
   * stacks of a test engine frame by frame.
   */
  private final Throwable stack;

  private volatile @Nullable List<StackTraceElement> frames;
  private final @Nullable TestOwner owner;

  /** Set once, when the connection is first reported as a suspected leak: it counts once. */
  private final AtomicBoolean leaked = new AtomicBoolean();

  private BorrowSite(
      String threadName, long borrowedAtNanos, Throwable stack, @Nullable TestOwner owner) {
    this.threadName = threadName;
    this.borrowedAtNanos = borrowedAtNanos;
    this.stack = stack;
    this.owner = owner;
  }

  /** The calling thread's borrow, charged to the test running on it (if any). */
  static BorrowSite here() {
    return new BorrowSite(
        Thread.currentThread().getName(),
        System.nanoTime(),
        new Throwable("borrowed here"),
        TestAttribution.current());
  }

  /**
   * The first few application frames of the borrower's stack, from the innermost: PoolGuard's own
   * frames, and those of the JDK and test engines, are left out.
   */
  private List<StackTraceElement> frames() {
    List<StackTraceElement> read = frames;
    if (read == null) {
      read =
          Arrays.stream(stack.getStackTrace())
              .dropWhile(frame -> INTERNAL_CLASSES.contains(frame.getClassName()))
              .filter(
                  frame ->
                      INFRASTRUCTURE_PREFIXES.stream().noneMatch(frame.getClassName()::startsWith))
              .limit(FRAMES_SHOWN)
              .collect(Collectors.toUnmodifiableList());
      frames = read;
    }
    return read;
  }

  /** The test or class that borrowed it; {@code null} for a borrow outside any test. */
  @Nullable TestOwner owner() {
    return owner;
  }

  /** {@code com.acme.OrderTest#creates()}, or {@code outside any test}. */
  String ownerLabel() {
    return owner == null ? "outside any test" : owner.label();
  }

  /**
   * The first application frame, {@code com.acme.OrderTest.creates(OrderTest.java:31)}: where to
   * look.
   */
  String where() {
    List<StackTraceElement> shown = frames();
    return shown.isEmpty() ? "(no application frames)" : shown.get(0).toString();
  }

  long borrowedAtNanos() {
    return borrowedAtNanos;
  }

  String threadName() {
    return threadName;
  }

  /** True the first time only: a connection is one suspected leak however often it is noticed. */
  boolean markLeaked() {
    return leaked.compareAndSet(false, true);
  }

  boolean isLeaked() {
    return leaked.get();
  }

  Duration heldFor() {
    return Duration.ofNanos(System.nanoTime() - borrowedAtNanos);
  }

  /**
   * {@code com.acme.OrderTest#creates() (finished: suspected leak), held 4.2 s, thread 'worker-1',
   * at com.acme.OrderTest.creates(OrderTest.java:31) <- ...}.
   */
  String describe() {
    List<StackTraceElement> shown = frames();
    String where =
        shown.isEmpty()
            ? "(no application frames)"
            : shown.stream().map(StackTraceElement::toString).collect(Collectors.joining(" <- "));
    return ownerLabel()
        + (isLeaked() ? " (suspected leak: not returned when it finished)" : "")
        + ", held "
        + FailureMessages.elapsed(heldFor())
        + ", thread '"
        + threadName
        + "', at "
        + where;
  }
}
