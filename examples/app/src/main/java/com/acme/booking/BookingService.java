package com.acme.booking;

import static com.acme.booking.BookingException.Reason.ALREADY_CANCELLED;
import static com.acme.booking.BookingException.Reason.INVALID_VALUE;
import static com.acme.booking.BookingException.Reason.NOT_FOUND;
import static com.acme.booking.BookingException.Reason.PACKAGE_INACTIVE;
import static com.acme.booking.BookingException.Reason.SOLD_OUT;
import static com.acme.booking.BookingException.Reason.WRONG_TENANT;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Books seats. A booking locks its slot's row ({@code SELECT ... FOR UPDATE}) before counting the
 * seats taken, so concurrent bookings of one slot never oversell it.
 */
public final class BookingService {
  private static final String COLUMNS =
      "id, tenant_id, slot_id, customer_email, seats, status, reference";
  private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DataSource dataSource;

  public BookingService(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Booking book(long tenantId, long slotId, String customerEmail, int seats) {
    if (seats <= 0) {
      throw new BookingException(INVALID_VALUE, "book at least one seat, not " + seats);
    }
    if (customerEmail == null || !customerEmail.contains("@")) {
      throw new BookingException(INVALID_VALUE, "not an e-mail address: " + customerEmail);
    }
    String email = customerEmail.toLowerCase(Locale.ROOT);
    return Jdbc.inTransaction(
        dataSource,
        "booking slot " + slotId,
        connection -> {
          int free = lockAndCountFreeSeats(connection, tenantId, slotId);
          if (seats > free) {
            throw new BookingException(
                SOLD_OUT, "slot " + slotId + " has " + free + " seats left, not " + seats);
          }
          return insert(connection, tenantId, slotId, email, seats);
        });
  }

  /** Cancels a booking; its seats are free again. */
  public Booking cancel(long tenantId, String reference) {
    return Jdbc.inTransaction(
        dataSource,
        "cancelling " + reference,
        connection -> {
          Booking booking =
              find(connection, tenantId, reference)
                  .orElseThrow(() -> new BookingException(NOT_FOUND, "no booking " + reference));
          if (booking.status() == Booking.Status.CANCELLED) {
            throw new BookingException(
                ALREADY_CANCELLED, "booking " + reference + " is already cancelled");
          }
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE booking.booking SET status = 'CANCELLED' WHERE id = ?")) {
            update.setLong(1, booking.id());
            update.executeUpdate();
          }
          return find(connection, tenantId, reference).orElseThrow();
        });
  }

  /** Moves a booking to another departure of the same tenant, if that one has the seats. */
  public Booking reschedule(long tenantId, String reference, long newSlotId) {
    return Jdbc.inTransaction(
        dataSource,
        "rescheduling " + reference,
        connection -> {
          Booking booking =
              find(connection, tenantId, reference)
                  .orElseThrow(() -> new BookingException(NOT_FOUND, "no booking " + reference));
          if (booking.status() == Booking.Status.CANCELLED) {
            throw new BookingException(ALREADY_CANCELLED, "booking " + reference + " is cancelled");
          }
          int free = lockAndCountFreeSeats(connection, tenantId, newSlotId);
          if (booking.seats() > free) {
            throw new BookingException(
                SOLD_OUT,
                "slot " + newSlotId + " has " + free + " seats left, not " + booking.seats());
          }
          try (PreparedStatement update =
              connection.prepareStatement("UPDATE booking.booking SET slot_id = ? WHERE id = ?")) {
            update.setLong(1, newSlotId);
            update.setLong(2, booking.id());
            update.executeUpdate();
          }
          return find(connection, tenantId, reference).orElseThrow();
        });
  }

  public Optional<Booking> findByReference(long tenantId, String reference) {
    return Jdbc.inTransaction(
        dataSource, "finding " + reference, connection -> find(connection, tenantId, reference));
  }

