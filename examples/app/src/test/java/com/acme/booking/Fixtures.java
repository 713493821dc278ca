package com.acme.booking;

import dev.poolguard.runtime.UniqueSlugs;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Test data with keys from {@link UniqueSlugs}: every test makes its own tenant, so tests running
 * at the same time, or the same suite run again against the same database, never meet each other's
 * rows.
 */
final class Fixtures {
  static final LocalDateTime SEASON_START = LocalDateTime.of(2031, 5, 1, 9, 0);
  private static final AtomicInteger HOURS = new AtomicInteger();

  final DataSource db = TestDatabase.get();
  final TenantRepository tenants = new TenantRepository(db);
  final PackageRepository packages = new PackageRepository(db);
  final AvailabilityService availability = new AvailabilityService(db);
  final BookingService bookings = new BookingService(db);
  final ReportService reports = new ReportService(db);

  Tenant tenant() {
    return tenants.create(
        new NewTenant(UniqueSlugs.of("tenant"), UniqueSlugs.name("Tenant"), "Europe/Berlin"));
  }

  TourPackage tourPackage(Tenant tenant) {
    return tourPackage(tenant, 10, 2500);
  }

  TourPackage tourPackage(Tenant tenant, int capacity, int priceCents) {
    return packages.create(
        tenant.id(),
        new NewPackage(UniqueSlugs.of("city-walk"), "City walk", 90, capacity, priceCents));
  }

  Slot slot(Tenant tenant, TourPackage p) {
    return availability.openSlot(
        tenant.id(), p.id(), SEASON_START.plusHours(HOURS.incrementAndGet()));
  }

  Slot slot(Tenant tenant, TourPackage p, int capacity) {
    return availability.openSlot(
        tenant.id(), p.id(), SEASON_START.plusHours(HOURS.incrementAndGet()), capacity);
  }

  static String email() {
    return UniqueSlugs.email("customer");
  }
}
