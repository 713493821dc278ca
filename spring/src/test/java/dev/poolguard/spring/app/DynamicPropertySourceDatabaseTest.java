package dev.poolguard.spring.app;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
class DynamicPropertySourceDatabaseTest {
  @DynamicPropertySource
  static void otherDatabase(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url", () -> SpringTestDatabases.url(SpringTestDatabases.OTHER_DATABASE));
  }

  @Autowired DataSource dataSource;

  @Test
  void aDynamicPropertySourceUrlGetsThatDatabasesSharedPool() {
    OtherDatabaseAssertions.assertServedByItsOwnSharedPool(dataSource);
  }
}
