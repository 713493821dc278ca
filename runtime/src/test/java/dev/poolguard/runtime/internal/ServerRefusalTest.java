package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/**
 * The refusals as the drivers raise them: pgjdbc's SQLState and server message, MariaDB
 * Connector/J's error codes and messages, PgBouncer's wording (it sends no SQLState of its own).
 */
class ServerRefusalTest {
  @Test
  void postgresTooManyConnectionsIsARefusalForLackOfSlots() {
    SQLException refusal =
        new SQLException("FATAL: too many connections for role \"app\"", "53300");
    assertTrue(ServerRefusal.isTooManyConnections(refusal));
  }

  @Test
  void mariadbServerLimitIsARefusalForLackOfSlots() {
    SQLException refusal =
        new SQLNonTransientConnectionException("Too many connections", "08004", 1040);
    assertTrue(ServerRefusal.isTooManyConnections(refusal));
  }

  @Test
  void mariadbGlobalUserLimitIsARefusalForLackOfSlots() {
    SQLException refusal =
        new SQLNonTransientConnectionException(
            "User app already has more than 'max_user_connections' active connections",
            "42000",
            1203);
    assertTrue(ServerRefusal.isTooManyConnections(refusal));
  }

  @Test
  void mariadbAccountLimitIsARefusalOnlyWhenItIsAboutConnections() {
    SQLException connections =
        new SQLException(
            "User 'app' has exceeded the 'max_user_connections' resource (current value: 2)",
            "42000",
            1226);
    SQLException queries =
        new SQLException(
            "User 'app' has exceeded the 'max_questions' resource (current value: 100)",
            "42000",
            1226);
    assertTrue(ServerRefusal.isTooManyConnections(connections));
    assertFalse(ServerRefusal.isTooManyConnections(queries));
  }

  @Test
  void pgbouncerClientLimitIsARefusalForLackOfSlots() {
    SQLException refusal = new SQLException("FATAL: no more connections allowed (max_client_conn)");
    assertTrue(ServerRefusal.isTooManyConnections(refusal));
  }

  @Test
  void aRefusalWrappedAsTheCauseIsFound() {
    SQLException refusal = new SQLException("FATAL: sorry, too many clients already", "53300");
    Exception wrapped =
        new SQLTransientConnectionException("pool: connection is not available", refusal);
    assertTrue(ServerRefusal.isTooManyConnections(new RuntimeException(wrapped)));
  }

  @Test
  void aWrongPasswordIsNotARefusalForLackOfSlots() {
    SQLException wrongPassword =
        new SQLException("FATAL: password authentication failed for user \"app\"", "28P01");
    assertFalse(ServerRefusal.isTooManyConnections(wrongPassword));
  }

  @Test
  void aFailureWithoutMessageIsNotARefusal() {
    assertFalse(ServerRefusal.isTooManyConnections(new SQLException()));
  }

  @Test
  void pgbouncersUnsupportedStartupParameterIsNamed() {
    SQLException refusal =
        new SQLException("FATAL: unsupported startup parameter: extra_float_digits", "08P01");
    assertEquals("extra_float_digits", ServerRefusal.unsupportedStartupParameter(refusal));
  }

  @Test
  void anUnsupportedStartupParameterDeepInTheCauseChainIsNamed() {
    SQLException refusal = new SQLException("FATAL: Unsupported startup parameter: search_path.");
    assertEquals(
        "search_path",
        ServerRefusal.unsupportedStartupParameter(new IllegalStateException("wrapped", refusal)));
  }

  @Test
  void anUnsupportedStartupParameterWithoutNameIsPgjdbcsExtraFloatDigits() {
    SQLException refusal = new SQLException("FATAL: unsupported startup parameter");
    assertEquals("extra_float_digits", ServerRefusal.unsupportedStartupParameter(refusal));
  }

  @Test
  void otherFailuresNameNoStartupParameter() {
    assertNull(
        ServerRefusal.unsupportedStartupParameter(
            new SQLException("FATAL: database \"shop\" does not exist", "3D000")));
    assertNull(ServerRefusal.unsupportedStartupParameter(new SQLException()));
  }
}
