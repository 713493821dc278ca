package dev.poolguard.bench.compile;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.poolguard.bench.common.BenchBuild;
import dev.poolguard.bench.common.Options;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The compile-overhead benchmark: generates the seeded corpus, then for each toolchain forks a JVM
 * of that JDK running {@link CompileWorker}, which compiles the corpus in interleaved pairs (Error
 * Prone's defaults alone vs. the same plus PoolGuard's four checks as WARN), and reports, side by
 * side from the one run: whole-compilation wall times and their ratio, and each check's own time as
 * measured by Error Prone ({@code ErrorProneTimings}, read by {@link TimingsPlugin}) as a share of
 * the wall time.
 *
 * <p>With {@code --compareWith=<checks jar or classes directory>} every round also compiles with
 * another build's checks in their place (same flags, same JVM, the order rotating), and the report
 * adds that build's share and this build's time over it per round: the way to see a change of a few
 * per cent, which separate runs hide under the machine's drift.
 *
 * <p>Run through {@code scripts/bench-checks}, which builds what it needs; the processor paths and
 * versions come from {@link BenchBuild}. Prints the Markdown tables and writes them to {@code
 * --out}. Never asserts a time: it reports ratios measured in one run.
 */
public final class CompileOverheadBenchmark {
  /** The checks this build's jar registers: a new check is measured without touching this class. */
  private static final List<String> CHECKS = checks();

  private static final String USAGE =
      "usage: CompileOverheadBenchmark [--classes=1000] [--seed=42] [--pairs=3] [--warmup=1]"
          + " [--toolchains=17,25] [--clean=false] [--out=dir] [--sources=dir:dir"
          + " --classpath=cp|@file] [--compareWith=checks jar or classes dir]";

  private CompileOverheadBenchmark() {}

  /** A toolchain: a JDK and the Error Prone processor path it runs. */
  record Toolchain(String label, Path javaHome, String processorPath) {}

