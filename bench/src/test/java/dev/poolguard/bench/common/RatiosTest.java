package dev.poolguard.bench.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatiosTest {
  private static final List<ModeResult> MODES =
      List.of(
          new ModeResult("per-class", 6.46, 8, "passed"),
          new ModeResult("shared", 5.79, 1, "passed"),
          new ModeResult("shared-parallel", 2.66, 3, "passed"));

  @Test
  void everyOtherModeIsDividedByTheReferenceInTheModesOrder() {
    assertEquals(
        "shared/per-class=0.90 shared-parallel/per-class=0.41", Ratios.over("per-class", MODES));
  }

  @Test
  void anUnknownReferenceIsNamed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Ratios.over("pooled", MODES));

    assertTrue(String.valueOf(e.getMessage()).startsWith("no mode pooled in "), e.getMessage());
  }
}
