package com.acme.booking;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class PackageDeactivationTest {
  private final Fixtures f = new Fixtures();

  @Test
  void deactivatedPackageLeavesTheListing() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    f.packages.deactivate(tenant.id(), p.id());
    assertTrue(f.packages.listActive(tenant.id()).isEmpty());
    assertEquals(1, f.packages.listAll(tenant.id()).size());
  }

  @Test
  void deactivatedPackageCannotOpenSlots() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    f.packages.deactivate(tenant.id(), p.id());
    BookingException e = assertThrows(BookingException.class, () -> f.slot(tenant, p));
    assertEquals(BookingException.Reason.PACKAGE_INACTIVE, e.reason());
  }

  @Test
  void deactivatedPackageCannotBeBooked() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    Slot slot = f.slot(tenant, p);
    f.packages.deactivate(tenant.id(), p.id());
    BookingException e =
        assertThrows(
            BookingException.class,
            () -> f.bookings.book(tenant.id(), slot.id(), Fixtures.email(), 1));
    assertEquals(BookingException.Reason.PACKAGE_INACTIVE, e.reason());
  }

  @Test
  void existingBookingsSurviveDeactivation() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    Slot slot = f.slot(tenant, p);
    Booking booking = f.bookings.book(tenant.id(), slot.id(), Fixtures.email(), 2);
    f.packages.deactivate(tenant.id(), p.id());
    assertEquals(
        Booking.Status.CONFIRMED,
        f.bookings.findByReference(tenant.id(), booking.reference()).orElseThrow().status());
  }
}
