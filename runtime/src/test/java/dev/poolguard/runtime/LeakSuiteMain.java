package dev.poolguard.runtime;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Run in a fresh JVM by {@link LeakAttributionTest}: the fixture classes named in the arguments in
 * one launcher session of their own ({@code --parallel}: concurrently; {@code --autodetect}: with
 * Jupiter's extension autodetection on). Prints {@code failed=Class#method: messages} per failed
 * test or class and {@code succeeded=N}; the pool's own lines follow when the session closes.
 */
public final class LeakSuiteMain {
  private LeakSuiteMain() {}

  public static void main(String[] args) throws ClassNotFoundException {
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
    List<String> classes = new ArrayList<>();
    for (String arg : args) {
      switch (arg) {
        case "--parallel" ->
            request
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter(
                    "junit.jupiter.execution.parallel.config.fixed.parallelism", "6");
        case "--autodetect" ->
            request.configurationParameter(
                "junit.jupiter.extensions.autodetection.enabled", "true");
        default -> classes.add(arg);
      }
    }
    for (String name : classes) {
      request.selectors(
          selectClass(Class.forName(name, false, LeakSuiteMain.class.getClassLoader())));
    }
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    try (LauncherSession session = LauncherFactory.openSession()) {
      session.getLauncher().execute(request.build(), listener);
    }
    TestExecutionSummary summary = listener.getSummary();
    for (TestExecutionSummary.Failure failure : summary.getFailures()) {
      String name =
          failure
              .getTestIdentifier()
              .getSource()
              .filter(MethodSource.class::isInstance)
              .map(MethodSource.class::cast)
              .map(method -> simpleName(method.getClassName()) + "#" + method.getMethodName())
              .orElse(failure.getTestIdentifier().getDisplayName());
      System.out.println("failed=" + name + ": " + messages(failure.getException()));
    }
    System.out.println("succeeded=" + summary.getTestsSucceededCount());
    System.out.flush();
  }

  /** The failure's message and its causes' (a failed class initializer has none of its own). */
  private static String messages(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        text.append(text.length() == 0 ? "" : " <- ")
            .append(String.valueOf(t.getMessage()).replace('\n', '|'));
      }
    }
    return text.toString();
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
