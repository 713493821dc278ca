package dev.poolguard.checks.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * Compiles sources with Error Prone and the packaged PoolGuard checks on a real processor path:
 * either in this JVM through compile-testing (the javac of the running JDK), or in a forked {@code
 * javac} of another JDK, exactly as a build tool does.
 */
final class ErrorProneJavac {
  /**
   * The exports javac's internals need when Error Prone runs inside them; forked javac gets them
   * with -J.
   */
  private static final ImmutableList<String> JDK_COMPILER_EXPORTS =
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
          .collect(ImmutableList.toImmutableList());

  private ErrorProneJavac() {}

  /**
   * Error Prone's processor path for this build: error_prone_core, its dependencies, the checks
   * jar.
   */
  static String processorPath() {
    return readClasspathFile("poolguard.processorPath.file");
  }

  /** The processor path of the newest Error Prone with the checks jar this build packaged. */
  static String latestProcessorPath() {
    return readClasspathFile("poolguard.latestProcessorPath.file");
  }

  /** The compile classpath of the fixture sources: the real libraries they use. */
  static String sourceClasspath() {
    return Stream.of(
            "com.zaxxer.hikari.HikariDataSource",
            "org.postgresql.Driver",
            "dev.poolguard.runtime.SharedTestDataSource",
            "org.junit.jupiter.api.Test",
            "org.junit.Test",
            "org.testng.annotations.Test",
            "org.apiguardian.api.API",
            "org.opentest4j.AssertionFailedError",
            "jakarta.persistence.Entity")
        .map(ErrorProneJavac::jarOf)
        .distinct()
        .collect(Collectors.joining(java.io.File.pathSeparator));
  }

  /** Options a user's build passes, plus {@code errorProneArgs} on the -Xplugin line. */
  static ImmutableList<String> options(String processorPath, String... errorProneArgs) {
    return ImmutableList.of(
        "-XDcompilePolicy=simple",
        "--should-stop=ifError=FLOW",
        "-processorpath",
        processorPath,
        "-classpath",
        sourceClasspath(),
        "-Xplugin:ErrorProne " + String.join(" ", errorProneArgs));
  }

  /** Compiles in this JVM with compile-testing. */
  static Compilation inProcess(List<JavaFileObject> sources, String... errorProneArgs) {
    return Compiler.javac().withOptions(options(processorPath(), errorProneArgs)).compile(sources);
  }

  /** Compiles with {@code javaHome}'s javac in a separate process; returns what javac printed. */
  static ForkedResult forked(
      Path javaHome, String processorPath, List<Path> sources, String... errorProneArgs) {
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin/javac").toString());
    JDK_COMPILER_EXPORTS.forEach(e -> command.add("-J" + e));
    command.add("-J--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED");
    command.add("-J--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED");
    command.addAll(options(processorPath, errorProneArgs));
    try {
      Path out = Files.createTempDirectory("poolguard-forked-javac");
      command.add("-d");
      command.add(out.toString());
      sources.forEach(s -> command.add(s.toString()));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("forked javac did not finish in 5 minutes: " + command);
      }
      return new ForkedResult(process.exitValue(), new String(output, UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * Sources of one fixture tree under {@code fixtures/<name>/}, as files and as compile-testing
   * inputs.
   */
  static List<Path> fixtureFiles(String name) {
    Path root = fixtureRoot(name);
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JavaFileObject> fixtureSources(List<Path> files) {
    List<JavaFileObject> sources = new ArrayList<>();
    for (Path file : files) {
      try {
        sources.add(JavaFileObjects.forResource(file.toUri().toURL()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sources;
  }

  static Path fixtureRoot(String name) {
    try {
      return Path.of(ErrorProneJavac.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String jarOf(String className) {
    try {
      Class<?> type = Class.forName(className, false, ErrorProneJavac.class.getClassLoader());
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (ClassNotFoundException | URISyntaxException e) {
      throw new IllegalStateException("not on the test classpath: " + className, e);
    }
  }

  private static String readClasspathFile(String property) {
    String file = System.getProperty(property);
    if (file == null) {
      throw new IllegalStateException(
          "System property "
              + property
              + " is not set: run these tests through Maven (mvn verify)");
    }
    try {
      return Files.readString(Path.of(file), UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + file + " (written by maven-dependency-plugin)", e);
    }
  }

  /** What a forked javac returned. */
  record ForkedResult(int exitCode, String output) {}
}
