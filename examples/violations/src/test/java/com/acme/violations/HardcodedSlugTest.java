package com.acme.violations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolguard.runtime.SharedTestDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fixed unique keys: pass alone, collide with a parallel class, a second fork, or the next run. */
class HardcodedSlugTest {
  private static final DataSource DB = SharedTestDataSource.get();

  @BeforeAll
  static void createTable() throws Exception {
    try (Connection connection = DB.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS violations_package (slug VARCHAR(100) PRIMARY KEY, name VARCHAR(100))");
    }
  }

  @Test
  void storesPackage() throws Exception {
    TourPackage tour = new TourPackage();
    tour.setSlug("test-package"); // HardcodedTestSlug (fix: UniqueSlugs.of("test-package"))
    tour.setName("Test package");
    insert(tour);
    assertEquals("Test package", nameOf(tour.getSlug()));
  }

  @Test
  void storesPackageFromBuilder() throws Exception {
    TourPackage tour = TourPackage.builder().slug("sunset-cruise").name("Sunset cruise").build(); // HardcodedTestSlug
    insert(tour);
    assertEquals("Sunset cruise", nameOf(tour.getSlug()));
  }

  private static void insert(TourPackage tour) throws Exception {
    try (Connection connection = DB.getConnection();
        PreparedStatement insert =
            connection.prepareStatement("INSERT INTO violations_package (slug, name) VALUES (?, ?)")) {
      insert.setString(1, tour.getSlug());
      insert.setString(2, tour.getName());
      insert.executeUpdate();
    }
  }

  private static String nameOf(String slug) throws Exception {
    try (Connection connection = DB.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT name FROM violations_package WHERE slug = ?")) {
      query.setString(1, slug);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }
}
