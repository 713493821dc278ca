package com.acme.booking;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class PackagePricingTest {
  private final Fixtures f = new Fixtures();

  @Test
  void changesPrice() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant, 10, 2500);
    assertEquals(2900, f.packages.changePrice(tenant.id(), p.id(), 2900).priceCents());
  }

  @Test
  void freeIsAllowed() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant, 10, 2500);
    assertEquals(0, f.packages.changePrice(tenant.id(), p.id(), 0).priceCents());
  }

  @Test
  void negativePriceIsRefused() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    assertThrows(BookingException.class, () -> f.packages.changePrice(tenant.id(), p.id(), -1));
    assertEquals(p.priceCents(), f.packages.get(tenant.id(), p.id()).priceCents());
  }

  @Test
  void anotherTenantCannotChangeThePrice() {
    Tenant owner = f.tenant();
    Tenant other = f.tenant();
    TourPackage p = f.tourPackage(owner);
    BookingException e =
        assertThrows(BookingException.class, () -> f.packages.changePrice(other.id(), p.id(), 1));
    assertEquals(BookingException.Reason.NOT_FOUND, e.reason());
  }

  @Test
  void priceChangeReordersTheListing() {
    Tenant tenant = f.tenant();
    TourPackage a = f.tourPackage(tenant, 10, 1000);
    TourPackage b = f.tourPackage(tenant, 10, 2000);
    f.packages.changePrice(tenant.id(), a.id(), 3000);
    assertEquals(b.id(), f.packages.listActive(tenant.id()).get(0).id());
  }
}
