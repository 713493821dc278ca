package com.acme.ng;

import static org.testng.Assert.assertTrue;

import dev.poolguard.runtime.SharedTestDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.testng.annotations.AfterClass;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

public class TestNgLifecycleTest {
  private Connection classConnection;
  private Connection methodConnection;
  private Connection forgotten;

  @BeforeClass
  public void openClass() throws SQLException {
    classConnection = SharedTestDataSource.get().getConnection();
  }

  @AfterClass(alwaysRun = true)
  public void closeClass() throws SQLException {
    classConnection.close();
  }

  @BeforeMethod
  public void openMethod() throws SQLException {
    methodConnection = SharedTestDataSource.get().getConnection();
    // BUG: Diagnostic contains: field never closed in teardown
    forgotten = SharedTestDataSource.get().getConnection();
  }

  @AfterMethod(alwaysRun = true)
  public void closeMethod() throws SQLException {
    methodConnection.close();
  }

  @Test
  public void works() throws SQLException {
    assertTrue(methodConnection.isValid(1) && classConnection.isValid(1) && forgotten.isValid(1));
  }

  @Test
  public void leaksAChain() throws SQLException {
    // BUG: Diagnostic contains: discarded without being closed
    SharedTestDataSource.get().getConnection().createStatement().execute("select 1");
  }
}
