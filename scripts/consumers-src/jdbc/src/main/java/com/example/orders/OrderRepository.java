package com.example.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Orders by their unique reference, in whatever database the DataSource points at. */
public final class OrderRepository {
  private final DataSource dataSource;

  public OrderRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void createTable() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "CREATE TABLE IF NOT EXISTS consumer_orders (reference text PRIMARY KEY, amount int)")) {
      s.execute();
    }
  }

  public void save(String reference, int amount) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("INSERT INTO consumer_orders (reference, amount) VALUES (?, ?)")) {
      s.setString(1, reference);
      s.setInt(2, amount);
      s.executeUpdate();
    }
  }

  public Optional<Integer> amount(String reference) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT amount FROM consumer_orders WHERE reference = ?")) {
      s.setString(1, reference);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
      }
    }
  }
}
