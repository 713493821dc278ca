package com.acme.booking;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class CancellationTest {
  private final Fixtures f = new Fixtures();

  @Test
  void cancelMarksBookingCancelled() {
    Tenant tenant = f.tenant();
    Slot slot = f.slot(tenant, f.tourPackage(tenant));
    Booking booking = f.bookings.book(tenant.id(), slot.id(), Fixtures.email(), 2);
    assertEquals(
        Booking.Status.CANCELLED, f.bookings.cancel(tenant.id(), booking.reference()).status());
  }

  @Test
  void cancellingTwiceIsRefused() {
    Tenant tenant = f.tenant();
    Slot slot = f.slot(tenant, f.tourPackage(tenant));
    Booking booking = f.bookings.book(tenant.id(), slot.id(), Fixtures.email(), 2);
    f.bookings.cancel(tenant.id(), booking.reference());
    BookingException e =
        assertThrows(
            BookingException.class, () -> f.bookings.cancel(tenant.id(), booking.reference()));
    assertEquals(BookingException.Reason.ALREADY_CANCELLED, e.reason());
  }

  @Test
  void cancelledSeatsCanBeBookedAgain() {
    Tenant tenant = f.tenant();
    Slot slot = f.slot(tenant, f.tourPackage(tenant), 2);
    Booking booking = f.bookings.book(tenant.id(), slot.id(), Fixtures.email(), 2);
    f.bookings.cancel(tenant.id(), booking.reference());
    assertEquals(2, f.bookings.book(tenant.id(), slot.id(), Fixtures.email(), 2).seats());
  }

  @Test
  void cancelledBookingLeavesTheSlotList() {
    Tenant tenant = f.tenant();
    Slot slot = f.slot(tenant, f.tourPackage(tenant));
    Booking kept = f.bookings.book(tenant.id(), slot.id(), Fixtures.email(), 1);
    Booking dropped = f.bookings.book(tenant.id(), slot.id(), Fixtures.email(), 1);
    f.bookings.cancel(tenant.id(), dropped.reference());
    assertEquals(java.util.List.of(kept), f.bookings.confirmedOn(tenant.id(), slot.id()));
  }

  @Test
  void unknownReferenceIsNotFound() {
    Tenant tenant = f.tenant();
    BookingException e =
        assertThrows(
            BookingException.class,
            () -> f.bookings.cancel(tenant.id(), BookingService.newReference()));
    assertEquals(BookingException.Reason.NOT_FOUND, e.reason());
  }
}
