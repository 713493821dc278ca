package com.acme.booking;

import static org.junit.jupiter.api.Assertions.*;

import com.acme.booking.AvailabilityService.Availability;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilityQueryTest {
  private static final LocalDateTime DAY = LocalDateTime.of(2031, 7, 1, 0, 0);
  private final Fixtures f = new Fixtures();

  @Test
  void listsSlotsInTheWindowEarliestFirst() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    Slot late = f.availability.openSlot(tenant.id(), p.id(), DAY.plusHours(15));
    Slot early = f.availability.openSlot(tenant.id(), p.id(), DAY.plusHours(9));
    List<Availability> found =
        f.availability.available(tenant.id(), p.id(), DAY, DAY.plusDays(1), 1);
    assertEquals(List.of(early.id(), late.id()), found.stream().map(a -> a.slot().id()).toList());
  }

  @Test
  void windowEndIsExclusive() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    f.availability.openSlot(tenant.id(), p.id(), DAY.plusDays(1));
    assertTrue(f.availability.available(tenant.id(), p.id(), DAY, DAY.plusDays(1), 1).isEmpty());
  }

  @Test
  void fullSlotsAreLeftOut() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    Slot slot = f.availability.openSlot(tenant.id(), p.id(), DAY.plusHours(10), 2);
    f.bookings.book(tenant.id(), slot.id(), Fixtures.email(), 2);
    assertTrue(f.availability.available(tenant.id(), p.id(), DAY, DAY.plusDays(1), 1).isEmpty());
  }

  @Test
  void groupsNeedEnoughSeats() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    Slot slot = f.availability.openSlot(tenant.id(), p.id(), DAY.plusHours(10), 5);
    f.bookings.book(tenant.id(), slot.id(), Fixtures.email(), 3);
    assertEquals(1, f.availability.available(tenant.id(), p.id(), DAY, DAY.plusDays(1), 2).size());
    assertTrue(f.availability.available(tenant.id(), p.id(), DAY, DAY.plusDays(1), 3).isEmpty());
  }

  @Test
  void reportsRemainingSeats() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    Slot slot = f.availability.openSlot(tenant.id(), p.id(), DAY.plusHours(10), 8);
    f.bookings.book(tenant.id(), slot.id(), Fixtures.email(), 3);
    assertEquals(
        5,
        f.availability
            .available(tenant.id(), p.id(), DAY, DAY.plusDays(1), 1)
            .get(0)
            .remainingSeats());
  }

  @Test
  void otherTenantsPackageIsNotFound() {
    Tenant owner = f.tenant();
    Tenant other = f.tenant();
    TourPackage p = f.tourPackage(owner);
    assertThrows(
        BookingException.class,
        () -> f.availability.available(other.id(), p.id(), DAY, DAY.plusDays(1), 1));
  }
}