  /** A customer's bookings with one tenant, newest first. */
  public List<Booking> forCustomer(long tenantId, String customerEmail) {
    return list(
        "SELECT "
            + COLUMNS
            + " FROM booking.booking WHERE tenant_id = ? AND customer_email = ? ORDER BY id DESC",
        tenantId,
        customerEmail.toLowerCase(Locale.ROOT));
  }

  /** Confirmed bookings on a slot, oldest first. */
  public List<Booking> confirmedOn(long tenantId, long slotId) {
    return list(
        "SELECT "
            + COLUMNS
            + " FROM booking.booking WHERE tenant_id = ? AND slot_id = ? AND status = 'CONFIRMED'"
            + " ORDER BY id",
        tenantId,
        slotId);
  }

  private int lockAndCountFreeSeats(Connection connection, long tenantId, long slotId)
      throws SQLException {
    int capacity;
    try (PreparedStatement lock =
        connection.prepareStatement(
            "SELECT s.capacity, p.tenant_id, p.active FROM booking.slot s"
                + " JOIN booking.tour_package p ON p.id = s.package_id WHERE s.id = ? FOR UPDATE")) {
      lock.setLong(1, slotId);
      try (ResultSet rows = lock.executeQuery()) {
        if (!rows.next()) {
          throw new BookingException(NOT_FOUND, "no slot " + slotId);
        }
        if (rows.getLong(2) != tenantId) {
          throw new BookingException(WRONG_TENANT, "slot " + slotId + " belongs to another tenant");
        }
        if (!rows.getBoolean(3)) {
          throw new BookingException(
              PACKAGE_INACTIVE, "slot " + slotId + " is of a package not on sale");
        }
        capacity = rows.getInt(1);
      }
    }
    try (PreparedStatement taken =
        connection.prepareStatement(
            "SELECT COALESCE(SUM(seats), 0) FROM booking.booking WHERE slot_id = ? AND status = 'CONFIRMED'")) {
      taken.setLong(1, slotId);
      try (ResultSet rows = taken.executeQuery()) {
        rows.next();
        return capacity - rows.getInt(1);
      }
    }
  }

  private static Booking insert(
      Connection connection, long tenantId, long slotId, String email, int seats)
      throws SQLException {
    String reference = newReference();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO booking.booking (tenant_id, slot_id, customer_email, seats, status, reference)"
                + " VALUES (?, ?, ?, ?, 'CONFIRMED', ?)",
            new String[] {"id"})) {
      insert.setLong(1, tenantId);
      insert.setLong(2, slotId);
      insert.setString(3, email);
      insert.setInt(4, seats);
      insert.setString(5, reference);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return new Booking(
            keys.getLong(1), tenantId, slotId, email, seats, Booking.Status.CONFIRMED, reference);
      }
    }
  }

  /** {@code BK-} and 12 characters from an alphabet without look-alikes: 60 bits of randomness. */
  static String newReference() {
    StringBuilder reference = new StringBuilder("BK-");
    for (int i = 0; i < 12; i++) {
      reference.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return reference.toString();
  }

  private static Optional<Booking> find(Connection connection, long tenantId, String reference)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT " + COLUMNS + " FROM booking.booking WHERE tenant_id = ? AND reference = ?")) {
      query.setLong(1, tenantId);
      query.setString(2, reference);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(map(rows)) : Optional.empty();
      }
    }
  }

  private List<Booking> list(String sql, Object... args) {
    return Jdbc.inTransaction(
        dataSource,
        sql,
        connection -> {
          try (PreparedStatement query = connection.prepareStatement(sql)) {
            Jdbc.bind(query, args);
            List<Booking> result = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                result.add(map(rows));
              }
            }
            return result;
          }
        });
  }

  private static Booking map(ResultSet rows) throws SQLException {
    return new Booking(
        rows.getLong(1),
        rows.getLong(2),
        rows.getLong(3),
        rows.getString(4),
        rows.getInt(5),
        Booking.Status.valueOf(rows.getString(6)),
        rows.getString(7));
  }
}
