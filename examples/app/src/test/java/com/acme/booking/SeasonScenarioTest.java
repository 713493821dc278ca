package com.acme.booking;

import static org.junit.jupiter.api.Assertions.*;

import dev.poolguard.runtime.UniqueSlugs;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** A tenant's season, step by step: the methods share one tenant and run in order. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeasonScenarioTest {
  private final Fixtures f = new Fixtures();
  private Tenant tenant;
  private TourPackage kayak;
  private List<Slot> slots;
  private Booking family;

  @Test
  @Order(1)
  void operatorSignsUp() {
    tenant =
        f.tenants.create(
            new NewTenant(UniqueSlugs.of("lake-kayaks"), "Lake Kayaks", "Europe/Zurich"));
    kayak =
        f.packages.create(
            tenant.id(),
            new NewPackage(UniqueSlugs.of("kayak-morning"), "Morning kayak", 180, 6, 6000));
    assertEquals(List.of(kayak), f.packages.listActive(tenant.id()));
  }

  @Test
  @Order(2)
  void opensTheSummer() {
    slots =
        f.availability.openWeekly(
            tenant.id(), kayak.id(), LocalDate.of(2031, 6, 7), LocalTime.of(8, 0), 12);
    assertEquals(12, slots.size());
  }

  @Test
  @Order(3)
  void familyBooksAndChangesTheDate() {
    family = f.bookings.book(tenant.id(), slots.get(0).id(), UniqueSlugs.email("family"), 4);
    family = f.bookings.reschedule(tenant.id(), family.reference(), slots.get(1).id());
    assertEquals(6, f.availability.remainingSeats(slots.get(0).id()));
    assertEquals(2, f.availability.remainingSeats(slots.get(1).id()));
  }

  @Test
  @Order(4)
  void endOfSeasonReport() {
    f.bookings.book(tenant.id(), slots.get(1).id(), UniqueSlugs.email("couple"), 2);
    assertEquals(36_000L, f.reports.revenueByPackage(tenant.id()).get(kayak.slug()));
    assertEquals(6.0 / 72, f.reports.occupancy(tenant.id()), 1e-9);
  }
}
