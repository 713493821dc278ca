package dev.poolguard.runtime;

import dev.poolguard.runtime.internal.BorrowTracker;
import dev.poolguard.runtime.internal.FailureMessages;
import dev.poolguard.runtime.internal.Leak;
import dev.poolguard.runtime.internal.SessionHygiene;
import dev.poolguard.runtime.internal.TestAttribution;
import dev.poolguard.runtime.internal.TestOwner;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * With {@code poolguard.leaks=fail}, fails a test that ends holding a connection it borrowed, and a
 * class whose {@code @BeforeAll} / {@code @AfterAll} did; with {@code poolguard.hygiene=fail}, one
 * that gave a connection back with session state left on it. A {@link
 * org.junit.platform.launcher.TestExecutionListener} only observes, so failing takes a Jupiter
 * extension: active for every class when {@code
 * junit.jupiter.extensions.autodetection.enabled=true} (it is listed in {@code META-INF/services}),
 * or per class with {@code @ExtendWith(PoolGuardLeakExtension.class)}. Its callbacks run after the
 * class's own {@code @AfterEach} and {@code @AfterAll} methods, so what those close is not a leak.
 * It relies on {@link PoolGuardTestListener} (always registered) to know which test borrowed what.
 */
public final class PoolGuardLeakExtension implements AfterEachCallback, AfterAllCallback {
  /** Called by Jupiter. */
  public PoolGuardLeakExtension() {}

  @Override
  public void afterEach(ExtensionContext context) {
    failIfLeaked(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    failIfLeaked(context);
  }

  private static void failIfLeaked(ExtensionContext context) {
    TestOwner owner = TestAttribution.current();
    if (owner == null || !owner.uniqueId().equals(context.getUniqueId())) {
      // Not attributed (no launcher listener, e.g. an engine test kit): nothing is known.
      return;
    }
    List<Leak> failing = BorrowTracker.leaksOf(owner).stream().filter(Leak::failsTest).toList();
    List<String> dirty = SessionHygiene.failuresOf(owner);
    if (!failing.isEmpty()) {
      throw new AssertionError(FailureMessages.leakedByTest(owner.label(), failing));
    }
    if (!dirty.isEmpty()) {
      throw new AssertionError("PoolGuard (poolguard.hygiene=fail): " + String.join(" ", dirty));
    }
  }
}
