package dev.poolguard.runtime.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Which test runs on each thread, so a borrow can be charged to it. Told by {@link
 * PoolGuardTestListener} when tests and containers start and finish, on the thread that runs them
 * (JUnit's parallel executor included). Threads a test starts inherit its context; a context whose
 * test has finished no longer counts, so a pooled thread created during one test does not charge
 * later borrows to it. Plain JDK: the runtime works without the JUnit Platform.
 */
public final class TestAttribution {
  /** Immutable, so a thread inheriting it cannot disturb its parent's stack. */
  private record Frame(TestOwner owner, @Nullable Frame outer) {}

  private static final InheritableThreadLocal<@Nullable Frame> CURRENT =
      new InheritableThreadLocal<>();
  private static final Set<TestOwner> RUNNING = ConcurrentHashMap.newKeySet();

  private TestAttribution() {}

  public static void started(TestOwner owner) {
    RUNNING.add(owner);
    CURRENT.set(new Frame(owner, CURRENT.get()));
  }

  /**
   * Ends {@code owner}; on its own thread its frame and any left above it (children whose end was
   * never announced) are dropped.
   */
  public static void finished(TestOwner owner) {
    RUNNING.remove(owner);
    for (Frame frame = CURRENT.get(); frame != null; frame = frame.outer()) {
      if (frame.owner() == owner) {
        CURRENT.set(frame.outer());
        return;
      }
    }
  }

  /** The innermost test still running in this thread's context; {@code null} outside any test. */
  public static @Nullable TestOwner current() {
    for (Frame frame = CURRENT.get(); frame != null; frame = frame.outer()) {
      if (RUNNING.contains(frame.owner())) {
        return frame.owner();
      }
    }
    return null;
  }
}
