package dev.poolguard.bench.spring;

import dev.poolguard.bench.common.ConnectionSampler;
import dev.poolguard.bench.common.ModeResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one mode of the Spring benchmark: the example suite's {@code mvn surefire:test} in the
 * mode's project copy, while the sampler counts the database's server connections. Its result names
 * the tests run, the contexts Spring built and how often the role's password appeared in the output
 * (it must never); the samples go to {@code samples-<mode>.csv} for the chart.
 */
final class SpringModeRun {
  private static final Pattern TOTALS =
      Pattern.compile("Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+), Skipped: (\\d+)$");
  private static final Pattern CONTEXT_STARTED = Pattern.compile("Started \\w+ in [0-9.]+ seconds");

  private final String adminUrl;
  private final String database;
  private final String password;

  SpringModeRun(String adminUrl, String database, String password) {
    this.adminUrl = adminUrl;
    this.database = database;
    this.password = password;
  }

  ModeResult run(SpringMode mode, Path work, List<String> maven)
      throws IOException, InterruptedException {
    Path logFile = work.resolve(mode.name() + ".log");
    ConnectionSampler sampler =
        ConnectionSampler.start(adminUrl, ConnectionSampler.Scope.DATABASE, database);
    long start = System.nanoTime();
    sampler.record(start);
    ProcessBuilder builder =
        new ProcessBuilder(maven)
            .directory(work.resolve(mode.project()).toFile())
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile());
    builder.environment().putAll(mode.environment());
    int exit = builder.start().waitFor();
    long elapsed = System.nanoTime() - start;
    sampler.stop();
    sampler.write(work.resolve("samples-" + mode.name() + ".csv"));

    String log = Files.readString(logFile, StandardCharsets.UTF_8);
    int run = 0;
    int failed = 0;
    for (String line : log.lines().toList()) {
      Matcher totals = TOTALS.matcher(line.strip());
      if (totals.find()) {
        // The last summary line is Surefire's total for the module.
        run = Integer.parseInt(totals.group(1));
        failed = Integer.parseInt(totals.group(2)) + Integer.parseInt(totals.group(3));
      }
    }
    String result =
        exit == 0 && failed == 0 && run > 0
            ? "passed (" + run + " tests)"
            : "failed: " + failed + " of " + run + " tests (mvn exit " + exit + ")";
    return new ModeResult(
        mode.name(),
        elapsed / 1e9,
        sampler.peak(),
        result
            + "; contexts built "
            + count(CONTEXT_STARTED, log)
            + "; password in output "
            + count(Pattern.compile(Pattern.quote(password)), log)
            + " times");
  }

  private static int count(Pattern pattern, String text) {
    return (int) pattern.matcher(text).results().count();
  }
}
