package dev.poolguard.checks.leaks;

import java.util.regex.Pattern;

/** The layout of the code the fixes write: the indentation they copy and the step they add. */
final class Indentation {
  /** One level deeper, as google-java-format and most code bases indent. */
  static final String STEP = "  ";

  private static final Pattern LINE_START = Pattern.compile("(\\r?\\n)(?=[^\\r\\n])");

  private Indentation() {}

  /** The whitespace that starts the line {@code position} is on. */
  static String of(CharSequence source, int position) {
    int lineStart = position;
    while (lineStart > 0 && source.charAt(lineStart - 1) != '\n') {
      lineStart--;
    }
    int end = lineStart;
    while (end < source.length() && (source.charAt(end) == ' ' || source.charAt(end) == '\t')) {
      end++;
    }
    return source.subSequence(lineStart, end).toString();
  }

  /** One step deeper: every line after a line break gains {@link #STEP}, blank lines stay blank. */
  static String deeper(String text) {
    return LINE_START.matcher(text).replaceAll("$1" + STEP);
  }
}
