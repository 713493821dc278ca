package dev.poolguard.spring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.zaxxer.hikari.HikariDataSource;
import dev.poolguard.runtime.SharedTestDataSource;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * Code that injects {@code HikariDataSource} keeps working: the bean is still one, with the
 * settings Spring bound, but borrows from the shared pool and never starts its own.
 */
@SpringBootTest
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=17")
class ConcreteHikariTypeTest {
  @Autowired HikariDataSource hikari;

  @Test
  void theInjectedHikariDataSourceBorrowsFromTheSharedPool() throws Exception {
    long before = SharedTestDataSource.stats(hikari).borrows();
    try (Connection connection = hikari.getConnection()) {
      assertEquals(true, connection.isValid(1));
    }
    assertEquals(before + 1, SharedTestDataSource.stats(hikari).borrows());
    assertEquals(3, SharedTestDataSource.stats(hikari).maximumPoolSize());
  }

  @Test
  void itKeepsTheBoundSettingsButItsOwnPoolNeverStarts() {
    assertEquals(17, hikari.getMaximumPoolSize());
    assertEquals(SpringTestDatabases.url(SpringTestDatabases.DATABASE), hikari.getJdbcUrl());
    assertNull(hikari.getHikariPoolMXBean(), "HikariCP's own pool was never started");
  }
}
