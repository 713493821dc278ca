package dev.poolguard.bench.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void keyValueArgumentsAreRead() {
    assertEquals(
        Map.of("classes", "30", "sleep", "0.004"),
        Options.parse("usage", new String[] {"--classes=30", "--sleep=0.004"}));
  }

  @Test
  void aBareFlagIsTrue() {
    assertEquals(Map.of("smoke", "true"), Options.parse("usage", new String[] {"--smoke"}));
  }

  @Test
  void aLaterValueWins() {
    assertEquals(
        Map.of("classes", "6"),
        Options.parse("usage", new String[] {"--classes=30", "--classes=6"}));
  }

  @Test
  void anArgumentWithoutDashesFailsWithTheUsage() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Options.parse("usage: X --classes=N", new String[] {"classes=30"}));

    assertTrue(
        String.valueOf(e.getMessage()).startsWith("usage: X --classes=N; got [classes=30]"),
        e.getMessage());
  }
}
