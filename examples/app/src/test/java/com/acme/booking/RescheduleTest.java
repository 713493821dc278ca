package com.acme.booking;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class RescheduleTest {
  private final Fixtures f = new Fixtures();

  @Test
  void movesBookingToAnotherSlot() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    Slot from = f.slot(tenant, p);
    Slot to = f.slot(tenant, p);
    Booking booking = f.bookings.book(tenant.id(), from.id(), Fixtures.email(), 3);
    assertEquals(
        to.id(), f.bookings.reschedule(tenant.id(), booking.reference(), to.id()).slotId());
    assertEquals(from.capacity(), f.availability.remainingSeats(from.id()));
    assertEquals(to.capacity() - 3, f.availability.remainingSeats(to.id()));
  }

  @Test
  void fullTargetIsRefused() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    Slot from = f.slot(tenant, p);
    Slot to = f.slot(tenant, p, 2);
    Booking booking = f.bookings.book(tenant.id(), from.id(), Fixtures.email(), 3);
    BookingException e =
        assertThrows(
            BookingException.class,
            () -> f.bookings.reschedule(tenant.id(), booking.reference(), to.id()));
    assertEquals(BookingException.Reason.SOLD_OUT, e.reason());
    assertEquals(
        from.id(),
        f.bookings.findByReference(tenant.id(), booking.reference()).orElseThrow().slotId());
  }

  @Test
  void cancelledBookingCannotMove() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    Slot from = f.slot(tenant, p);
    Slot to = f.slot(tenant, p);
    Booking booking = f.bookings.book(tenant.id(), from.id(), Fixtures.email(), 1);
    f.bookings.cancel(tenant.id(), booking.reference());
    assertThrows(
        BookingException.class,
        () -> f.bookings.reschedule(tenant.id(), booking.reference(), to.id()));
  }

  @Test
  void cannotMoveToAnotherTenantsSlot() {
    Tenant tenant = f.tenant();
    Tenant other = f.tenant();
    Slot from = f.slot(tenant, f.tourPackage(tenant));
    Slot foreign = f.slot(other, f.tourPackage(other));
    Booking booking = f.bookings.book(tenant.id(), from.id(), Fixtures.email(), 1);
    BookingException e =
        assertThrows(
            BookingException.class,
            () -> f.bookings.reschedule(tenant.id(), booking.reference(), foreign.id()));
    assertEquals(BookingException.Reason.WRONG_TENANT, e.reason());
  }

  @Test
  void referenceStaysTheSame() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    Booking booking = f.bookings.book(tenant.id(), f.slot(tenant, p).id(), Fixtures.email(), 1);
    Booking moved = f.bookings.reschedule(tenant.id(), booking.reference(), f.slot(tenant, p).id());
    assertEquals(booking.reference(), moved.reference());
    assertEquals(booking.id(), moved.id());
  }
}
