package com.acme.booking;

import static com.acme.booking.BookingException.Reason.DUPLICATE_SLUG;
import static com.acme.booking.BookingException.Reason.INVALID_SLUG;
import static com.acme.booking.BookingException.Reason.INVALID_VALUE;
import static com.acme.booking.BookingException.Reason.NOT_FOUND;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** Signs up tenants and finds them by slug. */
public final class TenantRepository {
  /** Lower-case letters, digits and single dashes; no leading or trailing dash. */
  public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public static final int MAX_SLUG_LENGTH = 100;

  private final DataSource dataSource;

  public TenantRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Tenant create(NewTenant tenant) {
    requireSlug(tenant.slug());
    if (tenant.name() == null || tenant.name().isBlank()) {
      throw new BookingException(INVALID_VALUE, "a tenant needs a name");
    }
    try {
      ZoneId.of(tenant.timezone());
    } catch (DateTimeException | NullPointerException e) {
      throw new BookingException(INVALID_VALUE, "unknown time zone '" + tenant.timezone() + "'");
    }
    return Jdbc.inTransaction(
        dataSource,
        "creating tenant " + tenant.slug(),
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO booking.tenant (slug, name, timezone) VALUES (?, ?, ?)",
                  new String[] {"id"})) {
            insert.setString(1, tenant.slug());
            insert.setString(2, tenant.name());
            insert.setString(3, tenant.timezone());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
              keys.next();
              return new Tenant(keys.getLong(1), tenant.slug(), tenant.name(), tenant.timezone());
            }
          } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
              throw new BookingException(
                  DUPLICATE_SLUG, "the slug '" + tenant.slug() + "' is taken", e);
            }
            throw e;
          }
        });
  }

  public Optional<Tenant> findBySlug(String slug) {
    return Jdbc.inTransaction(
        dataSource,
        "finding tenant " + slug,
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT id, slug, name, timezone FROM booking.tenant WHERE slug = ?")) {
            query.setString(1, slug);
            try (ResultSet rows = query.executeQuery()) {
              return rows.next() ? Optional.of(map(rows)) : Optional.empty();
            }
          }
        });
  }

  public Tenant get(long id) {
    return Jdbc.inTransaction(
        dataSource,
        "reading tenant " + id,
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT id, slug, name, timezone FROM booking.tenant WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
              if (!rows.next()) {
                throw new BookingException(NOT_FOUND, "no tenant " + id);
              }
              return map(rows);
            }
          }
        });
  }

  public Tenant rename(long id, String newName) {
    if (newName == null || newName.isBlank()) {
      throw new BookingException(INVALID_VALUE, "a tenant needs a name");
    }
    Jdbc.inTransaction(
        dataSource,
        "renaming tenant " + id,
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement("UPDATE booking.tenant SET name = ? WHERE id = ?")) {
            update.setString(1, newName);
            update.setLong(2, id);
            if (update.executeUpdate() == 0) {
              throw new BookingException(NOT_FOUND, "no tenant " + id);
            }
            return null;
          }
        });
    return get(id);
  }

  static void requireSlug(String slug) {
    if (slug == null || slug.length() > MAX_SLUG_LENGTH || !SLUG.matcher(slug).matches()) {
      throw new BookingException(
          INVALID_SLUG,
          "'"
              + slug
              + "' is not a slug: use at most "
              + MAX_SLUG_LENGTH
              + " of a-z, 0-9 and single dashes");
    }
  }

  private static Tenant map(ResultSet rows) throws SQLException {
    return new Tenant(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4));
  }
}
