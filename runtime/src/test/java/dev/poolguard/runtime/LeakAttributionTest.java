package dev.poolguard.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.fixtures.PooledSuiteOne;
import dev.poolguard.runtime.fixtures.leaks.ClassLevelLeak;
import dev.poolguard.runtime.fixtures.leaks.ExhaustingLeaks;
import dev.poolguard.runtime.fixtures.leaks.KeptLeak;
import dev.poolguard.runtime.fixtures.leaks.LeakingClass;
import dev.poolguard.runtime.fixtures.leaks.ParallelLeaks;
import dev.poolguard.runtime.internal.ChildJvm;
import dev.poolguard.runtime.internal.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.w3c.dom.Document;

/**
 * Leak attribution through real launcher sessions on real PostgreSQL: most in a child JVM of their
 * own so the leaked connections never touch this JVM's pool, one nested in this JVM's session.
 */
@Timeout(120)
class LeakAttributionTest {
  private static final String FIXTURES = "dev.poolguard.runtime.fixtures.leaks.";
  private static final Pattern REPORT =
      Pattern.compile(
          "\\[PoolGuard] session report for .* peak \\d+ in use, .*time-outs (\\d+), suspected leaks"
              + " (\\d+), wall time [0-9.]+ s(?:, timeline (\\S+))?");

  @TempDir Path reportDir;

  /** Runs the fixture classes in a launcher session of a child JVM; returns everything printed. */
  private String runInChildJvm(List<String> settings, String... args)
      throws IOException, InterruptedException {
    List<String> properties = new ArrayList<>(settings);
    properties.add("-Dpoolguard.url=" + TestDatabases.POSTGRES_URL);
    properties.add("-Dpoolguard.user=" + TestDatabases.POSTGRES_USER);
    properties.add("-Dpoolguard.reportDir=" + reportDir);
    return ChildJvm.run(LeakSuiteMain.class, Map.of(), properties, args);
  }