  /** One compilation the worker reported. */
  record Run(
      int round,
      String config,
      long wallNanos,
      Map<String, Integer> findings,
      Map<String, Long> timings) {
    long epTotalNanos() {
      return timings.entrySet().stream()
          .filter(e -> !e.getKey().startsWith("#"))
          .mapToLong(Map.Entry::getValue)
          .sum();
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = Options.parse(USAGE, args);
    int classes = Integer.parseInt(opts.getOrDefault("classes", "1000"));
    long seed = Long.parseLong(opts.getOrDefault("seed", "42"));
    int pairs = Integer.parseInt(opts.getOrDefault("pairs", "3"));
    int warmup = Integer.parseInt(opts.getOrDefault("warmup", "1"));
    List<String> wanted = List.of(opts.getOrDefault("toolchains", "17,25").split(",", -1));
    Path out = Path.of(opts.getOrDefault("out", "target/bench")).toAbsolutePath();
    String compareWith = opts.getOrDefault("compareWith", "");

    boolean clean = Boolean.parseBoolean(opts.getOrDefault("clean", "false"));
    // A real project instead of the generated corpus: its source directories and test classpath.
    String realSources = opts.getOrDefault("sources", "");
    List<Path> sources;
    String classpath;
    String corpusLine;
    String commonFlags = "";
    if (realSources.isBlank()) {
      CorpusGenerator.Summary corpus =
          CorpusGenerator.generate(out.resolve("corpus"), classes, seed, !clean);
      sources = CorpusGenerator.javaFiles(corpus.root());
      classpath = CorpusGenerator.classpath();
      corpusLine =
          String.format(
              Locale.ROOT,
              "Corpus: %d test classes + %d support/application files (%d files, seed %d%s)",
              corpus.testClasses(),
              sources.size() - corpus.testClasses(),
              sources.size(),
              seed,
              clean ? ", no violations" : "");
    } else {
      sources = new ArrayList<>();
      for (String dir : realSources.split(File.pathSeparator, -1)) {
        sources.addAll(CorpusGenerator.javaFiles(Path.of(dir)));
      }
      classpath = realClasspath(opts.getOrDefault("classpath", ""));
      corpusLine =
          String.format(
              Locale.ROOT,
              "Corpus: %d files of %s",
              sources.size(),
              realSources.replace(File.pathSeparatorChar, ' '));
      // A real project's code may trip Error Prone's own ERROR checks; the benchmark measures,
      // it does not judge, so every finding is a warning and every file is analysed.
      commonFlags = "-XepAllErrorsAsWarnings";
    }
    Files.createDirectories(out);
    Path sourceList = out.resolve("sources.txt");
    Files.writeString(
        sourceList, sources.stream().map(Path::toString).collect(Collectors.joining("\n")), UTF_8);
    Path pluginDir = timingsPluginDir(out.resolve("timings-plugin"));

    Files.writeString(out.resolve("source.classpath"), classpath, UTF_8);

    List<Toolchain> toolchains = new ArrayList<>();
    if (wanted.contains("17")) {
      toolchains.add(
          new Toolchain(
              "JDK "
                  + Runtime.version().feature()
                  + " + Error Prone "
                  + BenchBuild.errorProneVersion(),
              Path.of(System.getProperty("java.home")),
              BenchBuild.processorPath()));
    }
    if (wanted.contains("25")) {
      toolchains.add(
          new Toolchain(
              "JDK 25 + Error Prone " + BenchBuild.latestErrorProneVersion(),
              BenchBuild.jdk25Home(),
              BenchBuild.latestProcessorPath()));
    }

    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "%s; %d warm-up + %d measured %s per toolchain, order %s.%n%n",
            corpusLine,
            warmup,
            pairs,
            compareWith.isEmpty() ? "pairs" : "rounds",
            compareWith.isEmpty()
                ? "alternating"
                : "rotating; compared with the checks of " + compareWith));
    for (Toolchain toolchain : toolchains) {
      List<Run> runs =
          runWorker(
              toolchain,
              pluginDir,
              compareWith,
              classpath,
              sourceList,
              out.resolve("work"),
              warmup + pairs,
              commonFlags);
      List<Run> measured =
          runs.stream().filter(r -> r.round() >= warmup).collect(Collectors.toList());
      writeRuns(out.resolve("runs-" + toolchain.javaHome().getFileName() + ".tsv"), runs);
      report.append(table(toolchain, measured));
      System.out.println(report);
    }
    Files.writeString(out.resolve("compile-overhead.md"), report, UTF_8);
    System.out.println("Written to " + out.resolve("compile-overhead.md"));
  }

  // ---------------------------------------------------------------- reporting

  static String table(Toolchain toolchain, List<Run> runs) {
    List<Run> base =
        runs.stream().filter(r -> r.config().equals("baseline")).collect(Collectors.toList());
    List<Run> with =
        runs.stream().filter(r -> r.config().equals("poolguard")).collect(Collectors.toList());
    List<Double> ratio = new ArrayList<>();
    for (int round :
        runs.stream().map(Run::round).distinct().sorted().collect(Collectors.toList())) {
      Run b = base.stream().filter(r -> r.round() == round).findFirst().orElseThrow();
      Run w = with.stream().filter(r -> r.round() == round).findFirst().orElseThrow();
      ratio.add(100.0 * (w.wallNanos() - b.wallNanos()) / b.wallNanos());
    }
    StringBuilder s = new StringBuilder();
    s.append("#### ").append(toolchain.label()).append("\n\n");
    s.append("| measure | median | min | max |\n|---|---:|---:|---:|\n");
    s.append(row("wall time, Error Prone defaults (s)", seconds(base, Run::wallNanos), "%.2f"));
    s.append(
        row("wall time, defaults + PoolGuard checks (s)", seconds(with, Run::wallNanos), "%.2f"));
    s.append(row("end-to-end difference per pair (%)", ratio, "%+.2f"));
    s.append(
        row(
            "all Error Prone checks, share of wall (%), defaults",
            share(base, Run::epTotalNanos), "%.2f"));
    for (String check : CHECKS) {
      s.append(
          row(
              check + ", share of wall (%)",
              share(with, r -> r.timings().getOrDefault(check, 0L)),
              "%.3f"));
    }
    s.append(
        row(
            "PoolGuard checks together, share of wall (%)",
            share(with, CompileOverheadBenchmark::checksNanos), "%.3f"));
    s.append(row("PoolGuard checks together (ms)", millis(with), "%.0f"));
    s.append(comparedRows(runs));
    s.append(errorProneForScale(base));
    Map<String, Integer> findings = with.isEmpty() ? Map.of() : with.get(0).findings();
    s.append("\nFindings with the checks on (WARN): ")
        .append(
            CHECKS.stream()
                .map(c -> c + " " + findings.getOrDefault(c, 0))
                .collect(Collectors.joining(", ")))
        .append(". Pairs measured: ")
        .append(ratio.size())
        .append(".\n\n");
    return s.toString();
  }

  /** The rows of the compared build, if the run had one: its share, and ours over it per round. */
  private static String comparedRows(List<Run> runs) {
    Map<Integer, Run> ours = new LinkedHashMap<>();
    Map<Integer, Run> theirs = new LinkedHashMap<>();
    for (Run r : runs) {
      if (r.config().equals("poolguard")) {
        ours.put(r.round(), r);
      } else if (r.config().equals("compared")) {
        theirs.put(r.round(), r);
      }
    }
    if (theirs.isEmpty()) {
      return "";
    }
    List<Double> ratio = new ArrayList<>();
    theirs.forEach(
        (round, compared) -> {
          Run r = ours.get(round);
          if (r != null) {
            ratio.add((double) checksNanos(r) / checksNanos(compared));
          }
        });
    List<Run> compared = new ArrayList<>(theirs.values());
    return row(
            "compared build's checks together, share of wall (%)",
            share(compared, CompileOverheadBenchmark::checksNanos), "%.3f")
        + row("compared build's checks together (ms)", millis(compared), "%.0f")
        + row("this build's checks' time / compared build's, per round", ratio, "%.3f");
  }

  /** Error Prone's own checks for scale: each check's median share over the baseline runs. */
  private static String errorProneForScale(List<Run> base) {
    if (base.isEmpty()) {
      return "";
    }
    Map<String, List<Double>> perCheck = new LinkedHashMap<>();
    for (Run r : base) {
      r.timings()
          .forEach(
              (check, nanos) -> {
                if (!check.startsWith("#")) {
                  perCheck
                      .computeIfAbsent(check, c -> new ArrayList<>())
                      .add(100.0 * nanos / r.wallNanos());
                }
              });
    }
    List<Double> medians =
        perCheck.values().stream()
            .map(v -> median(v.stream().sorted().collect(Collectors.toList())))
            .sorted()
            .collect(Collectors.toList());
    List<Map.Entry<String, Double>> top =
        perCheck.entrySet().stream()
            .map(
                e ->
                    Map.entry(
                        e.getKey(),
                        median(e.getValue().stream().sorted().collect(Collectors.toList()))))
            .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
            .limit(3)
            .collect(Collectors.toList());
    return String.format(
        Locale.ROOT,
        "| for scale: Error Prone's %d default checks, median check's share (%%) | %.3f | | |%n"
            + "| for scale: 90th-percentile check's share (%%) | %.3f | | |%n"
            + "| for scale: costliest default checks (%%) | %s | | |%n",
        medians.size(),
        median(medians),
        medians.get((int) Math.floor(0.9 * (medians.size() - 1))),
        top.stream()
            .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
            .collect(Collectors.joining(", ")));
  }

  static void writeRuns(Path file, List<Run> runs) throws IOException {
    StringBuilder s = new StringBuilder("round\tconfig\twall_ns\tcheck\tnanos\n");
    for (Run r : runs) {
      r.timings()
          .forEach(
              (check, nanos) ->
                  s.append(r.round())
                      .append('\t')
                      .append(r.config())
                      .append('\t')
                      .append(r.wallNanos())
                      .append('\t')
                      .append(check)
                      .append('\t')
                      .append(nanos)
                      .append('\n'));
    }
    Files.writeString(file, s, UTF_8);
  }

  private interface Measure {
    long of(Run r);
  }

  private static List<Double> seconds(List<Run> runs, Measure m) {
    return runs.stream().map(r -> m.of(r) / 1e9).collect(Collectors.toList());
  }

  private static List<Double> share(List<Run> runs, Measure m) {
    return runs.stream().map(r -> 100.0 * m.of(r) / r.wallNanos()).collect(Collectors.toList());
  }

  private static List<Double> millis(List<Run> runs) {
    return runs.stream().map(r -> checksNanos(r) / 1e6).collect(Collectors.toList());
  }

  /** The PoolGuard checks' own time in one compilation, as Error Prone measured it. */
  private static long checksNanos(Run r) {
    return CHECKS.stream().mapToLong(c -> r.timings().getOrDefault(c, 0L)).sum();
  }

  private static String row(String label, List<Double> values, String format) {
    if (values.isEmpty()) {
      return "| " + label + " | – | – | – |\n";
    }
    List<Double> sorted = values.stream().sorted().collect(Collectors.toList());
    return String.format(
        Locale.ROOT,
        "| %s | " + format + " | " + format + " | " + format + " |%n",
        label,
        median(sorted),
        sorted.get(0),
        sorted.get(sorted.size() - 1));
  }

  static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  // ---------------------------------------------------------------- the worker

  static List<Run> runWorker(
      Toolchain toolchain,
      Path pluginDir,
      String comparedChecks,
      String classpath,
      Path sourceList,
      Path work,
      int rounds,
      String commonFlags)
      throws IOException, InterruptedException {
    Files.createDirectories(work);
    List<String> command = new ArrayList<>();
    command.add(toolchain.javaHome().resolve("bin/java").toString());
    command.add("-Xmx2g");
    // For profiling, e.g. BENCH_WORKER_OPTS=-XX:StartFlightRecording=filename=w.jfr
    String extra = System.getenv().getOrDefault("BENCH_WORKER_OPTS", "").trim();
    if (!extra.isEmpty()) {
      command.addAll(Arrays.asList(extra.split("\\s+", -1)));
    }
    command.addAll(jdkCompilerExports());
    if (!comparedChecks.isEmpty()) {
      command.add(
          "-Dpoolguard.bench.comparedProcessorPath="
              + ProcessorPaths.withOtherChecks(toolchain.processorPath(), Path.of(comparedChecks))
              + File.pathSeparator
              + pluginDir);
    }
    command.add("-cp");
    // Only the worker's own classes: TimingsPlugin must load from the processor path, next to Error
    // Prone.
    command.add(
        classesDir(
                work.resolve("worker-classes"), "CompileWorker", "StandardJavac", "CorpusGenerator")
            .toString());
    command.add(CompileWorker.class.getName());
    command.add(toolchain.processorPath() + File.pathSeparator + pluginDir);
    command.add(classpath);
    command.add(sourceList.toString());
    command.add(work.toString());
    command.add(Integer.toString(rounds));
    command.add(String.join(",", CHECKS));
    command.add(
        (commonFlags
                + (recordsTimingsOnRequest(toolchain.processorPath()) ? " -XepRecordTimings" : ""))
            .trim());
    System.out.println("== " + toolchain.label() + ": " + rounds + " rounds");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<Run> runs = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        System.out.println("   " + (line.length() > 400 ? line.substring(0, 400) + "…" : line));
        if (line.startsWith("RUN\t")) {
          runs.add(parseRun(line));
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IllegalStateException(
          "benchmark worker failed (exit " + exit + ") for " + toolchain.label());
    }
    return runs;
  }

  /**
   * Error Prone up to 2.42 always fills {@code ErrorProneTimings}; later releases only with {@code
   * -XepRecordTimings} (which 2.42 rejects as an unknown flag).
   */
  static boolean recordsTimingsOnRequest(String processorPath) {
    Matcher m = Pattern.compile("error_prone_core-(\\d+)\\.(\\d+)").matcher(processorPath);
    if (!m.find()) {
      return false;
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    return major > 2 || (major == 2 && minor >= 43);
  }

  static Run parseRun(String line) {
    String[] f = line.split("\t", -1);
    Map<String, Integer> findings = new LinkedHashMap<>();
    String braces = f[5].replaceAll("[{}]", "").trim();
    if (!braces.isEmpty()) {
      for (String kv : braces.split(",\\s*", -1)) {
        String[] p = kv.split("=", -1);
        findings.put(p[0], Integer.parseInt(p[1]));
      }
    }
    Map<String, Long> timings = new LinkedHashMap<>();
    if (f.length > 6 && !f[6].isEmpty()) {
      for (String kv : f[6].split(",", -1)) {
        int eq = kv.lastIndexOf('=');
        timings.put(kv.substring(0, eq), Long.parseLong(kv.substring(eq + 1)));
      }
    }
    return new Run(Integer.parseInt(f[1]), f[2], Long.parseLong(f[3]), findings, timings);
  }

  static List<String> jdkCompilerExports() {
    List<String> flags =
        Stream.of(
                "api",
                "file",
                "main",
                "model",
                "parser",
                "processing",
                "tree",
                "util",
                "code",
                "comp")
            .map(p -> "--add-exports=jdk.compiler/com.sun.tools.javac." + p + "=ALL-UNNAMED")
            .collect(Collectors.toCollection(ArrayList::new));
    flags.add("--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED");
    flags.add("--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED");
    return flags;
  }

  /** A processor-path directory holding {@link TimingsPlugin} and its service entry. */
  static Path timingsPluginDir(Path dir) throws IOException {
    classesDir(dir, "TimingsPlugin");
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(
        services.resolve("com.sun.source.util.Plugin"),
        TimingsPlugin.class.getName() + "\n",
        UTF_8);
    return dir;
  }

  /**
   * A class directory holding this package's classes whose names start with one of {@code
   * prefixes}.
   */
  static Path classesDir(Path dir, String... prefixes) throws IOException {
    Path classes = codeSource(TimingsPlugin.class);
    String pkg = TimingsPlugin.class.getPackageName().replace('.', '/');
    Path target = dir.resolve(pkg);
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(classes.resolve(pkg))) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (Arrays.stream(prefixes)
            .anyMatch(p -> name.equals(p + ".class") || name.startsWith(p + "$"))) {
          Files.copy(f, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return dir;
  }

  static Path codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A path list, or {@code @file} naming a file that holds one (as Maven's build-classpath writes).
   */
  private static String realClasspath(String value) throws IOException {
    if (value.isBlank()) {
      throw new IllegalArgumentException(
          "--sources needs --classpath: the project's test classpath, a path list or @file");
    }
    return value.startsWith("@")
        ? Files.readString(Path.of(value.substring(1)), UTF_8).trim()
        : value;
  }

  private static List<String> checks() {
    try {
      return ProcessorPaths.checkNames(BenchBuild.processorPath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
