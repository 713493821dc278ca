package dev.poolguard.spring.app.contexts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolguard.runtime.SharedTestDataSource;
import dev.poolguard.spring.app.SpringTestDatabases;
import dev.poolguard.spring.app.TestApplication;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * One test context signature per subclass; run in a nested launcher session by {@code
 * ContextCacheTest} (the names do not end in Test, so Surefire does not run them itself).
 */
@SpringBootTest(classes = TestApplication.class)
abstract class CachedContextBase {
  @Autowired DataSource dataSource;
  @Autowired ApplicationContext context;

  @Test
  void borrowsFromTheSharedPoolOfItsDatabase() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      assertEquals(true, connection.isValid(1));
      ContextObservations.saw(
          context,
          dataSource,
          SharedTestDataSource.stats(dataSource).poolName(),
          SpringTestDatabases.sessions(SpringTestDatabases.DATABASE, true),
          SpringTestDatabases.sessions(SpringTestDatabases.DATABASE, false));
    }
  }
}
