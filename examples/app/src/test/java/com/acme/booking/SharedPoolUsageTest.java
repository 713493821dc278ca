package com.acme.booking;

import static org.junit.jupiter.api.Assertions.*;

import dev.poolguard.runtime.PoolStats;
import dev.poolguard.runtime.SharedTestDataSource;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * What the suite relies on from PoolGuard: one small pool for the whole JVM, shared by every class.
 */
class SharedPoolUsageTest {
  private final Fixtures f = new Fixtures();

  @Test
  void everyClassGetsTheSameDataSource() {
    assertSame(SharedTestDataSource.get(), TestDatabase.get());
  }

  @Test
  void poolIsSizedToTheParallelism() {
    f.tenant();
    PoolStats stats = SharedTestDataSource.stats();
    assertEquals(3, stats.maximumPoolSize());
    assertTrue(stats.peakInUse() <= 3);
  }

  @Test
  void borrowsAreCounted() {
    long before = SharedTestDataSource.stats().borrows();
    f.tenant();
    assertTrue(SharedTestDataSource.stats().borrows() > before);
  }

  @Test
  void nothingTimesOut() throws Exception {
    try (Connection connection = f.db.getConnection()) {
      assertTrue(connection.isValid(1));
    }
    assertEquals(0, SharedTestDataSource.stats().acquireTimeouts());
  }
}
