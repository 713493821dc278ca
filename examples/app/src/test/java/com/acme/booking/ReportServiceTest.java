package com.acme.booking;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportServiceTest {
  private final Fixtures f = new Fixtures();

  @Test
  void revenueIsSeatsTimesPrice() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant, 10, 2500);
    f.bookings.book(tenant.id(), f.slot(tenant, p).id(), Fixtures.email(), 3);
    assertEquals(Map.of(p.slug(), 7500L), f.reports.revenueByPackage(tenant.id()));
  }

  @Test
  void unsoldPackagesShowZero() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    assertEquals(Map.of(p.slug(), 0L), f.reports.revenueByPackage(tenant.id()));
  }

  @Test
  void cancelledBookingsEarnNothing() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant, 10, 1000);
    Booking booking = f.bookings.book(tenant.id(), f.slot(tenant, p).id(), Fixtures.email(), 2);
    f.bookings.cancel(tenant.id(), booking.reference());
    assertEquals(0L, f.reports.revenueByPackage(tenant.id()).get(p.slug()));
  }

  @Test
  void occupancyIsBookedOverOffered() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    Slot a = f.slot(tenant, p, 10);
    f.slot(tenant, p, 10);
    f.bookings.book(tenant.id(), a.id(), Fixtures.email(), 5);
    assertEquals(0.25, f.reports.occupancy(tenant.id()), 1e-9);
  }

  @Test
  void noSlotsMeansZeroOccupancy() {
    Tenant tenant = f.tenant();
    f.tourPackage(tenant);
    assertEquals(0.0, f.reports.occupancy(tenant.id()));
  }
}
