package com.acme.booking;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class BookingServiceTest {
  private final Fixtures f = new Fixtures();

  @Test
  void booksSeats() {
    Tenant tenant = f.tenant();
    Slot slot = f.slot(tenant, f.tourPackage(tenant));
    String email = Fixtures.email();
    Booking booking = f.bookings.book(tenant.id(), slot.id(), email, 3);
    assertEquals(3, booking.seats());
    assertEquals(email, booking.customerEmail());
    assertEquals(Booking.Status.CONFIRMED, booking.status());
  }

  @Test
  void bookingIsFoundByReference() {
    Tenant tenant = f.tenant();
    Slot slot = f.slot(tenant, f.tourPackage(tenant));
    Booking booking = f.bookings.book(tenant.id(), slot.id(), Fixtures.email(), 1);
    assertEquals(
        booking, f.bookings.findByReference(tenant.id(), booking.reference()).orElseThrow());
  }

  @Test
  void zeroSeatsAreRefused() {
    Tenant tenant = f.tenant();
    Slot slot = f.slot(tenant, f.tourPackage(tenant));
    assertThrows(
        BookingException.class, () -> f.bookings.book(tenant.id(), slot.id(), Fixtures.email(), 0));
  }

  @Test
  void emailIsRequired() {
    Tenant tenant = f.tenant();
    Slot slot = f.slot(tenant, f.tourPackage(tenant));
    assertThrows(
        BookingException.class, () -> f.bookings.book(tenant.id(), slot.id(), "not an address", 1));
  }

  @Test
  void emailIsStoredInLowerCase() {
    Tenant tenant = f.tenant();
    Slot slot = f.slot(tenant, f.tourPackage(tenant));
    String email = Fixtures.email();
    Booking booking =
        f.bookings.book(tenant.id(), slot.id(), email.toUpperCase(java.util.Locale.ROOT), 1);
    assertEquals(email, booking.customerEmail());
  }

  @Test
  void unknownSlotIsNotFound() {
    Tenant tenant = f.tenant();
    BookingException e =
        assertThrows(
            BookingException.class, () -> f.bookings.book(tenant.id(), -5, Fixtures.email(), 1));
    assertEquals(BookingException.Reason.NOT_FOUND, e.reason());
  }
}
