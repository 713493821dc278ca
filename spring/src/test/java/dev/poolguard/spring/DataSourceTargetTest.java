package dev.poolguard.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.commons.dbcp2.BasicDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The data sources are configured, never started: reading their target opens no connection. */
class DataSourceTargetTest {
  private static final String URL = "jdbc:postgresql://db.example:5432/shop";

  @Test
  void aHikariPoolIsReadWithItsUrlUserAndPassword() {
    try (HikariDataSource hikari = new HikariDataSource()) {
      hikari.setJdbcUrl(URL);
      hikari.setUsername("app");
      hikari.setPassword("s3cret");
      assertEquals(new DataSourceTarget(URL, "app", "s3cret"), DataSourceTarget.of(hikari));
    }
  }

  @Test
  void aHikariPoolConfiguredWithADataSourceClassNameHasNoUrl() {
    try (HikariDataSource hikari = new HikariDataSource()) {
      hikari.setDataSourceClassName(PGSimpleDataSource.class.getName());
      assertEquals(new DataSourceTarget(null, null, null), DataSourceTarget.of(hikari));
    }
  }

  @Test
  void aDriverBasedSpringDataSourceIsRead() {
    DriverManagerDataSource driverBased = new DriverManagerDataSource(URL, "app", "s3cret");
    assertEquals(new DataSourceTarget(URL, "app", "s3cret"), DataSourceTarget.of(driverBased));
  }

  @Test
  void aTomcatPoolIsReadByItsPropertyNames() {
    org.apache.tomcat.jdbc.pool.DataSource tomcat = new org.apache.tomcat.jdbc.pool.DataSource();
    tomcat.setUrl(URL);
    tomcat.setUsername("app");
    tomcat.setPassword("s3cret");
    assertEquals(new DataSourceTarget(URL, "app", "s3cret"), DataSourceTarget.of(tomcat));
  }

  @Test
  void aDbcp2PoolIsReadByItsPropertyNames() throws Exception {
    try (BasicDataSource dbcp2 = new BasicDataSource()) {
      dbcp2.setUrl(URL);
      dbcp2.setUsername("app");
      dbcp2.setPassword("s3cret");
      assertEquals(new DataSourceTarget(URL, "app", "s3cret"), DataSourceTarget.of(dbcp2));
    }
  }

  @Test
  void aDriversOwnDataSourceIsNoPoolAndHasNoTarget() {
    PGSimpleDataSource driversOwn = new PGSimpleDataSource();
    driversOwn.setURL(URL);
    assertNull(DataSourceTarget.of(driversOwn));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:h2:mem:orders",
        "JDBC:H2:MEM:orders;DB_CLOSE_DELAY=-1",
        "jdbc:hsqldb:mem:orders",
        "jdbc:derby:memory:orders;create=true",
        "jdbc:sqlite::memory:"
      })
  void anInMemoryDatabaseIsRecognised(String url) {
    assertTrue(new DataSourceTarget(url, null, null).isInMemory());
  }

  @ParameterizedTest
  @ValueSource(strings = {URL, "jdbc:h2:file:./target/orders", "jdbc:h2:tcp://db/mem:orders"})
  void aDatabaseOutsideThisJvmIsNotInMemory(String url) {
    assertFalse(new DataSourceTarget(url, null, null).isInMemory());
  }

  @Test
  void aTargetWithoutUrlIsNotInMemory() {
    assertFalse(new DataSourceTarget(null, null, null).isInMemory());
  }

  @Test
  void toStringMasksAPasswordParameterAndKeepsTheOthers() {
    String text =
        new DataSourceTarget(URL + "?ssl=true&password=s3cret&ApplicationName=shop", "app", null)
            .toString();
    assertTrue(text.contains(URL + "?ssl=true&password=****&ApplicationName=shop"), text);
    assertFalse(text.contains("s3cret"), text);
  }

  @Test
  void toStringMasksAPasswordInTheUserInfo() {
    String text =
        new DataSourceTarget("jdbc:mysql://app:s3cret@db.example:3306/shop", null, null).toString();
    assertTrue(text.contains("jdbc:mysql://app:****@db.example:3306/shop"), text);
    assertFalse(text.contains("s3cret"), text);
  }

  @Test
  void toStringSaysAPasswordIsSetWithoutShowingIt() {
    String text = new DataSourceTarget(URL, "app", "s3cret").toString();
    assertEquals("DataSourceTarget[" + URL + ", user app, password ****]", text);
  }

  @Test
  void toStringSaysWhenThereIsNoPassword() {
    assertEquals(
        "DataSourceTarget[null, user null, password none]",
        new DataSourceTarget(null, null, null).toString());
  }
}
