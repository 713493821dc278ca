package dev.poolguard.bench.compile;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.poolguard.bench.common.Options;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles a real project's sources with Error Prone and the four PoolGuard checks at ERROR (Error
 * Prone's own checks off) and reports files compiled, javac errors, findings per check and plugin
 * crashes. Error Prone keeps analysing every file after a finding of its own (it stops only on
 * javac's errors), so one run collects every finding; {@code -XepAllErrorsAsWarnings} is passed as
 * well, though it leaves severities set explicitly with {@code -Xep:} alone.
 *
 * <p>Uses only the JDK, so it runs on whichever JDK is to be tested; see {@code
 * scripts/run-corpus}.
 *
 * <pre>
 * java --add-exports=... -cp bench/target/classes:... dev.poolguard.bench.compile.CorpusRunner \
 *     --name=mybatis --processorpath=@checks-test/processor-path/target/processor.classpath \
 *     --classpath=@mybatis.classpath --src=/path/src/main/java:/path/src/test/java [--release=17] \
 *     [--proc=none|full] [--out=bench/target/corpora]
 * </pre>
 *
 * A corpus that needs annotation processors passes {@code --proc=full} and appends them to the
 * processor path. Error Prone analyses nothing once javac reports an error, so a valid run has 0
 * javac errors. Exit status: 0 when there was no crash, 3 when Error Prone reported an exception
 * thrown by a check.
 */
public final class CorpusRunner {
  static final String CRASH =
      "An unhandled exception was thrown by the Error Prone static analysis plugin";

  private static final String USAGE =
      "usage: CorpusRunner --processorpath=<path list|@file> --src=<dir:dir> [--name=corpus]"
          + " [--classpath=<path list|@file>] [--release=17] [--proc=none|full]"
          + " [--extra-processorpath=<path list>] [--out=target/corpora]";

  private CorpusRunner() {}

  /** What one corpus compilation found. */
  record Report(
      String name,
      int files,
      int javacErrors,
      Map<String, List<String>> findings,
      List<String> crashes,
      List<String> firstErrors,
      long wallMillis,
      List<String> checks) {
    String summary() {
      return String.format(
          Locale.ROOT,
          "%s: %d files, %d javac errors, findings %s, crashes %d, %.1f s",
          name,
          files,
          javacErrors,
          checks.stream()
              .map(c -> c + "=" + findings.getOrDefault(c, List.of()).size())
              .collect(Collectors.joining(" ")),
          crashes.size(),
          wallMillis / 1000.0);
    }
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> opts = Options.parse(USAGE, args);
    String name = opts.getOrDefault("name", "corpus");
    String extra = opts.getOrDefault("extra-processorpath", "");
    String processorPath =
        valueOrFile(require(opts, "processorpath"))
            + (extra.isBlank() ? "" : File.pathSeparator + extra);
    String classpath = valueOrFile(opts.getOrDefault("classpath", ""));
    List<Path> roots =
        Stream.of(require(opts, "src").split(File.pathSeparator, -1))
            .map(Path::of)
            .collect(Collectors.toList());
    Path out = Path.of(opts.getOrDefault("out", "target/corpora")).resolve(name);
    Report report =
        run(
            name,
            processorPath,
            classpath,
            roots,
            opts.getOrDefault("release", "17"),
            opts.getOrDefault("proc", "none"),
            out);
    System.out.println(report.summary());
    report.firstErrors().forEach(e -> System.out.println("  javac error: " + e));
    report.crashes().forEach(c -> System.out.println("  CRASH: " + c));
    System.out.println("Findings listed in " + out.resolve("findings.txt"));
    System.exit(report.crashes().isEmpty() ? 0 : 3);
  }

  static Report run(
      String name,
      String processorPath,
      String classpath,
      List<Path> roots,
      String release,
      String proc,
      Path out)
      throws IOException {
    List<Path> sources = new ArrayList<>();
    for (Path root : roots) {
      // Compiled on the class path: module descriptors stay out.
      CorpusGenerator.javaFiles(root).stream()
          .filter(p -> !p.getFileName().toString().equals("module-info.java"))
          .forEach(sources::add);
    }
    Path classes = out.resolve("classes");
    CorpusGenerator.deleteRecursively(classes);
    Files.createDirectories(classes);
    List<String> checks = ProcessorPaths.checkNames(processorPath);
    StringBuilder errorProne =
        new StringBuilder("-Xplugin:ErrorProne -XepDisableAllChecks -XepAllErrorsAsWarnings");
    checks.forEach(c -> errorProne.append(" -Xep:").append(c).append(":ERROR"));
    List<String> options =
        List.of(
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            "--release",
            release,
            "-encoding",
            "UTF-8",
            "-proc:" + proc,
            "-implicit:none",
            "-parameters",
            "-Xmaxerrs",
            "100000",
            "-Xmaxwarns",
            "100000",
            "-processorpath",
            processorPath,
            "-classpath",
            classpath,
            "-d",
            classes.toString(),
            errorProne.toString());
    StandardJavac.Run run =
        StandardJavac.compile(ToolProvider.getSystemJavaCompiler(), options, sources);
    long wall = run.wallNanos() / 1_000_000;

    Map<String, List<String>> findings = new TreeMap<>();
    List<String> crashes = new ArrayList<>();
    List<String> firstErrors = new ArrayList<>();
    int errors = 0;
    for (Diagnostic<? extends JavaFileObject> d : run.diagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      String where =
          (d.getSource() == null ? "?" : relative(roots, Path.of(d.getSource().toUri())))
              + ":"
              + d.getLineNumber();
      if (message.contains(CRASH)) {
        crashes.add(where + " " + message.lines().limit(12).collect(Collectors.joining(" | ")));
        continue;
      }
      String check = StandardJavac.checkName(message).filter(checks::contains).orElse(null);
      if (check != null) {
        findings
            .computeIfAbsent(check, k -> new ArrayList<>())
            .add(where + " " + message.lines().findFirst().orElse(""));
      } else if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors++;
        if (firstErrors.size() < 10) {
          firstErrors.add(where + " " + message.lines().findFirst().orElse(""));
        }
      }
    }
    Report report =
        new Report(name, sources.size(), errors, findings, crashes, firstErrors, wall, checks);
    StringBuilder text = new StringBuilder(report.summary()).append("\n\n");
    findings.forEach(
        (check, list) -> {
          text.append("## ").append(check).append(" (").append(list.size()).append(")\n");
          list.forEach(f -> text.append(f).append('\n'));
          text.append('\n');
        });
    crashes.forEach(c -> text.append("CRASH ").append(c).append('\n'));
    firstErrors.forEach(e -> text.append("javac error ").append(e).append('\n'));
    Files.writeString(out.resolve("findings.txt"), text, UTF_8);
    return report;
  }

  private static String relative(List<Path> roots, Path file) {
    for (Path root : roots) {
      Path absolute = root.toAbsolutePath().normalize();
      Path parent = absolute.getParent();
      if (file.startsWith(absolute) && parent != null) {
        return parent.relativize(file).toString();
      }
    }
    return file.toString();
  }

  /**
   * {@code @file} reads a path-list file (whitespace and newlines trimmed); anything else is the
   * value.
   */
  static String valueOrFile(String value) throws IOException {
    if (value.startsWith("@")) {
      return Files.readString(Path.of(value.substring(1)), UTF_8).trim();
    }
    return value;
  }

  private static String require(Map<String, String> opts, String key) {
    String value = opts.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing --" + key + "=...");
    }
    return value;
  }
}
