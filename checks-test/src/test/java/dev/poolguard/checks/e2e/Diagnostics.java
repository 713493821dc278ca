package dev.poolguard.checks.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Diagnostics reduced to {@code relative/path.java:line: [Check]}, the form golden files hold, so
 * the in-process and forked compilers, and every toolchain, can be compared line by line.
 */
final class Diagnostics {
  private static final Pattern CHECK = Pattern.compile("\\[(\\w+)\\]");
  private static final Pattern JAVAC_LINE =
      Pattern.compile(
          "^(\\S+\\.java):(\\d+): (?:error|warning): \\[(\\w+)\\].*$", Pattern.MULTILINE);

  private Diagnostics() {}

  /** The {@code checks}' diagnostics of an in-process compilation. */
  static ImmutableList<String> of(Compilation compilation, Path root, List<String> checks) {
    return compilation.diagnostics().stream()
        .filter(d -> d.getSource() != null)
        .map(d -> format(d, root))
        .filter(line -> checks.stream().anyMatch(c -> line.endsWith("[" + c + "]")))
        .sorted(Comparator.naturalOrder())
        .collect(ImmutableList.toImmutableList());
  }

  /** The {@code checks}' diagnostics in a forked javac's output. */
  static ImmutableList<String> of(String javacOutput, Path root, List<String> checks) {
    ImmutableList.Builder<String> lines = ImmutableList.builder();
    Matcher m = JAVAC_LINE.matcher(javacOutput);
    while (m.find()) {
      if (checks.contains(m.group(3))) {
        lines.add(
            relative(Path.of(m.group(1)), root) + ":" + m.group(2) + ": [" + m.group(3) + "]");
      }
    }
    return lines.build().stream().sorted().collect(ImmutableList.toImmutableList());
  }

  /** The golden file {@code golden/<name>.txt}, blank lines and {@code #} comments dropped. */
  static ImmutableList<String> golden(String name) {
    try (InputStream in = Diagnostics.class.getResourceAsStream("/golden/" + name + ".txt")) {
      return new String(in.readAllBytes(), UTF_8)
          .lines()
          .map(String::trim)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .sorted()
          .collect(ImmutableList.toImmutableList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String format(Diagnostic<? extends JavaFileObject> d, Path root) {
    Matcher check = CHECK.matcher(d.getMessage(Locale.ROOT));
    String name = check.find() ? check.group(1) : "javac";
    return relative(Path.of(d.getSource().toUri()), root)
        + ":"
        + d.getLineNumber()
        + ": ["
        + name
        + "]";
  }

  private static String relative(Path file, Path root) {
    return root.relativize(file.toAbsolutePath()).toString().replace('\\', '/');
  }
}
