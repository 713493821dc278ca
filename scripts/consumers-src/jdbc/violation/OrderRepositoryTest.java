package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import dev.poolguard.runtime.UniqueSlugs;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

// The habit PoolGuard's checks stop: a pool of the test class's own, closed in @AfterAll.
class OrderRepositoryTest {
  private static HikariDataSource dataSource;

  @BeforeAll
  static void openPool() {
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/test");
    dataSource.setUsername("postgres");
  }

  @AfterAll
  static void closePool() {
    dataSource.close();
  }

  @Test
  void savedOrderIsFoundByItsReference() throws Exception {
    OrderRepository orders = new OrderRepository(dataSource);
    orders.createTable();
    String reference = UniqueSlugs.of("order");
    orders.save(reference, 42);
    assertEquals(Optional.of(42), orders.amount(reference));
  }
}
