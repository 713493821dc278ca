package com.acme.booking;

import static org.junit.jupiter.api.Assertions.*;

import dev.poolguard.runtime.UniqueSlugs;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class TransactionRollbackTest {
  private final Fixtures f = new Fixtures();

  @Test
  void refusedTenantLeavesNoRow() throws Exception {
    Tenant tenant = f.tenant();
    assertThrows(
        BookingException.class,
        () -> f.tenants.create(new NewTenant(tenant.slug(), "Second", "UTC")));
    assertEquals(1, count("SELECT COUNT(*) FROM booking.tenant WHERE slug = ?", tenant.slug()));
  }

  @Test
  void connectionIsUsableAfterARollback() {
    Tenant tenant = f.tenant();
    assertThrows(
        BookingException.class,
        () -> f.tenants.create(new NewTenant(tenant.slug(), "Again", "UTC")));
    assertEquals(tenant, f.tenants.findBySlug(tenant.slug()).orElseThrow());
  }

  @Test
  void connectionsComeBackInAutoCommit() throws Exception {
    f.tenant();
    try (Connection connection = f.db.getConnection()) {
      assertTrue(connection.getAutoCommit());
    }
  }

  @Test
  void refusedPackageLeavesNoRow() throws Exception {
    Tenant tenant = f.tenant();
    String slug = UniqueSlugs.of("broken");
    assertThrows(
        BookingException.class,
        () -> f.packages.create(tenant.id(), new NewPackage(slug, "B", 60, 10, -5)));
    assertEquals(0, count("SELECT COUNT(*) FROM booking.tour_package WHERE slug = ?", slug));
  }

  private long count(String sql, String arg) throws Exception {
    try (Connection connection = f.db.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, arg);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
