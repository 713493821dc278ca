package bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one mode of the Spring benchmark: the example suite's {@code mvn surefire:test} in a project
 * copy, while {@link BenchMain.Sampler} (the runtime benchmark's pg_stat_activity sampler) counts the
 * database's server connections. Prints {@code mode=<m> seconds=<s> peak=<n> result=<...>} with the
 * contexts Spring built and whether the password appeared in the output, and writes the samples.
 *
 * <p>Arguments: mode, project directory, samples file, log file, password to look for, then the Maven
 * command. System properties: bench.adminUrl, bench.db.
 */
public final class SpringBenchMain {
  private static final Pattern TOTALS =
      Pattern.compile("Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+), Skipped: (\\d+)$");
  private static final Pattern CONTEXT_STARTED = Pattern.compile("Started \\w+ in [0-9.]+ seconds");

  private SpringBenchMain() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path project = Path.of(args[1]);
    Path samplesFile = Path.of(args[2]);
    Path logFile = Path.of(args[3]);
    String password = args[4];
    List<String> command = new ArrayList<>(List.of(args).subList(5, args.length));

    BenchMain.Sampler sampler =
        new BenchMain.Sampler(System.getProperty("bench.adminUrl"), System.getProperty("bench.db"));
    Thread samplerThread = new Thread(sampler, "pg_stat_activity-sampler");
    samplerThread.setDaemon(true);
    samplerThread.start();
    sampler.awaitFirst();

    long start = System.nanoTime();
    sampler.start(start);
    Process maven =
        new ProcessBuilder(command)
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile())
            .start();
    int exit = maven.waitFor();
    long elapsed = System.nanoTime() - start;
    sampler.stop();
    samplerThread.join(2_000);

    String log = Files.readString(logFile, StandardCharsets.UTF_8);
    int run = 0, failed = 0;
    for (String line : log.split("\n")) {
      Matcher totals = TOTALS.matcher(line.strip());
      if (totals.find()) {
        // The last summary line is Surefire's total for the module.
        run = Integer.parseInt(totals.group(1));
        failed = Integer.parseInt(totals.group(2)) + Integer.parseInt(totals.group(3));
      }
    }
    int contexts = count(CONTEXT_STARTED, log);
    int passwordSeen = count(Pattern.compile(Pattern.quote(password)), log);
    String result =
        exit == 0 && failed == 0 && run > 0
            ? "passed (" + run + " tests)"
            : "failed: " + failed + " of " + run + " tests (mvn exit " + exit + ")";
    System.out.printf(
        Locale.ROOT,
        "mode=%s seconds=%.2f peak=%d result=%s; contexts built %d; password in output %d times%n",
        mode,
        elapsed / 1e9,
        sampler.peak(),
        result,
        contexts,
        passwordSeen);
    sampler.write(samplesFile);
  }

  private static int count(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    int found = 0;
    while (matcher.find()) {
      found++;
    }
    return found;
  }
}
