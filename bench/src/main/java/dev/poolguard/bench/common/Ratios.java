package dev.poolguard.bench.common;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The line every benchmark ends with: each mode's wall time over one reference mode's, from one
 * run.
 */
public final class Ratios {
  private Ratios() {}

  /** {@code <mode>/<reference>=<ratio>} for every mode but the reference, in the modes' order. */
  public static String over(String reference, List<ModeResult> modes) {
    double base =
        modes.stream()
            .filter(m -> m.mode().equals(reference))
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("no mode " + reference + " in " + modes))
            .seconds();
    return modes.stream()
        .filter(m -> !m.mode().equals(reference))
        .map(m -> String.format(Locale.ROOT, "%s/%s=%.2f", m.mode(), reference, m.seconds() / base))
        .collect(Collectors.joining(" "));
  }
}
