package dev.poolguard.runtime.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test classpath in a fresh JVM, as a second Surefire fork would. */
public final class ChildJvm {
  private ChildJvm() {}

  /** Starts it without waiting, stdout and stderr together into {@code output}. */
  static Process start(
      Class<?> mainClass,
      Map<String, String> environment,
      List<String> systemProperties,
      Path output,
      String... args)
      throws IOException {
    return start(
        mainClass,
        System.getProperty("java.class.path"),
        environment,
        systemProperties,
        output,
        args);
  }

  private static Process start(
      Class<?> mainClass,
      String classpath,
      Map<String, String> environment,
      List<String> systemProperties,
      Path output,
      String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(systemProperties);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder
        .environment()
        .keySet()
        .removeAll(List.of("POOLGUARD_URL", "DATABASE_URL_TEST", "DATABASE_URL", RunId.VARIABLE));
    builder.environment().putAll(environment);
    return builder.start();
  }

  /**
   * Returns stdout and stderr together; fails if the process does not end within a minute or exits
   * non-zero.
   */
  public static String run(
      Class<?> mainClass,
      Map<String, String> environment,
      List<String> systemProperties,
      String... args)
      throws IOException, InterruptedException {
    return runWithClasspath(
        mainClass, System.getProperty("java.class.path"), environment, systemProperties, args);
  }

  /** As {@link #run}, with a class path of its own (e.g. without the JUnit Platform). */
  public static String runWithClasspath(
      Class<?> mainClass,
      String classpath,
      Map<String, String> environment,
      List<String> systemProperties,
      String... args)
      throws IOException, InterruptedException {
    Path output = Files.createTempFile("poolguard-child", ".log");
    Process process = start(mainClass, classpath, environment, systemProperties, output, args);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError(
            "child JVM " + mainClass.getName() + " did not finish within 60 s");
      }
    } finally {
      process.destroyForcibly();
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    Files.delete(output);
    if (process.exitValue() != 0) {
      throw new AssertionError(
          "child JVM "
              + mainClass.getName()
              + " exited with "
              + process.exitValue()
              + ":\n"
              + text);
    }
    return text;
  }
}
