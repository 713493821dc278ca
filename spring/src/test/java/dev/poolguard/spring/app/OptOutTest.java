package dev.poolguard.spring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.poolguard.runtime.SharedTestDataSource;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A test of pool configuration itself opts its context out and gets Boot's own pool (closed after
 * the class, so the other tests can count that no pool but PoolGuard's connects).
 */
@SpringBootTest
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
    properties = {
      "poolguard.spring.enabled=false",
      "spring.datasource.hikari.maximum-pool-size=2",
      "spring.datasource.hikari.minimum-idle=0"
    })
class OptOutTest {
  @Autowired HikariDataSource hikari;
  @Autowired ApplicationContext context;

  @Test
  void theContextKeepsTheHikariPoolBootBuilt() throws Exception {
    try (Connection connection = hikari.getConnection()) {
      assertEquals(true, connection.isValid(1));
    }
    assertTrue(hikari.getHikariPoolMXBean().getTotalConnections() >= 1, "Boot's pool connected");
    assertTrue(SpringTestDatabases.sessions(SpringTestDatabases.DATABASE, false) >= 1);
    assertEquals(2, hikari.getMaximumPoolSize());
    assertThrows(IllegalArgumentException.class, () -> SharedTestDataSource.stats(hikari));
  }

  @Test
  void theContextSaysOnceThatItKeepsItsOwnPool(CapturedOutput output) {
    String said =
        "[PoolGuard] poolguard.spring.enabled=false in Spring test context "
            + Integer.toHexString(System.identityHashCode(context))
            + " (first for OptOutTest): its DataSource beans keep their own pools";
    assertEquals(1, output.getErr().lines().filter(line -> line.contains(said)).count());
    assertTrue(
        output.getErr().contains("(first: 'dataSource', " + HikariDataSource.class.getName()),
        output.getErr());
  }
}
