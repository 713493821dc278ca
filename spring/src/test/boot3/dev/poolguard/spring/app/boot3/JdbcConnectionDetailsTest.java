package dev.poolguard.spring.app.boot3;

import dev.poolguard.spring.app.OtherDatabaseAssertions;
import dev.poolguard.spring.app.SpringTestDatabases;
import dev.poolguard.spring.app.TestApplication;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A {@code JdbcConnectionDetails} bean, as {@code @ServiceConnection} contributes one, decides the
 * database over {@code spring.datasource.url} (Boot 3 package of the interface).
 */
@SpringBootTest(classes = {TestApplication.class, JdbcConnectionDetailsTest.Details.class})
class JdbcConnectionDetailsTest {
  @TestConfiguration(proxyBeanMethods = false)
  static class Details {
    @Bean
    JdbcConnectionDetails otherDatabase() {
      return new JdbcConnectionDetails() {
        @Override
        public String getUsername() {
          return SpringTestDatabases.ROLE;
        }

        @Override
        public String getPassword() {
          return SpringTestDatabases.PASSWORD;
        }

        @Override
        public String getJdbcUrl() {
          return SpringTestDatabases.url(SpringTestDatabases.OTHER_DATABASE);
        }
      };
    }
  }

  @Autowired DataSource dataSource;

  @Test
  void theConnectionDetailsDatabaseGetsItsSharedPool() {
    OtherDatabaseAssertions.assertServedByItsOwnSharedPool(dataSource);
  }
}
