package dev.poolguard.spring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.poolguard.runtime.SharedTestDataSource;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The assertion of the tests whose context uses the second database. */
public final class OtherDatabaseAssertions {
  private OtherDatabaseAssertions() {}

  public static void assertServedByItsOwnSharedPool(DataSource dataSource) {
    assertEquals(
        SpringTestDatabases.OTHER_DATABASE,
        JdbcClient.create(dataSource)
            .sql("select current_database()")
            .query(String.class)
            .single());
    DataSource mainDatabase =
        SharedTestDataSource.forDatabase(
            SpringTestDatabases.url(SpringTestDatabases.DATABASE),
            SpringTestDatabases.ROLE,
            SpringTestDatabases.PASSWORD,
            "OtherDatabase assertion");
    assertNotEquals(
        SharedTestDataSource.stats(mainDatabase).poolName(),
        SharedTestDataSource.stats(dataSource).poolName(),
        "two databases, two pools");
    assertEquals(3, SharedTestDataSource.stats(dataSource).maximumPoolSize());
  }
}
