package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolguard.runtime.SharedTestDataSource;
import dev.poolguard.runtime.UniqueSlugs;
import java.util.Optional;
import org.junit.jupiter.api.Test;

// Fixed as PerTestDatabaseClient's message says: the shared pool, never closed by a test.
class OrderRepositoryTest {
  @Test
  void savedOrderIsFoundByItsReference() throws Exception {
    OrderRepository orders = new OrderRepository(SharedTestDataSource.get());
    orders.createTable();
    String reference = UniqueSlugs.of("order");
    orders.save(reference, 42);
    assertEquals(Optional.of(42), orders.amount(reference));
  }
}
