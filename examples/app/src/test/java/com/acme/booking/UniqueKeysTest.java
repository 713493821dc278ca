package com.acme.booking;

import static org.junit.jupiter.api.Assertions.*;

import dev.poolguard.runtime.UniqueSlugs;
import org.junit.jupiter.api.Test;

/** Unique keys from {@link UniqueSlugs} are valid slugs for this application and never collide. */
class UniqueKeysTest {
  private final Fixtures f = new Fixtures();

  @Test
  void uniqueSlugIsAValidTenantSlug() {
    assertTrue(TenantRepository.SLUG.matcher(UniqueSlugs.of("Ocean Tours!")).matches());
  }

  @Test
  void sameBaseTwiceGivesTwoTenants() {
    Tenant a = f.tenants.create(new NewTenant(UniqueSlugs.of("ocean-tours"), "Ocean", "UTC"));
    Tenant b = f.tenants.create(new NewTenant(UniqueSlugs.of("ocean-tours"), "Ocean", "UTC"));
    assertNotEquals(a.slug(), b.slug());
  }

  @Test
  void slugsCarryTheRunId() {
    assertTrue(f.tenant().slug().contains(UniqueSlugs.runId()));
  }

  @Test
  void uniqueEmailIsAcceptedForBookings() {
    Tenant tenant = f.tenant();
    Slot slot = f.slot(tenant, f.tourPackage(tenant));
    String email = UniqueSlugs.email("alice");
    assertEquals(email, f.bookings.book(tenant.id(), slot.id(), email, 1).customerEmail());
  }
}
