package dev.poolguard.runtime;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.poolguard.runtime.fixtures.ForDatabaseSuite;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Run in a fresh JVM by {@link ForDatabaseTest}: an outer launcher session (as Surefire opens one)
 * with the {@link ForDatabaseSuite} run in a nested session inside it. Prints {@code key=value}
 * lines: the pools after the nested session ended and after the outer one ended.
 */
public final class ForDatabaseSessionsMain {
  private ForDatabaseSessionsMain() {}

  // The outer session is held open, not used: the nested one runs inside it.
  @SuppressWarnings("try")
  public static void main(String[] args) {
    try (LauncherSession outer = LauncherFactory.openSession()) {
      SummaryGeneratingListener listener = new SummaryGeneratingListener();
      try (LauncherSession nested = LauncherFactory.openSession()) {
        nested
            .getLauncher()
            .execute(
                LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(ForDatabaseSuite.class))
                    .build(),
                listener);
      }
      listener
          .getSummary()
          .printFailuresTo(new PrintWriter(System.out, true, StandardCharsets.UTF_8), 20);
      System.out.println("succeeded=" + listener.getSummary().getTestsSucceededCount());
      print("afterNested");
    }
    print("afterOuter");
    System.out.flush();
  }

  private static void print(String moment) {
    ForDatabaseSuite.VIEWS.forEach(
        (consumer, view) -> System.out.println(moment + "." + consumer + "=" + poolOf(view)));
  }

  private static String poolOf(DataSource view) {
    return "[" + SharedTestDataSource.stats(view).poolName() + "]";
  }
}
