package com.acme.booking;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Figures a tenant sees on its dashboard. */
public final class ReportService {
  private final DataSource dataSource;

  public ReportService(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Confirmed revenue in cents per package slug, for every package of the tenant (0 when unsold).
   */
  public Map<String, Long> revenueByPackage(long tenantId) {
    return Jdbc.inTransaction(
        dataSource,
        "revenue report",
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT p.slug, COALESCE(SUM(CAST(b.seats AS BIGINT) * p.price_cents), 0)"
                      + " FROM booking.tour_package p"
                      + " LEFT JOIN booking.slot s ON s.package_id = p.id"
                      + " LEFT JOIN booking.booking b ON b.slot_id = s.id AND b.status = 'CONFIRMED'"
                      + " WHERE p.tenant_id = ? GROUP BY p.slug ORDER BY p.slug")) {
            query.setLong(1, tenantId);
            Map<String, Long> result = new LinkedHashMap<>();
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                result.put(rows.getString(1), rows.getLong(2));
              }
            }
            return result;
          }
        });
  }

  /** Seats booked over seats offered across the tenant's slots, 0.0 when nothing is offered. */
  public double occupancy(long tenantId) {
    return Jdbc.inTransaction(
        dataSource,
        "occupancy report",
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT (SELECT COALESCE(SUM(s.capacity), 0) FROM booking.slot s"
                      + "   JOIN booking.tour_package p ON p.id = s.package_id WHERE p.tenant_id = ?),"
                      + " (SELECT COALESCE(SUM(b.seats), 0) FROM booking.booking b"
                      + "   WHERE b.tenant_id = ? AND b.status = 'CONFIRMED')")) {
            query.setLong(1, tenantId);
            query.setLong(2, tenantId);
            try (ResultSet rows = query.executeQuery()) {
              rows.next();
              long offered = rows.getLong(1);
              return offered == 0 ? 0.0 : (double) rows.getLong(2) / offered;
            }
          }
        });
  }

  /** Number of confirmed bookings of the tenant. */
  public long confirmedBookings(long tenantId) {
    return Jdbc.inTransaction(
        dataSource,
        "booking count",
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT COUNT(*) FROM booking.booking WHERE tenant_id = ? AND status = 'CONFIRMED'")) {
            query.setLong(1, tenantId);
            try (ResultSet rows = query.executeQuery()) {
              rows.next();
              return rows.getLong(1);
            }
          }
        });
  }
}
