package dev.poolguard.checks.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class KeyNamesTest {
  private final KeyNames keys = new KeyNames(ImmutableList.of("slug", "emailAddress"));

  @Test
  void wordsSplitAtCamelCaseHumps() {
    assertEquals(ImmutableList.of("set", "tenant", "slug"), KeyNames.words("setTenantSlug"));
  }

  @Test
  void wordsSplitAtUnderscoresHyphensDotsAndDollars() {
    assertEquals(
        ImmutableList.of("product", "slug", "a", "b", "c"), KeyNames.words("PRODUCT_SLUG-a.b$c"));
  }

  @Test
  void anAcronymStaysOneWordBeforeTheNextHump() {
    assertEquals(ImmutableList.of("http", "server"), KeyNames.words("HTTPServer"));
  }

  @Test
  void aDigitEndsAWordBeforeAnUpperCaseLetter() {
    assertEquals(ImmutableList.of("v2", "slug"), KeyNames.words("v2Slug"));
  }

  @Test
  void anEmptyNameHasNoWords() {
    assertEquals(ImmutableList.of(), KeyNames.words(""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"slug", "SLUG", "tenantSlug", "tenant_slug", "PRODUCT_SLUG", "withSlug"})
  void aNameEndingInTheKeysWordsDenotesIt(String name) {
    assertEquals("slug", keys.keyOf(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"slugs", "slugify", "slugLength", "slugPrefix", "name"})
  void aNameNotEndingInTheKeysWordsDoesNot(String name) {
    assertNull(keys.keyOf(name));
  }

  @Test
  void aMultiWordKeyNeedsAllItsWordsAtTheEnd() {
    assertEquals("emailAddress", keys.keyOf("setEmailAddress"));
    assertEquals("emailAddress", keys.keyOf("primary_email_address"));
    assertNull(keys.keyOf("address"));
  }

  @Test
  void mayDenoteKeyIsANecessaryConditionIgnoringCase() {
    assertTrue(keys.mayDenoteKey("TENANT_SLUG"));
    assertTrue(keys.mayDenoteKey("homeAddress"));
    assertFalse(keys.mayDenoteKey("name"));
  }

  @Test
  void mayDenoteKeyLooksAtTheEndOfTheNameAfterSeparators() {
    assertTrue(keys.mayDenoteKey("slug__"));
    assertTrue(keys.mayDenoteKey("product.slug"));
    assertFalse(keys.mayDenoteKey("slugLength"));
    assertFalse(keys.mayDenoteKey("xSLUGy"));
    assertFalse(keys.mayDenoteKey("__"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "createProduct",
        "CREATEProduct",
        "_create_row",
        "HTTPServer",
        "v2Slug",
        "create2Product",
        "a",
        "aProduct",
        "SLUG",
        "x.y"
      })
  void firstWordIsTheFirstOfTheWords(String name) {
    assertEquals(KeyNames.words(name).get(0), KeyNames.firstWord(name));
  }

  @Test
  void aNameOfSeparatorsHasNoFirstWord() {
    assertEquals("", KeyNames.firstWord("__"));
  }
}
