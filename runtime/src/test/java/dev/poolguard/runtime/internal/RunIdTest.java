package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RunIdTest {
  @Test
  void runIdIsTheGivenIdThenATagOfThisJvm() {
    Properties system = new Properties();
    system.setProperty(RunId.PROPERTY, "Build 42");
    assertEquals(
        ("build-42-" + Long.toString(3465, 36) + "abcdef").length(),
        RunId.resolve(system, Map.of(), 3465, new Random(1)).length());
    assertTrue(
        RunId.resolve(system, Map.of(RunId.VARIABLE, "ignored"), 3465, new Random(1))
            .startsWith("build-42-" + Long.toString(3465, 36)));
    assertTrue(
        RunId.resolve(new Properties(), Map.of(RunId.VARIABLE, "gh-99"), 35, new Random(1))
            .startsWith("gh-99-z"));
    String anonymous = RunId.resolve(new Properties(), Map.of(), 35, new Random(1));
    assertTrue(anonymous.matches("z[a-z0-9]{6}"), anonymous);
    assertNotEquals(anonymous, RunId.resolve(new Properties(), Map.of(), 35, new Random(2)));
  }
}
