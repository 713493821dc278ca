package dev.poolguard.bench.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModeResultTest {
  @Test
  void aLineThatIsNoModeLineIsNoResult() {
    assertEquals(Optional.empty(), ModeResult.parse("[bench-runtime] round 1 of 3"));
  }

  @Test
  void aModeLineIsReadBackAsPrinted() {
    ModeResult result = new ModeResult("shared", 5.79, 1, "passed");

    assertEquals(Optional.of(result), ModeResult.parse(result.toString()));
  }

  @Test
  void theResultKeepsEverythingAfterResultEquals() {
    ModeResult result =
        ModeResult.parse(
                "mode=poolguard seconds=61.13 peak=2 result=passed (13 tests); contexts built 11")
            .orElseThrow();

    assertEquals("passed (13 tests); contexts built 11", result.result());
    assertTrue(result.passed());
  }

  @Test
  void refusedAttemptsMakeAPassAtTheEdge() {
    ModeResult result =
        new ModeResult(
            "per-class-parallel", 2.73, 20, "passed, at the edge: 14 connection attempts refused");

    assertEquals("passed at the edge", result.verdict());
  }

  @Test
  void aFailureIsNotAPass() {
    ModeResult result = new ModeResult("per-class-parallel", 16.98, 3, "failed: 25 of 750 tests");

    assertEquals("failed", result.verdict());
  }
}
