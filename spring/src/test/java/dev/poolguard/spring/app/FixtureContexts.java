package dev.poolguard.spring.app;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the fixture contexts of one package ({@code *Context} classes, each a Spring test class of
 * its own) in their {@code @Order}, in a launcher session nested in Surefire's: how several
 * contexts meet one shared pool in a real run.
 */
final class FixtureContexts {
  private FixtureContexts() {}

  static TestExecutionSummary run(String packageName) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    try (LauncherSession session = LauncherFactory.openSession()) {
      session
          .getLauncher()
          .execute(
              LauncherDiscoveryRequestBuilder.request()
                  .selectors(selectPackage(packageName))
                  .filters(ClassNameFilter.includeClassNamePatterns(".*Context"))
                  .configurationParameter(
                      "junit.jupiter.testclass.order.default",
                      "org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
                  .build(),
              listener);
    }
    return listener.getSummary();
  }

  /** Each failed test's name and exception, a line each: what an assertion on the count shows. */
  static String failures(TestExecutionSummary summary) {
    StringBuilder text = new StringBuilder();
    summary
        .getFailures()
        .forEach(
            failure ->
                text.append(failure.getTestIdentifier().getDisplayName())
                    .append(": ")
                    .append(failure.getException())
                    .append('\n'));
    return text.toString();
  }
}
