package dev.poolguard.bench.compile;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * One javac task over source files on disk, as a build tool runs it (standard file manager, options
 * as given): its diagnostics and its wall time. Shared by the benchmark and the corpus runner,
 * which run in plain JVMs of either toolchain, so it uses nothing but {@code javax.tools}.
 */
final class StandardJavac {
  /** Error Prone starts every message of a check with the check's name in brackets. */
  private static final Pattern CHECK_NAME = Pattern.compile("^\\[(\\w+)\\]");

  private StandardJavac() {}

  /** What one compilation reported, and how long {@code call()} took. */
  record Run(List<Diagnostic<? extends JavaFileObject>> diagnostics, long wallNanos) {}

  static Run compile(JavaCompiler javac, List<String> options, List<Path> sources)
      throws IOException {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    long wall;
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
      long start = System.nanoTime();
      javac.getTask(null, files, diagnostics, options, null, units).call();
      wall = System.nanoTime() - start;
    }
    return new Run(diagnostics.getDiagnostics(), wall);
  }

  /** The check a diagnostic's message names, if Error Prone reported it. */
  static Optional<String> checkName(String message) {
    Matcher m = CHECK_NAME.matcher(message);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
