package dev.poolguard.runtime;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.poolguard.runtime.fixtures.PooledSuiteFour;
import dev.poolguard.runtime.fixtures.PooledSuiteOne;
import dev.poolguard.runtime.fixtures.PooledSuiteThree;
import dev.poolguard.runtime.fixtures.PooledSuiteTwo;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the fixture suite, its classes and tests in parallel, in a real launcher session of its own.
 */
final class SuiteLauncher {
  static final int TESTS = 16;

  private SuiteLauncher() {}

  static TestExecutionSummary runSuiteInNewSession() {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(
                selectClass(PooledSuiteOne.class),
                selectClass(PooledSuiteTwo.class),
                selectClass(PooledSuiteThree.class),
                selectClass(PooledSuiteFour.class))
            .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
            .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
            .configurationParameter(
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
            .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
            .configurationParameter(
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "6")
            .build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    try (LauncherSession session = LauncherFactory.openSession()) {
      session.getLauncher().execute(request, listener);
    }
    return listener.getSummary();
  }
}
