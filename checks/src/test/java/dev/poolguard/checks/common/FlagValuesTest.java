package dev.poolguard.checks.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.ErrorProneFlags;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parsing of single {@code -XepOpt:} values, apart from which flag {@link PoolGuardConfig}
 * reads.
 */
final class FlagValuesTest {
  private static final String FLAG = "PoolGuard:Example";
  private static final ImmutableList<String> DEFAULT = ImmutableList.of("default");

  private static final ErrorProneFlags NO_FLAGS = ErrorProneFlags.fromMap(Map.of());

  private static ErrorProneFlags flag(String value) {
    return ErrorProneFlags.fromMap(Map.of(FLAG, value));
  }

  @Test
  void anAbsentBooleanIsItsDefault() {
    assertTrue(FlagValues.bool(NO_FLAGS, FLAG, true));
    assertFalse(FlagValues.bool(NO_FLAGS, FLAG, false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", " True "})
  void aBooleanIgnoresCaseAndSurroundingSpace(String value) {
    assertTrue(FlagValues.bool(flag(value), FLAG, false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "1", "", "on"})
  void aBooleanRejectsAnythingButTrueOrFalse(String value) {
    IllegalArgumentException rejected =
        assertThrows(
            IllegalArgumentException.class, () -> FlagValues.bool(flag(value), FLAG, true));
    assertEquals(
        "Invalid -XepOpt:PoolGuard:Example=" + value + ": expected true or false.",
        rejected.getMessage());
  }

  @Test
  void aListIsSplitAtCommasTrimmedAndWithoutEmptyEntries() {
    assertEquals(
        ImmutableList.of("a", "b", "c"), FlagValues.list(flag(" a, ,b,,c ,"), FLAG, DEFAULT));
  }

  @Test
  void anAbsentListIsItsDefault() {
    assertEquals(DEFAULT, FlagValues.list(NO_FLAGS, FLAG, DEFAULT));
  }

  @Test
  void aListGivenWithoutEntriesIsEmptyNotItsDefault() {
    assertEquals(ImmutableList.of(), FlagValues.list(flag(" , "), FLAG, DEFAULT));
  }

  @Test
  void aNonEmptyListRejectsAFlagGivenWithoutEntries() {
    IllegalArgumentException rejected =
        assertThrows(
            IllegalArgumentException.class,
            () -> FlagValues.nonEmptyList(flag(","), FLAG, DEFAULT, "expected at least one path"));
    assertEquals(
        "Invalid -XepOpt:PoolGuard:Example=: expected at least one path.", rejected.getMessage());
  }

  @Test
  void classNamesAcceptNestedAndDefaultPackageNames() {
    assertEquals(
        ImmutableList.of("com.acme.Outer.Inner", "TestDb", "com.acme.$Generated"),
        FlagValues.classNames(flag("com.acme.Outer.Inner,TestDb,com.acme.$Generated"), FLAG));
  }

  @ParameterizedTest
  @ValueSource(strings = {"com.acme.class", "com..acme.Db", "com.acme.Db#pool", "1acme.Db", ".Db"})
  void classNamesRejectWhatIsNoJavaName(String value) {
    IllegalArgumentException rejected =
        assertThrows(
            IllegalArgumentException.class,
            () -> FlagValues.classNames(flag("com.acme.Good," + value), FLAG));
    assertEquals(
        "Invalid -XepOpt:PoolGuard:Example="
            + value
            + ": expected a fully qualified class name such as com.acme.TestDb.",
        rejected.getMessage());
  }

  @Test
  void membersAreParsedInOrder() {
    assertEquals(
        ImmutableList.of("com.acme.Db#open", "com.acme.Db#<init>"),
        FlagValues.members(flag("com.acme.Db#open, com.acme.Db#<init>"), FLAG).stream()
            .map(MemberName::toString)
            .collect(ImmutableList.toImmutableList()));
  }

  @Test
  void identifiersRejectAQualifiedName() {
    IllegalArgumentException rejected =
        assertThrows(
            IllegalArgumentException.class,
            () -> FlagValues.identifiers(flag("slug,product.slug"), FLAG, DEFAULT));
    assertEquals(
        "Invalid -XepOpt:PoolGuard:Example=product.slug: expected a comma-separated list of names"
            + " such as slug,email.",
        rejected.getMessage());
  }

  @Test
  void identifiersRejectAFlagGivenWithoutNames() {
    IllegalArgumentException rejected =
        assertThrows(
            IllegalArgumentException.class, () -> FlagValues.identifiers(flag(" "), FLAG, DEFAULT));
    assertEquals(
        "Invalid -XepOpt:PoolGuard:Example=: expected at least one name, such as slug.",
        rejected.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"slug", "external_id", "$key", "émail"})
  void aSimpleNameIsOneIdentifier(String text) {
    assertTrue(FlagValues.isSimpleName(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.b", "class", "", "two words", "1st"})
  void aSimpleNameIsNoKeywordQualifiedOrMalformedName(String text) {
    assertFalse(FlagValues.isSimpleName(text));
  }
}
