package com.acme.booking;

import static org.junit.jupiter.api.Assertions.*;

import dev.poolguard.runtime.UniqueSlugs;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageRepositoryTest {
  private final Fixtures f = new Fixtures();

  @Test
  void createsPackage() {
    Tenant tenant = f.tenant();
    TourPackage p =
        f.packages.create(
            tenant.id(),
            new NewPackage(UniqueSlugs.of("sunset-cruise"), "Sunset cruise", 120, 40, 4900));
    assertEquals(tenant.id(), p.tenantId());
    assertEquals(40, p.capacity());
    assertTrue(p.active());
  }

  @Test
  void findsPackageBySlug() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    assertEquals(p, f.packages.findBySlug(tenant.id(), p.slug()).orElseThrow());
  }

  @Test
  void sameSlugInTwoTenantsIsFine() {
    Tenant a = f.tenant();
    Tenant b = f.tenant();
    String slug = UniqueSlugs.of("harbour-tour");
    f.packages.create(a.id(), new NewPackage(slug, "Harbour", 60, 10, 1000));
    TourPackage other = f.packages.create(b.id(), new NewPackage(slug, "Harbour", 60, 10, 1000));
    assertEquals(slug, other.slug());
  }

  @Test
  void sameSlugTwiceInOneTenantIsRefused() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    BookingException e =
        assertThrows(
            BookingException.class,
            () -> f.packages.create(tenant.id(), new NewPackage(p.slug(), "Again", 60, 10, 1000)));
    assertEquals(BookingException.Reason.DUPLICATE_SLUG, e.reason());
  }

  @Test
  void listsActivePackagesCheapestFirst() {
    Tenant tenant = f.tenant();
    TourPackage dear = f.tourPackage(tenant, 10, 9000);
    TourPackage cheap = f.tourPackage(tenant, 10, 1500);
    assertEquals(List.of(cheap, dear), f.packages.listActive(tenant.id()));
  }

  @Test
  void zeroCapacityIsRefused() {
    Tenant tenant = f.tenant();
    assertThrows(
        BookingException.class,
        () ->
            f.packages.create(
                tenant.id(), new NewPackage(UniqueSlugs.of("empty"), "Empty", 60, 0, 1000)));
  }
}
