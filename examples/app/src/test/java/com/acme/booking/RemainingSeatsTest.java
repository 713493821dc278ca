package com.acme.booking;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class RemainingSeatsTest {
  private final Fixtures f = new Fixtures();

  @Test
  void newSlotIsEmpty() {
    Tenant tenant = f.tenant();
    Slot slot = f.slot(tenant, f.tourPackage(tenant), 6);
    assertEquals(6, f.availability.remainingSeats(slot.id()));
  }

  @Test
  void bookingTakesSeats() {
    Tenant tenant = f.tenant();
    Slot slot = f.slot(tenant, f.tourPackage(tenant), 6);
    f.bookings.book(tenant.id(), slot.id(), Fixtures.email(), 4);
    assertEquals(2, f.availability.remainingSeats(slot.id()));
  }

  @Test
  void severalBookingsAddUp() {
    Tenant tenant = f.tenant();
    Slot slot = f.slot(tenant, f.tourPackage(tenant), 10);
    for (int i = 0; i < 4; i++) {
      f.bookings.book(tenant.id(), slot.id(), Fixtures.email(), 2);
    }
    assertEquals(2, f.availability.remainingSeats(slot.id()));
  }

  @Test
  void cancelledBookingsDoNotCount() {
    Tenant tenant = f.tenant();
    Slot slot = f.slot(tenant, f.tourPackage(tenant), 10);
    Booking booking = f.bookings.book(tenant.id(), slot.id(), Fixtures.email(), 7);
    f.bookings.cancel(tenant.id(), booking.reference());
    assertEquals(10, f.availability.remainingSeats(slot.id()));
  }

  @Test
  void unknownSlotIsNotFound() {
    BookingException e =
        assertThrows(BookingException.class, () -> f.availability.remainingSeats(-1));
    assertEquals(BookingException.Reason.NOT_FOUND, e.reason());
  }
}