  /**
   * {@code dev.….LeakingClass.leaksOneConnection(LeakingClass.java:19)}: the fixture line marked
   * {@code borrow-site:<marker>}.
   */
  private static String borrowSite(Class<?> fixture, String method, String marker)
      throws IOException {
    Path source =
        Path.of("src/test/java", fixture.getName().replace('.', '/') + ".java").toAbsolutePath();
    List<String> lines = Files.readAllLines(source);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("// borrow-site:" + marker)) {
        return fixture.getName()
            + "."
            + method
            + "("
            + fixture.getSimpleName()
            + ".java:"
            + (i + 1)
            + ")";
      }
    }
    throw new AssertionError("no borrow-site:" + marker + " in " + source);
  }

  private static List<String> leakLines(String output) {
    return output.lines().filter(line -> line.startsWith("[PoolGuard] suspected leak: ")).toList();
  }

  private static Matcher report(String output) {
    Matcher report = REPORT.matcher(output);
    assertTrue(report.find(), () -> "no session report in:\n" + output);
    return report;
  }

  private static Set<String> failed(String output) {
    return output
        .lines()
        .filter(line -> line.startsWith("failed="))
        .map(line -> line.substring("failed=".length(), line.indexOf(':')))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * One count everywhere: the report line's suspected leaks, the {@code suspected leak:} lines and
   * the leaks by test add up to the same number.
   */
  private static void assertCountsAgree(String output, int expected) {
    assertEquals(expected, leakLines(output).size(), () -> "leak lines in:\n" + output);
    assertEquals(String.valueOf(expected), report(output).group(2), () -> output);
    int byTest =
        output
            .lines()
            .filter(line -> line.matches("\\[PoolGuard]   .*: \\d+, borrowed at .*"))
            .mapToInt(
                line -> {
                  Matcher count = Pattern.compile(": (\\d+), borrowed at ").matcher(line);
                  assertTrue(count.find());
                  return Integer.parseInt(count.group(1));
                })
            .sum();
    assertEquals(expected, byTest, () -> "leaks by test in:\n" + output);
    if (expected > 0) {
      assertTrue(
          output.contains("[PoolGuard] suspected leaks by test (" + expected + "):"), output);
    }
  }

  private static Document parseXml(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  @Test
  void aTestLeakingOneConnectionIsNamedWithTheBorrowSiteAndHowLongItWasHeld() throws Exception {
    String output = runInChildJvm(List.of(), FIXTURES + "LeakingClass");

    List<String> leaks = leakLines(output);
    assertEquals(1, leaks.size(), output);
    String expected =
        "[PoolGuard] suspected leak: "
            + LeakingClass.class.getName()
            + "#leaksOneConnection() finished holding a connection of poolguard-";
    assertTrue(leaks.get(0).startsWith(expected), () -> leaks.get(0));
    assertTrue(
        leaks
            .get(0)
            .matches(
                ".*, borrowed at "
                    + Pattern.quote(
                        borrowSite(LeakingClass.class, "leaksOneConnection", "leaksOneConnection"))
                    + ", held \\d+(\\.\\d)? m?s \\(thread '.*'\\)"),
        () -> leaks.get(0));
    assertFalse(output.contains("returnsItsConnection"), output);
    assertEquals(Set.of(), failed(output), "leaks=warn fails nothing");
    assertCountsAgree(output, 1);
    assertTrue(
        output.contains(
            "[PoolGuard]   "
                + LeakingClass.class.getName()
                + "#leaksOneConnection(): 1, borrowed at "),
        output);
  }

  @Test
  void aBorrowInBeforeAllIsChargedToTheClass() throws Exception {
    String output = runInChildJvm(List.of(), FIXTURES + "ClassLevelLeak");

    List<String> leaks = leakLines(output);
    assertEquals(1, leaks.size(), output);
    assertTrue(
        leaks
            .get(0)
            .startsWith(
                "[PoolGuard] suspected leak: "
                    + ClassLevelLeak.class.getName()
                    + " (class-level) finished holding a connection of "),
        () -> leaks.get(0));
    assertTrue(
        leaks
            .get(0)
            .contains(borrowSite(ClassLevelLeak.class, "borrowForTheClass", "borrowForTheClass")),
        () -> leaks.get(0));
    assertCountsAgree(output, 1);
  }

  @Test
  void parallelTestsAreEachChargedTheirOwnLeaksIncludingThreadsTheyStart() throws Exception {
    String output =
        runInChildJvm(
            List.of("-Dpoolguard.maxPoolSize=6"), "--parallel", FIXTURES + "ParallelLeaks");

    assertEquals(Set.of(), failed(output), output);
    assertTrue(output.contains("succeeded=5"), output);
    Set<String> charged = new TreeSet<>();
    for (String line : leakLines(output)) {
      Matcher leak =
          Pattern.compile(
                  "suspected leak: \\S+#(\\w+)\\(\\) finished holding .*, borrowed at (\\S+),")
              .matcher(line);
      assertTrue(leak.find(), line);
      String test = leak.group(1);
      String expectedSite =
          borrowSite(
              ParallelLeaks.class,
              test.equals("leaksOnAThreadItStarts") ? "lambda$leaksOnAThreadItStarts$0" : test,
              test);
      assertEquals(expectedSite, leak.group(2), line);
      charged.add(test);
    }
    assertEquals(Set.of("leaksA", "leaksB", "leaksOnAThreadItStarts"), charged, output);
    assertCountsAgree(output, 3);
  }

  @Test
  void anExhaustionCausedByLeaksNamesTheLeakingTestsAndTheTimelineShowsThem() throws Exception {
    String output =
        runInChildJvm(
            List.of("-Dpoolguard.maxPoolSize=2", "-Dpoolguard.acquireTimeout=1"),
            FIXTURES + "ExhaustingLeaks");

    assertEquals(Set.of("ExhaustingLeaks#findsThePoolExhausted"), failed(output), output);
    String failure =
        output.lines().filter(line -> line.startsWith("failed=")).findFirst().orElseThrow();
    for (String fragment :
        new String[] {
          "the shared pool has 2 connections and 2 are held by:",
          ExhaustingLeaks.class.getName()
              + "#leaksFirst() (suspected leak: not returned when it finished), held ",
          ExhaustingLeaks.class.getName()
              + "#leaksSecond() [leaks second <&> \"quoted\"] (suspected leak: not returned when it"
              + " finished), held ",
          borrowSite(ExhaustingLeaks.class, "leaksFirst", "leaksFirst"),
        }) {
      assertTrue(failure.contains(fragment), () -> "missing '" + fragment + "' in " + failure);
    }
    assertTrue(
        failure.indexOf("#leaksFirst()") < failure.indexOf("#leaksSecond()"), "longest held first");
    assertCountsAgree(output, 2);
    Matcher report = report(output);
    assertEquals("1", report.group(1), "time-outs");

    Path timeline = Path.of(String.valueOf(report.group(3)));
    assertEquals(reportDir.toRealPath(), timeline.toRealPath().getParent());
    Document svg = parseXml(timeline);
    assertEquals("svg", svg.getDocumentElement().getLocalName());
    String text = svg.getDocumentElement().getTextContent();
    for (String fragment :
        new String[] {
          "time-outs 1, suspected leaks 2",
          "Holders at the peak (2 connections",
          "Suspected leaks (2)",
          ExhaustingLeaks.class.getName() + "#leaksFirst()",
          ExhaustingLeaks.class.getName() + "#leaksSecond() [leaks second <&> \"quoted\"]",
          "borrowed at " + borrowSite(ExhaustingLeaks.class, "leaksSecond", "leaksSecond")
        }) {
      assertTrue(
          text.contains(fragment), () -> "missing '" + fragment + "' in the picture: " + text);
    }
  }

  @Test
  void leaksFailFailsExactlyTheLeakingTestWhenTheExtensionIsAutodetected() throws Exception {
    String output =
        runInChildJvm(List.of("-Dpoolguard.leaks=fail"), "--autodetect", FIXTURES + "LeakingClass");

    assertEquals(Set.of("LeakingClass#leaksOneConnection"), failed(output), output);
    assertTrue(
        output.contains(
            "failed=LeakingClass#leaksOneConnection: PoolGuard: "
                + LeakingClass.class.getName()
                + "#leaksOneConnection() finished holding 1 connection of the shared pool "
                + "(poolguard.leaks=fail): borrowed at "
                + borrowSite(LeakingClass.class, "leaksOneConnection", "leaksOneConnection")),
        output);
    assertTrue(output.contains("succeeded=1"), output);
    assertCountsAgree(output, 1);
  }

  @Test
  void leaksFailFailsAClassWhoseBeforeAllLeaked() throws Exception {
    String output =
        runInChildJvm(
            List.of("-Dpoolguard.leaks=fail"), "--autodetect", FIXTURES + "ClassLevelLeak");

    assertEquals(Set.of("ClassLevelLeak"), failed(output), output);
    assertTrue(output.contains("succeeded=1"), "its test itself passed: " + output);
    assertCountsAgree(output, 1);
  }

  @Test
  void leaksFailWorksWithTheExtensionRegisteredByHand() throws Exception {
    String output =
        runInChildJvm(List.of("-Dpoolguard.leaks=fail"), FIXTURES + "ExtendedLeakingClass");

    assertEquals(Set.of("ExtendedLeakingClass#leaksOneConnection"), failed(output), output);
    assertFalse(output.contains("could not fail"), output);
  }

  @Test
  void leaksFailWithoutTheExtensionWarnsAndSaysHowToActivateIt() throws Exception {
    String output = runInChildJvm(List.of("-Dpoolguard.leaks=fail"), FIXTURES + "LeakingClass");

    assertEquals(Set.of(), failed(output), output);
    assertTrue(
        output.contains(
            "[PoolGuard] poolguard.leaks=fail could not fail "
                + LeakingClass.class.getName()
                + "#leaksOneConnection(): only a JUnit Jupiter extension can fail a test"),
        output);
    assertTrue(output.contains("junit.jupiter.extensions.autodetection.enabled=true"), output);
    assertCountsAgree(output, 1);
  }

  @Test
  void leaksOffChecksNoTest() throws Exception {
    String output = runInChildJvm(List.of("-Dpoolguard.leaks=off"), FIXTURES + "LeakingClass");

    List<String> leaks = leakLines(output);
    assertEquals(1, leaks.size(), output);
    assertTrue(leaks.get(0).contains("was never returned"), "named when the pool closes: " + leaks);
    assertCountsAgree(output, 1);
  }

  @Test
  void aCleanSessionWritesNoTimelineUnlessAsked() throws Exception {
    String clean = runInChildJvm(List.of(), PooledSuiteOne.class.getName());
    assertCountsAgree(clean, 0);
    assertEquals(null, report(clean).group(3), clean);
    try (Stream<Path> files = Files.list(reportDir)) {
      assertEquals(List.of(), files.toList(), "nothing written for a clean session");
    }

    String always =
        runInChildJvm(List.of("-Dpoolguard.report=always"), PooledSuiteOne.class.getName());
    Path timeline = Path.of(String.valueOf(report(always).group(3)));
    assertTrue(Files.isRegularFile(timeline), always);
    assertTrue(
        parseXml(timeline).getDocumentElement().getTextContent().contains("Suspected leaks (0)"));
  }

  @Test
  void reportNeverWritesNoTimelineEvenWithLeaks() throws Exception {
    String output = runInChildJvm(List.of("-Dpoolguard.report=never"), FIXTURES + "LeakingClass");
    assertCountsAgree(output, 1);
    assertEquals(null, report(output).group(3), output);
    try (Stream<Path> files = Files.list(reportDir)) {
      assertEquals(List.of(), files.toList());
    }
  }

  @Test
  void outsideAnyLauncherANeverReturnedConnectionIsOneLeakInTheLineAndTheReport() throws Exception {
    assertUnreturnedIsOneLeak(System.getProperty("java.class.path"));
  }

  @Test
  void withoutTheJUnitPlatformOnTheClassPathTheRuntimeStillReportsTheLeak() throws Exception {
    String withoutJUnit =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.matches(".*(junit|opentest4j|apiguardian).*"))
            .collect(Collectors.joining(File.pathSeparator));
    assertFalse(withoutJUnit.contains("junit-platform-launcher"));
    assertUnreturnedIsOneLeak(withoutJUnit);
  }

  private void assertUnreturnedIsOneLeak(String classpath) throws Exception {
    String output =
        ChildJvm.runWithClasspath(
            UnreturnedMain.class,
            classpath,
            Map.of(),
            List.of(
                "-Dpoolguard.url=" + TestDatabases.POSTGRES_URL,
                "-Dpoolguard.user=" + TestDatabases.POSTGRES_USER,
                "-Dpoolguard.reportDir=" + reportDir,
                "-Dpoolguard.maxPoolSize=1",
                "-Dpoolguard.acquireTimeout=1"));

    assertTrue(
        output.contains(
            "second borrow failed: PoolGuard: no connection free within 1 s for PostgreSQL "),
        output);
    assertTrue(
        output.contains(
            "the shared pool has 1 connection and 1 is held by:|  outside any test, held "),
        output);
    List<String> leaks = leakLines(output);
    assertEquals(1, leaks.size(), output);
    assertTrue(
        leaks
            .get(0)
            .contains(
                "taken outside any test was never returned, borrowed at "
                    + UnreturnedMain.class.getName()
                    + ".main(UnreturnedMain.java:"),
        leaks.get(0));
    assertCountsAgree(output, 1);
    assertEquals("1", report(output).group(1));
    assertTrue(Files.isRegularFile(Path.of(String.valueOf(report(output).group(3)))), output);
  }

  @Test
  void inANestedLauncherSessionTheLeakIsChargedToTheInnerTest() throws Exception {
    // This JVM's own pool, shared with the nested session; the fixture hands its leak back to us.
    long leaksBefore = SharedTestDataSource.stats().suspectedLeaks();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream standardError = System.err;
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try (LauncherSession session = LauncherFactory.openSession()) {
      session
          .getLauncher()
          .execute(
              LauncherDiscoveryRequestBuilder.request()
                  .selectors(DiscoverySelectors.selectClass(KeptLeak.class))
                  .build(),
              listener);
    } finally {
      System.setErr(standardError);
      KeptLeak.returnLeaked();
    }

    assertEquals(1, listener.getSummary().getTestsSucceededCount());
    List<String> leaks = leakLines(printed.toString(StandardCharsets.UTF_8));
    assertEquals(1, leaks.size(), () -> printed.toString(StandardCharsets.UTF_8));
    assertTrue(
        leaks
            .get(0)
            .startsWith(
                "[PoolGuard] suspected leak: "
                    + KeptLeak.class.getName()
                    + "#leaksIntoAField() finished holding a connection of "
                    + SharedTestDataSource.stats().poolName()
                    + ", borrowed at "
                    + borrowSite(KeptLeak.class, "leaksIntoAField", "leaksIntoAField")),
        leaks.get(0));
    assertEquals(leaksBefore + 1, SharedTestDataSource.stats().suspectedLeaks());
  }

  @Test
  void aBadLeaksValueFailsTheTestsThatUseThePoolWithTheUsualMessage() throws Exception {
    String output = runInChildJvm(List.of("-Dpoolguard.leaks=loud"), FIXTURES + "LeakingClass");

    assertEquals(
        Set.of("LeakingClass#leaksOneConnection", "LeakingClass#returnsItsConnection"),
        failed(output),
        "the class initializer asks for the pool: " + output);
    assertTrue(
        output.contains(
            "PoolGuard: poolguard.leaks=loud (from system property poolguard.leaks) for every pool of "
                + "this test JVM is not one of warn, fail, off."),
        output);
  }
}
