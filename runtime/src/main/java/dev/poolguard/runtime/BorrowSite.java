package dev.poolguard.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Who borrowed a connection and from where, so an exhausted pool can name its holders. */
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
  private final List<StackTraceElement> frames;

  private BorrowSite(String threadName, long borrowedAtNanos, List<StackTraceElement> frames) {
    this.threadName = threadName;
    this.borrowedAtNanos = borrowedAtNanos;
    this.frames = frames;
  }

  static BorrowSite here() {
    List<StackTraceElement> frames =
        StackWalker.getInstance()
            .walk(
                stack ->
                    stack
                        .dropWhile(frame -> INTERNAL_CLASSES.contains(frame.getClassName()))
                        .filter(
                            frame ->
                                INFRASTRUCTURE_PREFIXES.stream()
                                    .noneMatch(frame.getClassName()::startsWith))
                        .limit(FRAMES_SHOWN)
                        .map(StackWalker.StackFrame::toStackTraceElement)
                        .collect(Collectors.toList()));
    return new BorrowSite(Thread.currentThread().getName(), System.nanoTime(), frames);
  }

  Duration heldFor() {
    return Duration.ofNanos(System.nanoTime() - borrowedAtNanos);
  }

  /**
   * {@code thread 'worker-1', held 4.2 s, at com.acme.OrderTest.creates(OrderTest.java:31) <- ...}.
   */
  String describe() {
    String where =
        frames.isEmpty()
            ? "(no application frames)"
            : frames.stream().map(StackTraceElement::toString).collect(Collectors.joining(" <- "));
    return "thread '" + threadName + "', held " + heldFor().toMillis() + " ms, at " + where;
  }
}
