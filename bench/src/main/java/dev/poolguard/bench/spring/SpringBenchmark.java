package dev.poolguard.bench.spring;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.poolguard.bench.common.ConnectionChart;
import dev.poolguard.bench.common.ModeResult;
import dev.poolguard.bench.common.Options;
import dev.poolguard.bench.common.Ratios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Spring benchmark: the example Spring suite run in every {@link SpringMode}, one after the
 * other in one run, each timed around its own {@code mvn surefire:test} while the sampler counts
 * the database's server connections ({@link SpringModeRun}). Prints one line per mode, a Markdown
 * table and the ratios, and draws the chart. Launched by {@code scripts/bench-spring}, which
 * prepares the project copies in the work directory.
 */
public final class SpringBenchmark {
  private static final String USAGE =
      "usage: SpringBenchmark --admin-url=jdbc --db=spring_app --limit=5 --password=secret --work=dir"
          + " --chart=file [--maven-args='-o -Dmaven.repo.local=...'] [--tests=Pattern]";

  private SpringBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = Options.parse(USAGE, args);
    Path work = Path.of(require(opts, "work")).toAbsolutePath();
    int limit = Integer.parseInt(require(opts, "limit"));
    List<String> maven = new ArrayList<>(List.of("mvn", "-B", "surefire:test"));
    maven.add("-Dlibrary.admin.url=" + require(opts, "admin-url"));
    String extra = opts.getOrDefault("maven-args", "").strip();
    if (!extra.isEmpty()) {
      maven.addAll(List.of(extra.split("\\s+", -1)));
    }
    String tests = opts.getOrDefault("tests", "");
    if (!tests.isBlank()) {
      maven.add("-Dtest=" + tests);
    }
    SpringModeRun run =
        new SpringModeRun(
            require(opts, "admin-url"), require(opts, "db"), require(opts, "password"));

    List<ModeResult> figures = new ArrayList<>();
    for (SpringMode mode : SpringMode.ALL) {
      System.err.println(
          "[bench-spring] mode "
              + mode.name()
              + " (Maven output in "
              + work
              + "/"
              + mode.name()
              + ".log)");
      ModeResult result = run.run(mode, work, maven);
      System.out.println(result);
      figures.add(result);
    }
    String reference = SpringMode.ALL.get(SpringMode.ALL.size() - 1).name();
    String report = table(figures, reference) + "\n" + Ratios.over(reference, figures) + "\n";
    System.out.print(report);
    Files.writeString(work.resolve("results.md"), report, UTF_8);
    Path chart = Path.of(require(opts, "chart")).toAbsolutePath();
    Files.createDirectories(chart.getParent());
    ConnectionChart.draw(
        figures,
        work,
        chart,
        limit,
        3,
        "Server connections: examples/spring-app, role CONNECTION LIMIT " + limit);
    System.err.println("[bench-spring] chart: " + chart);
    if (opts.containsKey("smoke") && !figures.get(figures.size() - 1).passed()) {
      System.err.println("bench-spring --smoke: the poolguard mode did not pass");
      System.exit(1);
    }
  }

  /** The figures as the Markdown table docs/benchmarks.md shows. */
  static String table(List<ModeResult> figures, String reference) {
    double base =
        figures.stream()
            .filter(f -> f.mode().equals(reference))
            .findFirst()
            .orElseThrow()
            .seconds();
    StringBuilder table =
        new StringBuilder(
            "| mode | result | server peak | wall time | wall time / "
                + reference
                + " |\n|---|---|---|---|---|\n");
    for (ModeResult f : figures) {
      table.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %.2f s | %.2f |%n",
              f.mode(),
              f.result(),
              f.peak(),
              f.seconds(),
              f.seconds() / base));
    }
    return table.toString();
  }

  private static String require(Map<String, String> opts, String key) {
    String value = opts.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing --" + key + "=...; " + USAGE);
    }
    return value;
  }
}
