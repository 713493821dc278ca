package dev.poolguard.spring.app;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

@SpringBootTest
@TestPropertySource(properties = "spring.datasource.url=${poolguard.test.spring.other-url}")
class TestPropertySourceDatabaseTest {
  @Autowired DataSource dataSource;

  @Test
  void aTestPropertySourceUrlGetsThatDatabasesSharedPool() {
    OtherDatabaseAssertions.assertServedByItsOwnSharedPool(dataSource);
  }
}
