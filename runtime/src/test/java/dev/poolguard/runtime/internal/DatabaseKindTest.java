package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseKindTest {
  @Test
  void theKindComesFromTheJdbcPrefixInAnyCase() {
    assertEquals(DatabaseKind.POSTGRESQL, DatabaseKind.ofJdbcUrl("jdbc:postgresql://db/shop"));
    assertEquals(DatabaseKind.MARIADB, DatabaseKind.ofJdbcUrl("JDBC:MariaDB://db/shop"));
    assertEquals(DatabaseKind.MYSQL, DatabaseKind.ofJdbcUrl("jdbc:mysql://db/shop"));
    assertEquals(DatabaseKind.H2, DatabaseKind.ofJdbcUrl("jdbc:h2:mem:shop"));
  }

  @Test
  void anUnknownDriverIsOther() {
    assertEquals(DatabaseKind.OTHER, DatabaseKind.ofJdbcUrl("jdbc:sqlserver://db;databaseName=x"));
  }

  @Test
  void postgresGetsItsConnectTimeoutInWholeSecondsRoundedUp() {
    Map<String, String> properties = new HashMap<>();
    DatabaseKind.POSTGRESQL.applyConnectTimeout(properties, Duration.ofMillis(1500));
    assertEquals(Map.of("connectTimeout", "2", "loginTimeout", "2"), properties);
  }

  @Test
  void mariadbGetsItsConnectTimeoutInMilliseconds() {
    Map<String, String> properties = new HashMap<>();
    DatabaseKind.MARIADB.applyConnectTimeout(properties, Duration.ofMillis(1500));
    assertEquals(Map.of("connectTimeout", "1500"), properties);
  }

  @Test
  void aConnectTimeoutTheUserGaveTheDriverWins() {
    Map<String, String> properties = new HashMap<>(Map.of("connectTimeout", "30"));
    DatabaseKind.POSTGRESQL.applyConnectTimeout(properties, Duration.ofSeconds(5));
    assertEquals("30", properties.get("connectTimeout"));
    assertEquals("5", properties.get("loginTimeout"));
  }

  @Test
  void embeddedAndUnknownDriversGetNoConnectTimeout() {
    Map<String, String> properties = new HashMap<>();
    DatabaseKind.H2.applyConnectTimeout(properties, Duration.ofSeconds(5));
    DatabaseKind.OTHER.applyConnectTimeout(properties, Duration.ofSeconds(5));
    assertEquals(Map.of(), properties);
  }

  @Test
  void transactionPoolingTurnsOffServerSidePreparedStatements() {
    Map<String, String> properties = new HashMap<>();
    DatabaseKind.POSTGRESQL.applyTransactionPooling(properties);
    assertEquals(Map.of("prepareThreshold", "0"), properties);
  }
}
