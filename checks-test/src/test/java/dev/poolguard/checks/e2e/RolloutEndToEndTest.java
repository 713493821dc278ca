package dev.poolguard.checks.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The roll-out of a legacy suite ({@code fixtures/Rollout/}: findings of all three checks, with and
 * without certain fixes) through the packaged jar in a forked javac, as a user's build runs it:
 * {@code -XepPatchChecks} with {@code -XepPatchLocation:IN_PLACE} and {@code
 * -XepOpt:PoolGuard:Rollout=true}. On this build's JDK and Error Prone, and (in the JDK 17 build)
 * the same jar under JDK 25 with the newest Error Prone.
 */
final class RolloutEndToEndTest {
  private static final List<String> CHECKS =
      List.of("PerTestDatabaseClient", "SharedPoolClosedInTest", "HardcodedTestSlug");
  private static final Pattern MARKER = Pattern.compile("poolguard:rollout-debt (\\w+)");
  private static final String PRODUCT_TEST =
      "src/test/java/com/acme/shop/ProductRepositoryTest.java";
  private static final String SHARED_POOL_TEST = "src/test/java/com/acme/shop/SharedPoolTest.java";

  static Stream<Arguments> toolchains() {
    Stream.Builder<Arguments> toolchains = Stream.builder();
    toolchains.add(
        Arguments.of(
            "this build's JDK and Error Prone",
            Path.of(System.getProperty("java.home")),
            ErrorProneJavac.processorPath()));
    Path jdk25 = Path.of(System.getProperty("poolguard.jdk25.home", "/nonexistent"));
    if (Runtime.version().feature() < 21 && Files.isExecutable(jdk25.resolve("bin/javac"))) {
      toolchains.add(
          Arguments.of(
              "the JDK 17 jar under JDK 25 and the newest Error Prone",
              jdk25,
              ErrorProneJavac.latestProcessorPath()));
    }
    return toolchains.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("toolchains")
  void appliesTheCertainFixesAndMarksEveryOtherFinding(
      String toolchain, Path javaHome, String processorPath, @TempDir Path work) throws Exception {
    Path tree = legacySuite(work);

    ErrorProneJavac.ForkedResult rollout = rollout(javaHome, processorPath, tree);

    assertWithMessage("rollout run:\n%s", rollout.output()).that(rollout.exitCode()).isEqualTo(0);
    String product = read(tree, PRODUCT_TEST);
    String shared = read(tree, SHARED_POOL_TEST);
    assertThat(product)
        .contains("private static final DataSource LOOKUP = SharedTestDataSource.get();");
    assertThat(product)
        .contains("try (Connection connection = SharedTestDataSource.get().getConnection()) {");
    assertThat(product).contains("product.setSlug(UniqueSlugs.of(\"starter-kit\"));");
    assertThat(shared).doesNotContain("((HikariDataSource) SHARED).close();");
    assertThat(product)
        .contains(
            "  // poolguard:rollout-debt HardcodedTestSlug\n"
                + "  @SuppressWarnings({\"unchecked\", \"HardcodedTestSlug\"})\n"
                + "  void copiesAProduct()");
    assertThat(product)
        .contains(
            "    // poolguard:rollout-debt PerTestDatabaseClient\n"
                + "    @SuppressWarnings(\"PerTestDatabaseClient\")\n"
                + "    HikariDataSource copy = new HikariDataSource(new HikariConfig());");
    assertThat(markersPerCheck(tree))
        .containsExactly(
            "PerTestDatabaseClient", 3, "HardcodedTestSlug", 3, "SharedPoolClosedInTest", 1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("toolchains")
  void aSecondRolloutChangesNothing(
      String toolchain, Path javaHome, String processorPath, @TempDir Path work) throws Exception {
    Path tree = legacySuite(work);
    rollout(javaHome, processorPath, tree);
    Map<Path, String> afterFirst = contents(tree);

    ErrorProneJavac.ForkedResult second = rollout(javaHome, processorPath, tree);

    assertWithMessage("second rollout run:\n%s", second.output())
        .that(second.exitCode())
        .isEqualTo(0);
    assertThat(contents(tree)).isEqualTo(afterFirst);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("toolchains")
  void theRolledOutSuitePassesAtError(
      String toolchain, Path javaHome, String processorPath, @TempDir Path work) throws Exception {
    Path tree = legacySuite(work);
    ErrorProneJavac.ForkedResult before = compile(javaHome, processorPath, tree);
    rollout(javaHome, processorPath, tree);

    ErrorProneJavac.ForkedResult after = compile(javaHome, processorPath, tree);

    assertThat(before.exitCode()).isNotEqualTo(0);
    assertThat(Diagnostics.of(before.output(), tree, CHECKS)).hasSize(11);
    assertWithMessage("javac output:\n%s", after.output()).that(after.exitCode()).isEqualTo(0);
    assertThat(Diagnostics.of(after.output(), tree, CHECKS)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("toolchains")
  void aNewViolationAfterTheRolloutFailsTheBuild(
      String toolchain, Path javaHome, String processorPath, @TempDir Path work) throws Exception {
    Path tree = legacySuite(work);
    rollout(javaHome, processorPath, tree);
    Path newTest = tree.resolve("src/test/java/com/acme/shop/CheckoutTest.java");
    Files.writeString(
        newTest,
        """
        package com.acme.shop;

        import java.sql.Connection;
        import java.sql.DriverManager;
        import org.junit.jupiter.api.Test;

        class CheckoutTest {
          @Test
          void checksOut() throws Exception {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost/test")) {
              c.isValid(1);
            }
          }
        }
        """,
        UTF_8);

    ErrorProneJavac.ForkedResult build = compile(javaHome, processorPath, tree);

    assertThat(build.exitCode()).isNotEqualTo(0);
    assertThat(Diagnostics.of(build.output(), tree, CHECKS))
        .containsExactly(
            "src/test/java/com/acme/shop/CheckoutTest.java:10: [PerTestDatabaseClient]");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("toolchains")
  void withoutTheFlagPatchModeLeavesTheUnfixableFindings(
      String toolchain, Path javaHome, String processorPath, @TempDir Path work) throws Exception {
    Path tree = legacySuite(work);
    ErrorProneJavac.forked(
        javaHome, processorPath, javaFiles(tree), patchArgs().toArray(String[]::new));

    ErrorProneJavac.ForkedResult build = compile(javaHome, processorPath, tree);

    assertThat(markersPerCheck(tree)).isEmpty();
    assertThat(build.exitCode()).isNotEqualTo(0);
    assertThat(Diagnostics.of(build.output(), tree, CHECKS)).hasSize(7);
  }

  private static ImmutableList<String> patchArgs() {
    return ImmutableList.of(
        "-XepPatchChecks:" + String.join(",", CHECKS), "-XepPatchLocation:IN_PLACE");
  }

  private static ErrorProneJavac.ForkedResult rollout(
      Path javaHome, String processorPath, Path tree) throws IOException {
    List<String> args =
        ImmutableList.<String>builder()
            .addAll(patchArgs())
            .add("-XepOpt:PoolGuard:Rollout=true")
            .build();
    return ErrorProneJavac.forked(
        javaHome, processorPath, javaFiles(tree), args.toArray(String[]::new));
  }

  private static ErrorProneJavac.ForkedResult compile(
      Path javaHome, String processorPath, Path tree) throws IOException {
    return ErrorProneJavac.forked(javaHome, processorPath, javaFiles(tree));
  }

  /** A writable copy of the fixture suite. */
  private static Path legacySuite(Path work) throws IOException {
    Path from = ErrorProneJavac.fixtureRoot("Rollout");
    Path to = work.resolve("suite");
    Patching.copyTree(from, to);
    return to;
  }

  private static List<Path> javaFiles(Path tree) throws IOException {
    try (Stream<Path> files = Files.walk(tree)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static String read(Path tree, String file) throws IOException {
    return Files.readString(tree.resolve(file), UTF_8);
  }

  private static Map<Path, String> contents(Path tree) throws IOException {
    Map<Path, String> contents = new TreeMap<>();
    for (Path file : javaFiles(tree)) {
      contents.put(tree.relativize(file), Files.readString(file, UTF_8));
    }
    return contents;
  }

  /** What the guide's grep counts: roll-out markers per check. */
  private static ImmutableMap<String, Integer> markersPerCheck(Path tree) throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    for (Path file : javaFiles(tree)) {
      Matcher m = MARKER.matcher(Files.readString(file, UTF_8));
      while (m.find()) {
        counts.merge(m.group(1), 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .collect(ImmutableMap.toImmutableMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
