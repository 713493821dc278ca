package dev.poolguard.runtime;

import dev.poolguard.runtime.internal.BorrowTracker;
import dev.poolguard.runtime.internal.FailureMessages;
import dev.poolguard.runtime.internal.Leak;
import dev.poolguard.runtime.internal.PoolGuardLog;
import dev.poolguard.runtime.internal.TestAttribution;
import dev.poolguard.runtime.internal.TestOwner;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Charges every borrow to the test (or, for {@code @BeforeAll} and {@code @AfterAll}, the class)
 * running on the borrowing thread, and names the connections a test still holds when it finishes.
 * The launcher calls {@link #executionStarted} and {@link #executionFinished} on the thread that
 * runs the test, parallel execution included. Registered through {@code META-INF/services}; users
 * configure nothing. Public only because {@link java.util.ServiceLoader} requires it.
 */
public final class PoolGuardTestListener implements TestExecutionListener {
  /** The owners of this launcher's running tests; a nested launcher has a listener of its own. */
  private final Map<String, TestOwner> running = new ConcurrentHashMap<>();

  private final AtomicBoolean extensionHintGiven = new AtomicBoolean();

  /** Called by {@link java.util.ServiceLoader}. */
  public PoolGuardTestListener() {}

  @Override
  public void executionStarted(TestIdentifier test) {
    TestOwner owner = new TestOwner(test.getUniqueId(), labelOf(test));
    running.put(test.getUniqueId(), owner);
    TestAttribution.started(owner);
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    TestOwner owner = running.remove(test.getUniqueId());
    if (owner == null) {
      return;
    }
    TestAttribution.finished(owner);
    // Leaks PoolGuardLeakExtension already reported (and failed the test for) are not found again.
    List<Leak> leaks = BorrowTracker.leaksOf(owner);
    if (leaks.stream().anyMatch(Leak::failsTest) && extensionHintGiven.compareAndSet(false, true)) {
      PoolGuardLog.line(
          "poolguard.leaks=fail could not fail "
              + owner.label()
              + ": only a JUnit Jupiter extension can fail a test, and "
              + PoolGuardLeakExtension.class.getName()
              + " is not active. Set junit.jupiter.extensions.autodetection.enabled=true (in "
              + "junit-platform.properties or as a system property) or annotate the test classes with "
              + "@ExtendWith(PoolGuardLeakExtension.class); see "
              + FailureMessages.DOCS
              + ".");
    }
  }

  /**
   * {@code com.acme.OrderTest#creates(int) [[1] 7]}: the method and, when it says more, the display
   * name; {@code com.acme.OrderTest (class-level)} for a class; anything else by its display name.
   */
  static String labelOf(TestIdentifier test) {
    TestSource source = test.getSource().orElse(null);
    String displayName = test.getDisplayName();
    if (source instanceof MethodSource method) {
      String signature = method.getMethodName() + "(" + method.getMethodParameterTypes() + ")";
      String label = method.getClassName() + "#" + signature;
      return displayName.equals(signature) ? label : label + " [" + displayName + "]";
    }
    if (source instanceof ClassSource type) {
      return type.getClassName() + " (class-level)";
    }
    return displayName;
  }
}
