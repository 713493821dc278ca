package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.PoolGuardException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingParserTest {
  private static final SettingParser PARSER = new SettingParser("PostgreSQL db:5432/shop");

  private static Setting setting(String value) {
    return new Setting("poolguard.maxPoolSize", value, "system property poolguard.maxPoolSize");
  }

  private static String failure(Runnable parse) {
    return String.valueOf(assertThrows(PoolGuardException.class, parse::run).getMessage());
  }

  @Test
  void aSettingNotGivenIsTheDefault() {
    assertEquals(3, PARSER.positiveInt(null, 3));
    assertEquals(
        Duration.ofSeconds(5), PARSER.duration(null, Duration.ofSeconds(5), Duration.ZERO));
    assertTrue(PARSER.flag(null, true));
  }

  @Test
  void aWholeNumberIsReadWithSurroundingBlanks() {
    assertEquals(4, PARSER.positiveInt(setting(" 4 "), 3));
  }

  @Test
  void zeroIsRefusedNamingTheSettingItsSourceTheDatabaseAndWhatIsAccepted() {
    String message = failure(() -> PARSER.positiveInt(setting("0"), 3));
    assertTrue(message.contains("poolguard.maxPoolSize=0"), message);
    assertTrue(message.contains("system property poolguard.maxPoolSize"), message);
    assertTrue(message.contains("PostgreSQL db:5432/shop"), message);
    assertTrue(message.contains("a whole number of at least 1"), message);
  }

  @Test
  void aDurationIsWholeSecondsOrHasAUnit() {
    Duration minimum = Duration.ofMillis(250);
    assertEquals(Duration.ofSeconds(5), PARSER.duration(setting("5"), Duration.ZERO, minimum));
    assertEquals(Duration.ofSeconds(5), PARSER.duration(setting("5s"), Duration.ZERO, minimum));
    assertEquals(
        Duration.ofMillis(500), PARSER.duration(setting("500 MS"), Duration.ZERO, minimum));
  }

  @Test
  void aDurationBelowTheMinimumIsRefusedSayingTheMinimum() {
    String message =
        failure(() -> PARSER.duration(setting("100ms"), Duration.ZERO, Duration.ofMillis(250)));
    assertTrue(message.contains("a duration of at least"), message);
  }

  @Test
  void aDurationThatIsNoNumberIsRefused() {
    String message = failure(() -> PARSER.duration(setting("five"), Duration.ZERO, Duration.ZERO));
    assertTrue(message.contains("with a unit: 5s, 500ms"), message);
  }

  @Test
  void theLeakThresholdIsTrueFalseOrADuration() {
    Duration defaultThreshold = Duration.ofSeconds(30);
    assertEquals(defaultThreshold, PARSER.leakThreshold(setting("TRUE"), defaultThreshold));
    assertEquals(Duration.ZERO, PARSER.leakThreshold(setting("false"), defaultThreshold));
    assertEquals(Duration.ofSeconds(2), PARSER.leakThreshold(setting("2000ms"), defaultThreshold));
  }

  @Test
  void aZeroLeakThresholdIsRefusedPointingToFalse() {
    String message = failure(() -> PARSER.leakThreshold(setting("0s"), Duration.ofSeconds(30)));
    assertTrue(message.contains("true, false or a threshold"), message);
  }

  @Test
  void aChoiceIsOneOfTheConstantsInAnyCase() {
    assertEquals(
        HygieneMode.FAIL, PARSER.choice(setting("Fail"), HygieneMode.class, HygieneMode.RESET));
  }

  @Test
  void anUnknownChoiceIsRefusedListingTheChoicesInLowerCase() {
    String message =
        failure(() -> PARSER.choice(setting("strict"), HygieneMode.class, HygieneMode.RESET));
    assertTrue(message.contains("one of reset, fail, off"), message);
  }

  @Test
  void aFlagIsOnlyTrueOrFalse() {
    assertFalse(PARSER.flag(setting(" False "), true));
    String message = failure(() -> PARSER.flag(setting("yes"), false));
    assertTrue(message.contains("true or false"), message);
  }
}
