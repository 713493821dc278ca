package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** The one connection proxy every runtime layer uses, over real H2 and PostgreSQL connections. */
class ConnectionProxyTest {
  private final List<String> events = new ArrayList<>();
  private Connection h2;

  @BeforeEach
  void openH2() throws SQLException {
    h2 = DriverManager.getConnection("jdbc:h2:mem:poolguard-connection-proxy-test");
  }

  @AfterEach
  void closeH2() throws SQLException {
    h2.close();
  }

  /** A layer that records what it saw and passes the ending on. */
  private ConnectionProxy.Hooks recording(String name) {
    return new ConnectionProxy.Hooks() {
      @Override
      public void giveBack(Connection target, ConnectionProxy.Ending ending) throws SQLException {
        events.add(name + (ending.isClose() ? " close" : " abort"));
        ending.apply(target);
      }

      @Override
      public void creating(StatementSource source) {
        events.add(name + " makes a " + source.kind() + " statement");
      }
    };
  }

  @Test
  void closingTwiceGivesTheConnectionBackOnce() throws SQLException {
    Connection proxy = ConnectionProxy.of(h2, "test", recording("layer"));
    proxy.close();
    proxy.close();
    assertEquals(List.of("layer close"), events);
    assertTrue(h2.isClosed());
  }

  @Test
  void abortAfterCloseDoesNothing() throws SQLException {
    Connection proxy = ConnectionProxy.of(h2, "test", recording("layer"));
    proxy.close();
    proxy.abort(Runnable::run);
    assertEquals(List.of("layer close"), events);
  }

  @Test
  void abortGivesTheConnectionBackAsAnAbort() throws SQLException {
    Connection proxy = ConnectionProxy.of(h2, "test", recording("layer"));
    proxy.abort(Runnable::run);
    assertEquals(List.of("layer abort"), events);
  }

  @Test
  void aProxyIsClosedOnceGivenBackEvenWhenItsLayerKeepsTheTargetOpen() throws SQLException {
    Connection proxy = ConnectionProxy.of(h2, "test", (target, ending) -> events.add("kept"));
    proxy.close();
    assertTrue(proxy.isClosed());
    assertFalse(h2.isClosed());
  }

  @Test
  void aProxyIsEqualOnlyToItself() {
    Connection proxy = ConnectionProxy.of(h2, "test", recording("layer"));
    Connection other = ConnectionProxy.of(h2, "test", recording("layer"));
    assertEquals(proxy, proxy);
    assertNotEquals(proxy, other);
    assertNotEquals(proxy, h2);
    assertFalse(proxy.equals(null));
    assertEquals(System.identityHashCode(proxy), proxy.hashCode());
  }

  @Test
  void unwrapAndIsWrapperForAgree() throws SQLException {
    Connection proxy = ConnectionProxy.of(h2, "test", recording("layer"));
    assertSame(proxy, proxy.unwrap(Connection.class));
    assertTrue(proxy.isWrapperFor(Connection.class));
    assertSame(h2, proxy.unwrap(org.h2.jdbc.JdbcConnection.class));
    assertTrue(proxy.isWrapperFor(org.h2.jdbc.JdbcConnection.class));
    assertFalse(proxy.isWrapperFor(PGConnection.class));
  }

  @Test
  void layersComposeOutsideInEachOnce() throws SQLException {
    Connection inner = ConnectionProxy.of(h2, "inner", recording("inner"));
    Connection outer = ConnectionProxy.of(inner, "outer", recording("outer"));
    outer.createStatement().close();
    outer.close();
    outer.close();
    assertEquals(
        List.of(
            "outer makes a PLAIN statement",
            "inner makes a PLAIN statement",
            "outer close",
            "inner close"),
        events);
    assertTrue(h2.isClosed());
  }

  @Test
  void toStringSaysTheLayerAndTheTarget() {
    Connection proxy = ConnectionProxy.of(h2, "PoolGuard test layer", recording("layer"));
    assertEquals("PoolGuard test layer (" + h2 + ")", proxy.toString());
  }

  @Test
  void aPostgresConnectionUnwrapsThroughEveryLayerOfTheBudgetedPool() throws SQLException {
    SharedPool pool =
        SharedPool.open(TestDatabases.postgres("budget", "3"), "poolguard-test-proxy-budget");
    try {
      Connection borrowed = pool.borrow();
      assertEquals(borrowed, borrowed);
      assertTrue(borrowed.isWrapperFor(PGConnection.class));
      assertTrue(borrowed.unwrap(PGConnection.class).getBackendPID() > 0);
      borrowed.close();
      borrowed.close();
      assertEquals(0, pool.stats().inUse());
    } finally {
      pool.close();
    }
  }
}
