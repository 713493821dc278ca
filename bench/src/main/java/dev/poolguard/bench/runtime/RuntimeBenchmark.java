package dev.poolguard.bench.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.poolguard.bench.common.ConnectionChart;
import dev.poolguard.bench.common.ModeResult;
import dev.poolguard.bench.common.Options;
import dev.poolguard.bench.common.Ratios;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The runtime benchmark: one generated suite run in every {@link RuntimeMode}, side by side in one
 * run, against one PostgreSQL database with a connection limit, each mode in a fresh JVM ({@link
 * SuiteRun}) while the sampler counts the server's connections. Rounds interleave the modes, so a
 * burst of load from elsewhere on the machine hits all of them alike; a mode's figure is its median
 * round, its peak the highest of all rounds, its result the worst. Prints one line per mode and the
 * ratios, and draws the chart. Launched by {@code scripts/bench-runtime}, which documents the
 * options.
 */
public final class RuntimeBenchmark {
  private static final String USAGE =
      "usage: RuntimeBenchmark --server=jdbc:postgresql://host:port --admin=postgres --role=r --db=d"
          + " --work=dir --chart=file [--classes=30] [--tests=25] [--rounds=3] [--sleep=0.004]"
          + " [--limit=20] [--parallel=4] [--pool-size=3] [--smoke] [--hygiene] [--killer=millis]"
          + " [--per-class-url=jdbc --shared-url=jdbc --refusal=text --title=text]";

  /** How long one mode may take before it counts as hung. */
  private static final long MODE_TIMEOUT_MINUTES = 10;

  private RuntimeBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = Options.parse(USAGE, args);
    BenchDatabase db =
        new BenchDatabase(
            require(opts, "server"),
            require(opts, "admin"),
            require(opts, "role"),
            require(opts, "db"));
    int classes = Integer.parseInt(opts.getOrDefault("classes", "30"));
    int tests = Integer.parseInt(opts.getOrDefault("tests", "25"));
    boolean hygiene = opts.containsKey("hygiene");
    String killEvery = opts.get("killer");
    List<RuntimeMode> modes =
        killEvery != null ? RuntimeMode.KILLER : hygiene ? RuntimeMode.HYGIENE : RuntimeMode.ALL;
    int rounds = Integer.parseInt(opts.getOrDefault("rounds", hygiene ? "9" : "3"));
    int limit = Integer.parseInt(opts.getOrDefault("limit", "20"));
    int parallel = Integer.parseInt(opts.getOrDefault("parallel", "4"));
    int poolSize = Integer.parseInt(opts.getOrDefault("pool-size", "3"));
    Path work = Path.of(require(opts, "work")).toAbsolutePath();
    Path chart = Path.of(require(opts, "chart")).toAbsolutePath();
    String perClassUrl = opts.getOrDefault("per-class-url", db.url());
    String sharedUrl = opts.getOrDefault("shared-url", db.url() + "?user=" + db.role());
    String refusal = opts.getOrDefault("refusal", "too many connections");
    String title =
        opts.getOrDefault(
            "title",
            String.format(
                Locale.ROOT,
                "Server connections per mode: %d classes x %d tests, database CONNECTION LIMIT %d",
                classes,
                tests,
                limit));

    log("database " + db.name() + ", CONNECTION LIMIT " + limit + ", role " + db.role());
    db.recreate(limit);
    log("generating and compiling " + classes + " classes x " + tests + " tests in " + work);
    Path suite = SuiteGenerator.generateAndCompile(work, classes, tests);

