package com.acme.booking;

import static com.acme.booking.BookingException.Reason.DUPLICATE_SLUG;
import static com.acme.booking.BookingException.Reason.INVALID_VALUE;
import static com.acme.booking.BookingException.Reason.NOT_FOUND;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** A tenant's tour packages. Every query is scoped to one tenant. */
public final class PackageRepository {
  private static final String COLUMNS =
      "id, tenant_id, slug, name, duration_minutes, capacity, price_cents, active";

  private final DataSource dataSource;

  public PackageRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public TourPackage create(long tenantId, NewPackage p) {
    TenantRepository.requireSlug(p.slug());
    if (p.durationMinutes() <= 0 || p.capacity() <= 0 || p.priceCents() < 0) {
      throw new BookingException(
          INVALID_VALUE, "duration and capacity must be positive, price not negative: " + p);
    }
    return Jdbc.inTransaction(
        dataSource,
        "creating package " + p.slug(),
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO booking.tour_package (tenant_id, slug, name, duration_minutes, capacity,"
                      + " price_cents) VALUES (?, ?, ?, ?, ?, ?)",
                  new String[] {"id"})) {
            insert.setLong(1, tenantId);
            insert.setString(2, p.slug());
            insert.setString(3, p.name());
            insert.setInt(4, p.durationMinutes());
            insert.setInt(5, p.capacity());
            insert.setInt(6, p.priceCents());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
              keys.next();
              return new TourPackage(
                  keys.getLong(1),
                  tenantId,
                  p.slug(),
                  p.name(),
                  p.durationMinutes(),
                  p.capacity(),
                  p.priceCents(),
                  true);
            }
          } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
              throw new BookingException(
                  DUPLICATE_SLUG,
                  "tenant " + tenantId + " already has a package '" + p.slug() + "'",
                  e);
            }
            throw e;
          }
        });
  }

  public Optional<TourPackage> findBySlug(long tenantId, String slug) {
    List<TourPackage> found =
        query(
            "SELECT " + COLUMNS + " FROM booking.tour_package WHERE tenant_id = ? AND slug = ?",
            tenantId,
            slug);
    return found.stream().findFirst();
  }

  public TourPackage get(long tenantId, long packageId) {
    return query(
            "SELECT " + COLUMNS + " FROM booking.tour_package WHERE tenant_id = ? AND id = ?",
            tenantId,
            packageId)
        .stream()
        .findFirst()
        .orElseThrow(
            () ->
                new BookingException(
                    NOT_FOUND, "tenant " + tenantId + " has no package " + packageId));
  }

  /** Active packages, cheapest first, then by name. */
  public List<TourPackage> listActive(long tenantId) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM booking.tour_package WHERE tenant_id = ? AND active"
            + " ORDER BY price_cents, name",
        tenantId);
  }

  public List<TourPackage> listAll(long tenantId) {
    return query(
        "SELECT " + COLUMNS + " FROM booking.tour_package WHERE tenant_id = ? ORDER BY id",
        tenantId);
  }

  public TourPackage changePrice(long tenantId, long packageId, int priceCents) {
    if (priceCents < 0) {
      throw new BookingException(INVALID_VALUE, "a price cannot be negative: " + priceCents);
    }
    update(
        "UPDATE booking.tour_package SET price_cents = ? WHERE tenant_id = ? AND id = ?",
        priceCents,
        tenantId,
        packageId);
    return get(tenantId, packageId);
  }

  public TourPackage deactivate(long tenantId, long packageId) {
    update(
        "UPDATE booking.tour_package SET active = FALSE WHERE tenant_id = ? AND id = ?",
        tenantId,
        packageId);
    return get(tenantId, packageId);
  }

  private void update(String sql, Object... args) {
    Jdbc.inTransaction(
        dataSource,
        sql,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.bind(statement, args);
            if (statement.executeUpdate() == 0) {
              throw new BookingException(
                  NOT_FOUND, "no such package: " + List.of(args).subList(1, args.length));
            }
            return null;
          }
        });
  }

  private List<TourPackage> query(String sql, Object... args) {
    return Jdbc.inTransaction(
        dataSource,
        sql,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.bind(statement, args);
            List<TourPackage> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                result.add(
                    new TourPackage(
                        rows.getLong(1),
                        rows.getLong(2),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getInt(5),
                        rows.getInt(6),
                        rows.getInt(7),
                        rows.getBoolean(8)));
              }
            }
            return result;
          }
        });
  }
}
