package dev.poolguard.bench.common;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mode's figures as a benchmark prints them: {@code mode=<name> seconds=<s> peak=<n>
 * result=<...>}. The line is the contract between a mode's JVM and the program that compares the
 * modes.
 */
public record ModeResult(String mode, double seconds, int peak, String result) {
  private static final Pattern LINE =
      Pattern.compile("mode=(\\S+) seconds=(\\S+) peak=(\\d+) result=(.*)");

  public static Optional<ModeResult> parse(String line) {
    Matcher m = LINE.matcher(line.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new ModeResult(
            m.group(1), Double.parseDouble(m.group(2)), Integer.parseInt(m.group(3)), m.group(4)));
  }

  public boolean passed() {
    return result.startsWith("passed");
  }

  /**
   * {@code passed}, {@code passed at the edge} (the server refused some attempts) or {@code
   * failed}.
   */
  public String verdict() {
    if (result.startsWith("passed, at the edge")) {
      return "passed at the edge";
    }
    return passed() ? "passed" : "failed";
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "mode=%s seconds=%.2f peak=%d result=%s", mode, seconds, peak, result);
  }
}
