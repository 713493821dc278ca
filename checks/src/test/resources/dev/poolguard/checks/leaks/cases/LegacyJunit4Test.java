package com.acme.legacy;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import dev.poolguard.runtime.SharedTestDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.ExternalResource;

/** JUnit 4: @Before/@After, @BeforeClass/@AfterClass and a rule. */
public class LegacyJunit4Test {
  private static DataSource dataSource;
  private static Connection schemaConnection;
  private Connection connection;
  private Connection leaked;
  private Connection viaRule;

  @Rule
  public final ExternalResource connectionRule =
      new ExternalResource() {
        @Override
        protected void before() throws SQLException {
          viaRule = dataSource.getConnection();
        }

        @Override
        protected void after() {
          try {
            viaRule.close();
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        }
      };

  @BeforeClass
  public static void setUpClass() throws SQLException {
    dataSource = SharedTestDataSource.get();
    schemaConnection = dataSource.getConnection();
  }

  @AfterClass
  public static void tearDownClass() throws SQLException {
    schemaConnection.close();
  }

  @Before
  public void setUp() throws SQLException {
    connection = dataSource.getConnection();
    // BUG: Diagnostic contains: field never closed in teardown
    leaked = dataSource.getConnection();
  }

  @After
  public void tearDown() throws SQLException {
    connection.close();
  }

  @Test
  public void works() throws SQLException {
    assertTrue(connection.isValid(1));
    assertNotNull(leaked);
    assertNotNull(viaRule);
  }

  @Test
  public void leaksInTheTest() throws SQLException {
    // BUG: Diagnostic contains: it is only passed to assertNotNull(..)
    assertNotNull(dataSource.getConnection());
  }

  @Test
  public void expectsFailureTheOldWay() {
    try {
      dataSource.getConnection();
      org.junit.Assert.fail("expected the pool to be exhausted");
    } catch (SQLException expected) {
      // the pool is exhausted
    }
  }
}
