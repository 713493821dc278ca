package com.acme.booking;

import static org.junit.jupiter.api.Assertions.*;

import dev.poolguard.runtime.UniqueSlugs;
import org.junit.jupiter.api.Test;

/**
 * Invalid slugs never reach the database, so these tests write fixed values on purpose. That is the
 * one kind of test where a literal slug is right, and it says so with {@code @SuppressWarnings}.
 */
class TenantSlugValidationTest {
  private final Fixtures f = new Fixtures();

  @Test
  @SuppressWarnings("HardcodedTestSlug") // rejected before any insert: cannot collide
  void upperCaseIsRefused() {
    assertInvalid(new NewTenant("Acme-Tours", "Acme", "UTC"));
  }

  @Test
  @SuppressWarnings("HardcodedTestSlug") // rejected before any insert: cannot collide
  void spacesAreRefused() {
    assertInvalid(new NewTenant("acme tours", "Acme", "UTC"));
  }

  @Test
  @SuppressWarnings("HardcodedTestSlug") // rejected before any insert: cannot collide
  void doubleDashIsRefused() {
    assertInvalid(new NewTenant("acme--tours", "Acme", "UTC"));
  }

  @Test
  void tooLongIsRefused() {
    String slug = UniqueSlugs.of("x".repeat(TenantRepository.MAX_SLUG_LENGTH));
    assertInvalid(new NewTenant(slug, "Long", "UTC"));
  }

  @Test
  void longestAllowedIsAccepted() {
    String slug = UniqueSlugs.of("long-name", TenantRepository.MAX_SLUG_LENGTH);
    assertEquals(slug, f.tenants.create(new NewTenant(slug, "Long", "UTC")).slug());
  }

  private void assertInvalid(NewTenant tenant) {
    BookingException e = assertThrows(BookingException.class, () -> f.tenants.create(tenant));
    assertEquals(BookingException.Reason.INVALID_SLUG, e.reason());
  }
}
