package dev.poolguard.bench.compile;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * Runs inside the JVM of the toolchain under test (JDK 17 or JDK 25) and compiles one source tree
 * repeatedly through that JDK's {@code javax.tools} javac, with Error Prone on the processor path:
 * interleaved pairs of whole compilations, "baseline" (Error Prone's defaults, PoolGuard's checks
 * OFF) and "poolguard" (the same plus the four checks as WARN), alternating which goes first. With
 * {@code -Dpoolguard.bench.comparedProcessorPath=<path>} a third configuration, "compared", runs
 * the checks of another build (that processor path) with the same flags in every round, the order
 * rotating so that each configuration takes each place equally often: two builds' checks measured
 * side by side under the same drift. Uses only the JDK: its class path is a directory holding this
 * class and the two it uses, nothing else.
 *
 * <p>Prints one line per compilation: {@code RUN\t<round>\t<config>\t<wall ns>\t<errors>\t<warnings
 * by check>\t<Error Prone timings: check=ns,...>}. Rounds below {@code warmup} are warm-up.
 *
 * <p>{@code CompileWorker <processorPath> <classpath> <sourceListFile> <workDir> <rounds>
 * <checks,...> [<Error Prone flags for both>]}
 */
public final class CompileWorker {

  private CompileWorker() {}

  public static void main(String[] args) throws IOException {
    String processorPath = args[0];
    String classpath = args[1];
    List<Path> sources =
        Files.readAllLines(Path.of(args[2]), UTF_8).stream().map(Path::of).toList();
    Path work = Path.of(args[3]);
    int rounds = Integer.parseInt(args[4]);
    List<String> checks = List.of(args[5].split(",", -1));
    // Flags both configurations get, e.g. -XepRecordTimings on Error Prone 2.43 and later.
    String common = args.length > 6 ? args[6].trim() : "";

    StringBuilder off = new StringBuilder();
    StringBuilder warn = new StringBuilder();
    for (String check : checks) {
      off.append(" -Xep:").append(check).append(":OFF");
      warn.append(" -Xep:").append(check).append(":WARN");
    }
    Map<String, String> configs = new LinkedHashMap<>();
    configs.put("baseline", (common + off).trim());
    configs.put("poolguard", (common + warn).trim());
    String comparedPath = System.getProperty("poolguard.bench.comparedProcessorPath", "");
    if (!comparedPath.isEmpty()) {
      configs.put("compared", (common + warn).trim());
    }
    List<String> order = new ArrayList<>(configs.keySet());

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    System.out.println(
        "JVM\t" + System.getProperty("java.version") + "\t" + System.getProperty("java.home"));
    for (int round = 0; round < rounds; round++) {
      // Each round starts one place later: with two configurations, they alternate.
      Collections.rotate(order, 1);
      for (String config : order) {
        Result r =
            compile(
                javac,
                config.equals("compared") ? comparedPath : processorPath,
                classpath,
                sources,
                work,
                requireNonNull(configs.get(config)));
        System.out.println(
            "RUN\t"
                + round
                + "\t"
                + config
                + "\t"
                + r.wallNanos
                + "\t"
                + r.errors
                + "\t"
                + r.warningsByCheck
                + "\t"
                + r.timings);
        System.out.flush();
        if (r.errors > 0) {
          System.out.println("ERRORS\t" + r.firstErrors);
          System.exit(2);
        }
      }
    }
  }

  private record Result(
      long wallNanos,
      int errors,
      Map<String, Integer> warningsByCheck,
      String timings,
      String firstErrors) {}

  private static Result compile(
      JavaCompiler javac,
      String processorPath,
      String classpath,
      List<Path> sources,
      Path work,
      String errorProneArgs)
      throws IOException {
    Path classes = work.resolve("classes");
    CorpusGenerator.deleteRecursively(classes);
    Files.createDirectories(classes);
    Path timingsFile = work.resolve("timings.tsv");
    Files.deleteIfExists(timingsFile);
    List<String> options =
        List.of(
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            "--release",
            "17",
            "-encoding",
            "UTF-8",
            "-implicit:none",
            "-Xmaxwarns",
            "100000",
            "-processorpath",
            processorPath,
            "-classpath",
            classpath,
            "-d",
            classes.toString(),
            "-Xplugin:ErrorProne " + errorProneArgs,
            "-Xplugin:" + TimingsPlugin.NAME + " " + timingsFile);
    StandardJavac.Run run = StandardJavac.compile(javac, options, sources);
    int errors = 0;
    StringBuilder firstErrors = new StringBuilder();
    Map<String, Integer> byCheck = new LinkedHashMap<>();
    for (Diagnostic<? extends JavaFileObject> d : run.diagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors++;
        if (errors <= 5) {
          firstErrors
              .append(d.getSource() == null ? "" : d.getSource().getName())
              .append(':')
              .append(d.getLineNumber())
              .append(' ')
              .append(message.replace('\n', ' '))
              .append(" | ");
        }
      } else if (d.getKind() == Diagnostic.Kind.WARNING) {
        StandardJavac.checkName(message).ifPresent(check -> byCheck.merge(check, 1, Integer::sum));
      }
    }
    String timings =
        Files.exists(timingsFile)
            ? String.join(",", Files.readAllLines(timingsFile, UTF_8)).replace('\t', '=')
            : "";
    return new Result(run.wallNanos(), errors, byCheck, timings, firstErrors.toString());
  }
}