    List<String> jvm = new ArrayList<>();
    jvm.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    jvm.add("-cp");
    jvm.add(suite + File.pathSeparator + System.getProperty("java.class.path"));
    jvm.add("-Dbench.adminUrl=" + db.adminUrl());
    jvm.add("-Dbench.db=" + db.name());
    jvm.add("-D" + SuiteSettings.SLEEP_SECONDS + "=" + opts.getOrDefault("sleep", "0.004"));
    jvm.add("-D" + SuiteSettings.LIGHT + "=" + hygiene);
    if (killEvery != null) {
      jvm.add("-D" + SuiteSettings.KILL_EVERY_MILLIS + "=" + killEvery);
    }
    jvm.add("-D" + SuiteSettings.JDBC_URL + "=" + perClassUrl);
    jvm.add("-D" + SuiteSettings.USER + "=" + db.role());
    jvm.add("-Dpoolguard.url=" + sharedUrl);
    jvm.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    // HikariCP's pool fillers retry quietly; at debug they log every connection the server refused.
    jvm.add("-Dorg.slf4j.simpleLogger.log.com.zaxxer.hikari.pool.HikariPool=debug");

    Map<RuntimeMode, List<ModeResult>> byMode = new LinkedHashMap<>();
    Map<RuntimeMode, List<String>> perBorrow = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      log(
          "round "
              + round
              + " of "
              + rounds
              + " (stderr of each JVM in "
              + work
              + "/<mode>.r"
              + round
              + ".log)");
      for (RuntimeMode mode : inRoundOrder(modes, round)) {
        ModeResult result = runMode(jvm, mode, parallel, round, work, refusal);
        Path line = work.resolve(mode.name() + ".r" + round + ".line");
        String transactions =
            transactionsPerBorrow(line)
                + sessionsEnded(line, work.resolve(mode.name() + ".r" + round + ".log"));
        log("round " + round + ": " + result + " " + transactions);
        byMode.computeIfAbsent(mode, m -> new ArrayList<>()).add(result);
        perBorrow.computeIfAbsent(mode, m -> new ArrayList<>()).add(transactions);
        db.awaitDrained();
      }
    }

    List<ModeResult> figures = new ArrayList<>();
    StringBuilder report = new StringBuilder();
    for (Map.Entry<RuntimeMode, List<ModeResult>> e : byMode.entrySet()) {
      ModeResult figure = summarize(e.getValue());
      int median = e.getValue().indexOf(median(e.getValue()));
      Files.copy(
          work.resolve(e.getKey().name() + ".r" + (median + 1) + ".csv"),
          work.resolve("samples-" + e.getKey().name() + ".csv"),
          StandardCopyOption.REPLACE_EXISTING);
      figures.add(figure);
      report
          .append(figure)
          .append(' ')
          .append(perBorrow.getOrDefault(e.getKey(), List.of()).get(median))
          .append('\n');
    }
    report.append(Ratios.over(modes.get(0).name(), figures)).append('\n');
    System.out.print(report);
    Files.writeString(work.resolve("results.txt"), report, UTF_8);
    Files.createDirectories(chart.toAbsolutePath().getParent());
    ConnectionChart.draw(figures, work, chart, limit, poolSize, title);
    log("chart: " + chart);

    if (opts.containsKey("smoke")) {
      List<String> failedShared =
          figures.stream()
              .filter(f -> modeNamed(f.mode()).pool() == PoolStyle.SHARED && !f.passed())
              .map(ModeResult::mode)
              .toList();
      if (!failedShared.isEmpty()) {
        System.err.println(
            "bench-runtime --smoke: shared-pool modes did not pass: " + failedShared);
        System.exit(1);
      }
    }
  }

  /**
   * The modes in the order round {@code round} runs them: as listed in odd rounds, reversed in even
   * ones, so that neither the database's growth nor the machine's drift within a round always
   * favours the same mode.
   */
  private static List<RuntimeMode> inRoundOrder(List<RuntimeMode> modes, int round) {
    if (round % 2 == 1) {
      return modes;
    }
    List<RuntimeMode> reversed = new ArrayList<>(modes);
    Collections.reverse(reversed);
    return reversed;
  }

  private static ModeResult runMode(
      List<String> jvm, RuntimeMode mode, int parallel, int round, Path work, String refusal)
      throws IOException, InterruptedException {
    String run = mode.name() + ".r" + round;
    List<String> command = new ArrayList<>(jvm);
    command.add(1, "-D" + SuiteSettings.POOL + "=" + mode.pool().name());
    command.add(SuiteRun.class.getName());
    command.add(mode.name());
    command.add(Integer.toString(mode.parallelism(parallel)));
    command.add(work.resolve(run + ".csv").toString());
    Path line = work.resolve(run + ".line");
    Path log = work.resolve(run + ".log");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(line.toFile())
            .redirectError(log.toFile())
            .start();
    if (!process.waitFor(MODE_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
      return new ModeResult(
          mode.name(),
          0,
          0,
          "failed: no result within " + MODE_TIMEOUT_MINUTES + " minutes (see " + log + ")");
    }
    String output = Files.readString(line, UTF_8);
    ModeResult result =
        ModeResult.parse(output.lines().reduce((first, last) -> last).orElse(""))
            .orElseGet(
                () ->
                    new ModeResult(
                        mode.name(),
                        0,
                        0,
                        "failed: the mode's JVM exited "
                            + process.exitValue()
                            + " (see "
                            + log
                            + ")"));
    long refused =
        Pattern.compile(Pattern.quote(refusal))
            .matcher(Files.readString(log, UTF_8))
            .results()
            .count();
    if (refused > 0 && result.result().equals("passed")) {
      return new ModeResult(
          result.mode(),
          result.seconds(),
          result.peak(),
          "passed, at the edge: "
              + refused
              + " connection attempts refused (FATAL: "
              + refusal
              + ")");
    }
    return result;
  }

  /**
   * {@code transactions-per-borrow=2.01}: the server's count over the tests' borrows, from the line
   * the mode's JVM printed before its result.
   */
  private static String transactionsPerBorrow(Path line) throws IOException {
    Matcher m =
        Pattern.compile("transactions=(\\d+) borrows=(\\d+)")
            .matcher(Files.exists(line) ? Files.readString(line, UTF_8) : "");
    if (!m.find() || Long.parseLong(m.group(2)) == 0) {
      return "transactions-per-borrow=unknown";
    }
    return String.format(
        Locale.ROOT,
        "transactions-per-borrow=%.2f",
        Long.parseLong(m.group(1)) / (double) Long.parseLong(m.group(2)));
  }

  /**
   * What the session killer ended ({@code --killer}) and the borrows PoolGuard moved to a live
   * connection (its log lines), or nothing.
   */
  private static String sessionsEnded(Path line, Path log) throws IOException {
    Matcher m =
        Pattern.compile("sessions (ended=.*)")
            .matcher(Files.exists(line) ? Files.readString(line, UTF_8) : "");
    if (!m.find()) {
      return "";
    }
    long moved =
        Pattern.compile("held between two statements")
            .matcher(Files.exists(log) ? Files.readString(log, UTF_8) : "")
            .results()
            .count();
    return " " + m.group(1) + " moved=" + moved;
  }

  /** The median round's time, the highest peak of all rounds, the worst result. */
  private static ModeResult summarize(List<ModeResult> rounds) {
    ModeResult median = median(rounds);
    int peak = rounds.stream().mapToInt(ModeResult::peak).max().orElse(0);
    String worst =
        rounds.stream()
            .filter(r -> !r.passed())
            .findFirst()
            .or(
                () ->
                    rounds.stream()
                        .filter(r -> r.result().startsWith("passed, at the edge"))
                        .findFirst())
            .orElse(rounds.get(0))
            .result();
    return new ModeResult(median.mode(), median.seconds(), peak, worst);
  }

  private static ModeResult median(List<ModeResult> rounds) {
    List<ModeResult> sorted =
        rounds.stream().sorted(Comparator.comparingDouble(ModeResult::seconds)).toList();
    return sorted.get((sorted.size() - 1) / 2);
  }

  private static RuntimeMode modeNamed(String name) {
    return Stream.of(RuntimeMode.ALL, RuntimeMode.HYGIENE, RuntimeMode.KILLER)
        .flatMap(List::stream)
        .filter(m -> m.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no mode " + name));
  }

  private static String require(Map<String, String> opts, String key) {
    String value = opts.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing --" + key + "=...; " + USAGE);
    }
    return value;
  }

  private static void log(String message) {
    System.err.println("[bench-runtime] " + message);
  }
}
