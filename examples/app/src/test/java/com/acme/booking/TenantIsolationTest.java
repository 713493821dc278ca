package com.acme.booking;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class TenantIsolationTest {
  private final Fixtures f = new Fixtures();

  @Test
  void packagesAreListedPerTenant() {
    Tenant a = f.tenant();
    Tenant b = f.tenant();
    f.tourPackage(a);
    f.tourPackage(a);
    f.tourPackage(b);
    assertEquals(2, f.packages.listActive(a.id()).size());
    assertEquals(1, f.packages.listActive(b.id()).size());
  }

  @Test
  void bookingReferenceIsPrivateToItsTenant() {
    Tenant a = f.tenant();
    Tenant b = f.tenant();
    Booking booking =
        f.bookings.book(a.id(), f.slot(a, f.tourPackage(a)).id(), Fixtures.email(), 1);
    assertTrue(f.bookings.findByReference(b.id(), booking.reference()).isEmpty());
  }

  @Test
  void cannotBookAnotherTenantsSlot() {
    Tenant a = f.tenant();
    Tenant b = f.tenant();
    Slot slot = f.slot(a, f.tourPackage(a));
    BookingException e =
        assertThrows(
            BookingException.class, () -> f.bookings.book(b.id(), slot.id(), Fixtures.email(), 1));
    assertEquals(BookingException.Reason.WRONG_TENANT, e.reason());
  }

  @Test
  void cannotCancelAnotherTenantsBooking() {
    Tenant a = f.tenant();
    Tenant b = f.tenant();
    Booking booking =
        f.bookings.book(a.id(), f.slot(a, f.tourPackage(a)).id(), Fixtures.email(), 1);
    assertThrows(BookingException.class, () -> f.bookings.cancel(b.id(), booking.reference()));
    assertEquals(
        Booking.Status.CONFIRMED,
        f.bookings.findByReference(a.id(), booking.reference()).orElseThrow().status());
  }

  @Test
  void reportsCountOnlyTheirTenant() {
    Tenant a = f.tenant();
    Tenant b = f.tenant();
    f.bookings.book(a.id(), f.slot(a, f.tourPackage(a)).id(), Fixtures.email(), 1);
    assertEquals(1, f.reports.confirmedBookings(a.id()));
    assertEquals(0, f.reports.confirmedBookings(b.id()));
  }
}
