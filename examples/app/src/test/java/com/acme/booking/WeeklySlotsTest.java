package com.acme.booking;

import static org.junit.jupiter.api.Assertions.*;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeeklySlotsTest {
  private static final LocalDate MONDAY = LocalDate.of(2031, 6, 2);
  private final Fixtures f = new Fixtures();

  @Test
  void opensOneSlotPerWeek() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    List<Slot> slots =
        f.availability.openWeekly(tenant.id(), p.id(), MONDAY, LocalTime.of(10, 0), 6);
    assertEquals(6, slots.size());
    assertEquals(MONDAY.plusWeeks(5).atTime(10, 0), slots.get(5).startsAt());
  }

  @Test
  void allSlotsAreOnTheSameWeekday() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    for (Slot slot : f.availability.openWeekly(tenant.id(), p.id(), MONDAY, LocalTime.NOON, 4)) {
      assertEquals(DayOfWeek.MONDAY, slot.startsAt().getDayOfWeek());
    }
  }

  @Test
  void clashRollsBackTheWholeSeries() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    f.availability.openSlot(tenant.id(), p.id(), MONDAY.plusWeeks(2).atTime(9, 0));
    assertThrows(
        BookingException.class,
        () -> f.availability.openWeekly(tenant.id(), p.id(), MONDAY, LocalTime.of(9, 0), 4));
    assertEquals(
        1,
        f.availability
            .available(
                tenant.id(), p.id(), MONDAY.atStartOfDay(), MONDAY.plusWeeks(8).atStartOfDay(), 1)
            .size());
  }

  @Test
  void zeroWeeksAreRefused() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    assertThrows(
        BookingException.class,
        () -> f.availability.openWeekly(tenant.id(), p.id(), MONDAY, LocalTime.NOON, 0));
  }

  @Test
  void seriesUsesThePackagesCapacity() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant, 7, 1000);
    assertTrue(
        f.availability.openWeekly(tenant.id(), p.id(), MONDAY, LocalTime.NOON, 3).stream()
            .allMatch(s -> s.capacity() == 7));
  }
}
