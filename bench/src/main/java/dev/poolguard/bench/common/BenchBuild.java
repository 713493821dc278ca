package dev.poolguard.bench.common;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the Maven build of this module resolved ({@code bench.properties}, filled in by resource
 * filtering): PoolGuard's version, the two Error Prone processor paths with the checks jar, their
 * Error Prone versions, and the JDK 25 home. The versions are the parent POM's, never copied by
 * hand.
 */
public final class BenchBuild {
  private static final Properties PROPERTIES = load();

  private BenchBuild() {}

  /** This build's Error Prone (the running JDK's), its dependencies and the checks jar. */
  public static String processorPath() {
    return readPathList("processorPath.file");
  }

  /** The newest Error Prone with the same checks jar, for the JDK 25 toolchain. */
  public static String latestProcessorPath() {
    return readPathList("latestProcessorPath.file");
  }

  /** The version of this checkout's modules, for consumer projects that build against them. */
  public static String poolGuardVersion() {
    return property("project.version");
  }

  public static String errorProneVersion() {
    return property("errorprone.version");
  }

  public static String latestErrorProneVersion() {
    return property("errorprone.latest.version");
  }

  /** {@code POOLGUARD_JDK25_HOME} if set, else where the parent POM says Temurin 25 lives. */
  public static Path jdk25Home() {
    String override = System.getenv("POOLGUARD_JDK25_HOME");
    return Path.of(override != null && !override.isBlank() ? override : property("jdk25.home"));
  }

  private static String readPathList(String key) {
    Path file = Path.of(property(key));
    try {
      return Files.readString(file, UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(
          file + " is missing: build the processor paths first (mvn -pl bench -am package)", e);
    }
  }

  private static String property(String key) {
    String value = PROPERTIES.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("bench.properties has no " + key + ": rebuild the module");
    }
    return value;
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = BenchBuild.class.getResourceAsStream("/bench.properties")) {
      if (in == null) {
        throw new IllegalStateException("bench.properties is not on the classpath");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
