package com.acme.booking;

import static org.junit.jupiter.api.Assertions.*;

import dev.poolguard.runtime.UniqueSlugs;
import org.junit.jupiter.api.Test;

class TenantRepositoryTest {
  private final Fixtures f = new Fixtures();

  @Test
  void createsTenant() {
    String slug = UniqueSlugs.of("acme-tours");
    Tenant tenant = f.tenants.create(new NewTenant(slug, "Acme Tours", "Europe/Lisbon"));
    assertTrue(tenant.id() > 0);
    assertEquals(slug, tenant.slug());
    assertEquals("Europe/Lisbon", tenant.timezone());
  }

  @Test
  void findsTenantBySlug() {
    Tenant tenant = f.tenant();
    assertEquals(tenant, f.tenants.findBySlug(tenant.slug()).orElseThrow());
  }

  @Test
  void unknownSlugIsEmpty() {
    assertTrue(f.tenants.findBySlug(UniqueSlugs.of("nobody")).isEmpty());
  }

  @Test
  void takenSlugIsRefused() {
    Tenant tenant = f.tenant();
    BookingException e =
        assertThrows(
            BookingException.class,
            () -> f.tenants.create(new NewTenant(tenant.slug(), "Copycat", "Europe/Berlin")));
    assertEquals(BookingException.Reason.DUPLICATE_SLUG, e.reason());
  }

  @Test
  void renamesTenant() {
    Tenant tenant = f.tenant();
    assertEquals("Renamed", f.tenants.rename(tenant.id(), "Renamed").name());
    assertEquals(tenant.slug(), f.tenants.get(tenant.id()).slug());
  }

  @Test
  void unknownTimeZoneIsRefused() {
    BookingException e =
        assertThrows(
            BookingException.class,
            () -> f.tenants.create(new NewTenant(UniqueSlugs.of("tz"), "Tz", "Mars/Olympus_Mons")));
    assertEquals(BookingException.Reason.INVALID_VALUE, e.reason());
  }
}
