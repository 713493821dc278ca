package com.acme.booking;

import static com.acme.booking.BookingException.Reason.INVALID_VALUE;
import static com.acme.booking.BookingException.Reason.NOT_FOUND;
import static com.acme.booking.BookingException.Reason.PACKAGE_INACTIVE;
import static com.acme.booking.BookingException.Reason.SLOT_TAKEN;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Departures of a package and the seats left on them. */
public final class AvailabilityService {
  /** A slot with the seats still free on it. */
  public record Availability(Slot slot, int remainingSeats) {}

  private final DataSource dataSource;
  private final PackageRepository packages;

  public AvailabilityService(DataSource dataSource) {
    this.dataSource = dataSource;
    this.packages = new PackageRepository(dataSource);
  }

  /** Opens a departure with the package's capacity. */
  public Slot openSlot(long tenantId, long packageId, LocalDateTime startsAt) {
    return openSlot(tenantId, packageId, startsAt, packages.get(tenantId, packageId).capacity());
  }

  public Slot openSlot(long tenantId, long packageId, LocalDateTime startsAt, int capacity) {
    TourPackage p = packages.get(tenantId, packageId);
    if (!p.active()) {
      throw new BookingException(PACKAGE_INACTIVE, "package " + p.slug() + " is not on sale");
    }
    if (capacity <= 0) {
      throw new BookingException(INVALID_VALUE, "a slot needs at least one seat, not " + capacity);
    }
    return Jdbc.inTransaction(
        dataSource,
        "opening a slot",
        connection -> insertSlot(connection, packageId, startsAt, capacity));
  }

  /**
   * Opens one departure a week at {@code time} on {@code firstDay}'s weekday, {@code weeks} times,
   * in one transaction: all or none.
   */
  public List<Slot> openWeekly(
      long tenantId, long packageId, LocalDate firstDay, LocalTime time, int weeks) {
    TourPackage p = packages.get(tenantId, packageId);
    if (weeks <= 0) {
      throw new BookingException(INVALID_VALUE, "weeks must be positive, not " + weeks);
    }
    return Jdbc.inTransaction(
        dataSource,
        "opening weekly slots",
        connection -> {
          List<Slot> slots = new ArrayList<>();
          for (int week = 0; week < weeks; week++) {
            slots.add(
                insertSlot(
                    connection, packageId, firstDay.plusWeeks(week).atTime(time), p.capacity()));
          }
          return slots;
        });
  }

  public int remainingSeats(long slotId) {
    return Jdbc.inTransaction(
        dataSource,
        "counting seats",
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT s.capacity - COALESCE(SUM(b.seats), 0) FROM booking.slot s"
                      + " LEFT JOIN booking.booking b ON b.slot_id = s.id AND b.status = 'CONFIRMED'"
                      + " WHERE s.id = ? GROUP BY s.capacity")) {
            query.setLong(1, slotId);
            try (ResultSet rows = query.executeQuery()) {
              if (!rows.next()) {
                throw new BookingException(NOT_FOUND, "no slot " + slotId);
              }
              return rows.getInt(1);
            }
          }
        });
  }

  /**
   * Departures of a package in {@code [from, to)} with at least {@code seats} free, earliest first.
   */
  public List<Availability> available(
      long tenantId, long packageId, LocalDateTime from, LocalDateTime to, int seats) {
    packages.get(tenantId, packageId);
    return Jdbc.inTransaction(
        dataSource,
        "listing availability",
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT s.id, s.package_id, s.starts_at, s.capacity,"
                      + " s.capacity - COALESCE(SUM(b.seats), 0) AS remaining"
                      + " FROM booking.slot s"
                      + " LEFT JOIN booking.booking b ON b.slot_id = s.id AND b.status = 'CONFIRMED'"
                      + " WHERE s.package_id = ? AND s.starts_at >= ? AND s.starts_at < ?"
                      + " GROUP BY s.id, s.package_id, s.starts_at, s.capacity"
                      + " HAVING s.capacity - COALESCE(SUM(b.seats), 0) >= ?"
                      + " ORDER BY s.starts_at")) {
            query.setLong(1, packageId);
            query.setTimestamp(2, Timestamp.valueOf(from));
            query.setTimestamp(3, Timestamp.valueOf(to));
            query.setInt(4, seats);
            List<Availability> result = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                result.add(new Availability(slot(rows), rows.getInt(5)));
              }
            }
            return result;
          }
        });
  }

  public Slot slot(long slotId) {
    return Jdbc.inTransaction(
        dataSource,
        "reading slot " + slotId,
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT id, package_id, starts_at, capacity FROM booking.slot WHERE id = ?")) {
            query.setLong(1, slotId);
            try (ResultSet rows = query.executeQuery()) {
              if (!rows.next()) {
                throw new BookingException(NOT_FOUND, "no slot " + slotId);
              }
              return slot(rows);
            }
          }
        });
  }

  private static Slot insertSlot(
      Connection connection, long packageId, LocalDateTime startsAt, int capacity)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO booking.slot (package_id, starts_at, capacity) VALUES (?, ?, ?)",
            new String[] {"id"})) {
      insert.setLong(1, packageId);
      insert.setTimestamp(2, Timestamp.valueOf(startsAt));
      insert.setInt(3, capacity);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return new Slot(keys.getLong(1), packageId, startsAt, capacity);
      }
    } catch (SQLException e) {
      if (Jdbc.isUniqueViolation(e)) {
        throw new BookingException(
            SLOT_TAKEN, "package " + packageId + " already departs at " + startsAt, e);
      }
      throw e;
    }
  }

  private static Slot slot(ResultSet rows) throws SQLException {
    return new Slot(
        rows.getLong(1), rows.getLong(2), rows.getTimestamp(3).toLocalDateTime(), rows.getInt(4));
  }
}
