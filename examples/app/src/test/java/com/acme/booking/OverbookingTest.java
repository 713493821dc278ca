package com.acme.booking;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OverbookingTest {
  private final Fixtures f = new Fixtures();

  @Test
  void lastSeatsCanBeBooked() {
    Tenant tenant = f.tenant();
    Slot slot = f.slot(tenant, f.tourPackage(tenant), 4);
    f.bookings.book(tenant.id(), slot.id(), Fixtures.email(), 4);
    assertEquals(0, f.availability.remainingSeats(slot.id()));
  }

  @Test
  void oneSeatTooManyIsSoldOut() {
    Tenant tenant = f.tenant();
    Slot slot = f.slot(tenant, f.tourPackage(tenant), 4);
    f.bookings.book(tenant.id(), slot.id(), Fixtures.email(), 3);
    BookingException e =
        assertThrows(
            BookingException.class,
            () -> f.bookings.book(tenant.id(), slot.id(), Fixtures.email(), 2));
    assertEquals(BookingException.Reason.SOLD_OUT, e.reason());
  }

  @Test
  void soldOutBookingLeavesNoRow() {
    Tenant tenant = f.tenant();
    Slot slot = f.slot(tenant, f.tourPackage(tenant), 2);
    assertThrows(
        BookingException.class, () -> f.bookings.book(tenant.id(), slot.id(), Fixtures.email(), 3));
    assertTrue(f.bookings.confirmedOn(tenant.id(), slot.id()).isEmpty());
  }

  @Test
  void concurrentBookingsNeverOversell() throws Exception {
    Tenant tenant = f.tenant();
    Slot slot = f.slot(tenant, f.tourPackage(tenant), 5);
    // Two threads: together with the other test classes running, still within the shared pool of 3.
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      List<Future<Boolean>> attempts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Callable<Boolean> attempt =
            () -> {
              try {
                f.bookings.book(tenant.id(), slot.id(), Fixtures.email(), 1);
                return true;
              } catch (BookingException e) {
                return false;
              }
            };
        attempts.add(executor.submit(attempt));
      }
      int booked = 0;
      for (Future<Boolean> attempt : attempts) {
        booked += attempt.get() ? 1 : 0;
      }
      assertEquals(5, booked);
      assertEquals(0, f.availability.remainingSeats(slot.id()));
    } finally {
      executor.shutdown();
    }
  }
}
