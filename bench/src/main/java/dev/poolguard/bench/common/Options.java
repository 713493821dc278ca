package dev.poolguard.bench.common;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark programs' {@code --key=value} arguments; a bare {@code --flag} means {@code
 * --flag=true}.
 */
public final class Options {
  private Options() {}

  public static Map<String, String> parse(String usage, String[] args) {
    Map<String, String> opts = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new IllegalArgumentException(usage + "; got " + Arrays.toString(args));
      }
      int eq = arg.indexOf('=');
      if (eq < 0) {
        opts.put(arg.substring(2), "true");
      } else {
        opts.put(arg.substring(2, eq), arg.substring(eq + 1));
      }
    }
    return opts;
  }
}
