package dev.poolguard.bench.compile;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The PoolGuard checks entry of an Error Prone processor path: which entry it is, which checks it
 * registers, and the same path with another build's checks in its place.
 */
final class ProcessorPaths {
  private static final String CHECKS_PACKAGE = "dev/poolguard/checks/";

  /** Where {@code @AutoService} lists every check of the jar. */
  private static final String CHECKER_SERVICES =
      "META-INF/services/com.google.errorprone.bugpatterns.BugChecker";

  private ProcessorPaths() {}

  /**
   * The names of the checks the processor path's PoolGuard entry registers (each check is named
   * after its class), so that a new check is benchmarked without touching the benchmark.
   */
  static List<String> checkNames(String processorPath) throws IOException {
    Path entry = checksEntry(processorPath);
    String services;
    if (Files.isDirectory(entry)) {
      services = Files.readString(entry.resolve(CHECKER_SERVICES), UTF_8);
    } else {
      try (ZipFile jar = new ZipFile(entry.toFile())) {
        ZipEntry file = jar.getEntry(CHECKER_SERVICES);
        if (file == null) {
          throw new IllegalStateException(
              entry + " registers no checks (" + CHECKER_SERVICES + ")");
        }
        try (InputStream in = jar.getInputStream(file)) {
          services = new String(in.readAllBytes(), UTF_8);
        }
      }
    }
    return services
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .map(className -> className.substring(className.lastIndexOf('.') + 1))
        .sorted()
        .toList();
  }

  /**
   * {@code processorPath} with its PoolGuard checks entry (the jar or classes directory holding
   * {@code dev/poolguard/checks/}) replaced by {@code otherChecks}, another build's.
   */
  static String withOtherChecks(String processorPath, Path otherChecks) throws IOException {
    if (!holdsChecks(otherChecks)) {
      throw new IllegalArgumentException(
          "--compare-with "
              + otherChecks
              + ": not a PoolGuard checks jar or classes directory (no dev/poolguard/checks/ in"
              + " it); give another build's checks/target/classes or its poolguard-checks jar");
    }
    Path ours = checksEntry(processorPath);
    List<String> entries = new ArrayList<>();
    for (String entry : processorPath.split(File.pathSeparator, -1)) {
      entries.add(Path.of(entry).equals(ours) ? otherChecks.toAbsolutePath().toString() : entry);
    }
    return String.join(File.pathSeparator, entries);
  }

  private static Path checksEntry(String processorPath) throws IOException {
    List<Path> found = new ArrayList<>();
    for (String entry : processorPath.split(File.pathSeparator, -1)) {
      if (holdsChecks(Path.of(entry))) {
        found.add(Path.of(entry));
      }
    }
    if (found.size() != 1) {
      throw new IllegalStateException(
          "expected one PoolGuard checks entry on the processor path, found "
              + found.size()
              + ": "
              + processorPath);
    }
    return found.get(0);
  }

  private static boolean holdsChecks(Path entry) throws IOException {
    if (Files.isDirectory(entry)) {
      return Files.isDirectory(entry.resolve(CHECKS_PACKAGE));
    }
    if (!Files.isRegularFile(entry) || !entry.toString().endsWith(".jar")) {
      return false;
    }
    try (ZipFile jar = new ZipFile(entry.toFile())) {
      return jar.stream().anyMatch(e -> e.getName().startsWith(CHECKS_PACKAGE));
    }
  }
}
