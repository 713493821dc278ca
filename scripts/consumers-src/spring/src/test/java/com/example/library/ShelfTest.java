package com.example.library;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.SharedTestDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

// Nothing PoolGuard-specific in the set-up: poolguard-spring on the test classpath is the whole
// change.
@SpringBootTest
class ShelfTest {
  @Autowired Shelf shelf;
  @Autowired DataSource dataSource;

  @Test
  void contextQueriesRunOnPoolGuardsSharedPool() {
    String session = shelf.databaseSession();
    String pool = SharedTestDataSource.stats(dataSource).poolName();
    // PostgreSQL sees a PoolGuard pool's connections under the pool's name (application_name).
    assertTrue(
        !pool.isEmpty() && session.startsWith(pool + " "),
        () -> "application_name '" + session + "' is not of PoolGuard's pool '" + pool + "'");
  }
}
