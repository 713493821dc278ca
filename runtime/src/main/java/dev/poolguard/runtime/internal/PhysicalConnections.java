package dev.poolguard.runtime.internal;

import dev.poolguard.runtime.PoolGuardException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * How the shared pool opens server connections (HikariCP calls {@link #getConnection()} whenever it
 * needs one). Two things happen here that a JDBC URL alone cannot do:
 *
 * <ul>
 *   <li>back-pressure: a server (or PgBouncer) that refuses for lack of connection slots is asked
 *       again after a jittered pause, until shortly before the acquire timeout; then one {@link
 *       CapacityException} says how often and what the server said;
 *   <li>the budget: with {@code poolguard.budget}, a connection is only kept once it holds a slot
 *       of the {@link ConnectionBudget}; otherwise it is closed and asked for again the same way.
 * </ul>
 */
final class PhysicalConnections implements DataSource {
  private static final long FIRST_PAUSE_MILLIS = 25;
  private static final long MAX_PAUSE_MILLIS = 400;

  private final PoolSettings settings;
  private final Driver driver;
  private final Properties properties;
  private final @Nullable ConnectionBudget budget;

  PhysicalConnections(
      PoolSettings settings,
      Driver driver,
      String applicationName,
      @Nullable ConnectionBudget budget) {
    this.settings = settings;
    this.driver = driver;
    this.budget = budget;
    this.properties = new Properties();
    properties.putAll(settings.driverProperties());
    switch (settings.url().kind()) {
      // Lets the server's own views tell PoolGuard's connections apart, per run, host and JVM.
      case POSTGRESQL -> properties.putIfAbsent("ApplicationName", applicationName);
      case MARIADB, MYSQL ->
          properties.putIfAbsent("connectionAttributes", "program_name:" + applicationName);
      case H2, OTHER -> {
        // No portable way to name a session.
      }
    }
    if (settings.user() != null) {
      properties.setProperty("user", settings.user());
    }
    if (settings.password() != null) {
      properties.setProperty("password", settings.password());
    }
  }

  static PhysicalConnections forSettings(
      PoolSettings settings, String applicationName, @Nullable ConnectionBudget budget) {
    try {
      return new PhysicalConnections(
          settings, DriverManager.getDriver(settings.url().jdbcUrl()), applicationName, budget);
    } catch (SQLException e) {
      throw new PoolGuardException(FailureMessages.noDriver(settings), e);
    }
  }

  /** One connection straight from the driver: no retry, no budget (for the capacity pre-flight). */
  Connection openDirect() throws SQLException {
    Connection connection = driver.connect(settings.url().jdbcUrl(), properties);
    if (connection == null) {
      throw new SQLException("the driver " + driver.getClass().getName() + " refused the URL");
    }
    return connection;
  }

  @Override
  public Connection getConnection() throws SQLException {
    long start = System.nanoTime();
    long deadline = start + patience().toNanos();
    ConnectionBudget slots = budget;
    if (slots == null) {
      return openWithBackPressure(start, deadline);
    }
    long pause = FIRST_PAUSE_MILLIS;
    // A pool without any slot takes its first one only as the waiter (one connection per database
    // at a time), asking for a slot again on that connection: a JVM that just gave a slot back
    // cannot take it again ahead of the JVM that waits for one, so every JVM gets its turn.
    Connection waiting = null;
    try {
      while (true) {
        if (slots.held() == 0) {
          if (waiting == null) {
            waiting = waiterOrClose(slots, openWithBackPressure(start, deadline));
          }
          if (waiting != null) {
            Connection slotted = slots.tryFirstSlot(waiting);
            if (slotted != null) {
              Connection waited = waiting;
              waiting = null;
              slots.stopWaiting(waited);
              return slotted;
            }
          }
        } else if (slots.mayGrow()) {
          Connection slotted = slots.tryGrow(openWithBackPressure(start, deadline));
          if (slotted != null) {
            return slotted;
          }
        }
        if (!pause(deadline, pause)) {
          throw new CapacityException(budgetExhausted(slots, since(start), waiting), null);
        }
        pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
      }
    } finally {
      if (waiting != null) {
        waiting.close();
      }
    }
  }

  /**
   * {@code physical} if it became the one waiting connection of the database, or {@code null} with
   * it closed (another JVM waits first, or asking failed).
   */
  private static @Nullable Connection waiterOrClose(ConnectionBudget slots, Connection physical)
      throws SQLException {
    boolean waiter = false;
    try {
      waiter = slots.becomeWaiter(physical);
      return waiter ? physical : null;
    } finally {
      if (!waiter) {
        physical.close();
      }
    }
  }

  /** Opens a connection, asking again while the server refuses for lack of slots. */
  private Connection openWithBackPressure(long start, long deadline) throws SQLException {
    long pause = FIRST_PAUSE_MILLIS;
    for (int refusals = 1; ; refusals++) {
      try {
        return openDirect();
      } catch (SQLException e) {
        if (!ServerRefusal.isTooManyConnections(e)) {
          throw e;
        }
        if (!pause(deadline, pause)) {
          throw new CapacityException(
              FailureMessages.refusedForLackOfSlots(settings, refusals, since(start), e), e);
        }
        pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
      }
    }
  }

  /**
   * The message for a budget that stayed full, with its holders read on the waiting connection, or
   * else on one opened for it (a full server may refuse that one; then the holders are not named).
   */
  private String budgetExhausted(
      ConnectionBudget budget, Duration waited, @Nullable Connection waiting) {
    List<String> holders;
    try {
      if (waiting != null) {
        holders = budget.holders(waiting);
      } else {
        try (Connection look = openDirect()) {
          holders = budget.holders(look);
        }
      }
    } catch (SQLException e) {
      holders =
          List.of(
              "not readable: "
                  + Redaction.scrub(String.valueOf(e.getMessage()), settings.password()));
    }
    return FailureMessages.budgetExhausted(
        settings, budget.budget(), budget.held(), waited, holders);
  }

  /**
   * Stops a little before the acquire timeout, so that the borrower waiting in HikariCP gets this
   * class's message as the cause instead of a bare time-out.
   */
  private Duration patience() {
    Duration timeout = settings.acquireTimeout();
    Duration margin =
        timeout.dividedBy(5).compareTo(Duration.ofMillis(250)) < 0
            ? timeout.dividedBy(5)
            : Duration.ofMillis(250);
    return timeout.minus(margin);
  }

  /** Sleeps a jittered {@code pause} (half to full) unless that passes {@code deadline}. */
  private static boolean pause(long deadline, long pauseMillis) throws SQLException {
    long jittered = pauseMillis / 2 + ThreadLocalRandom.current().nextLong(pauseMillis / 2 + 1);
    if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(jittered) >= deadline) {
      return false;
    }
    try {
      Thread.sleep(jittered);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a connection slot", e);
    }
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException(
        "PoolGuard's connections use the configured user; HikariCP never asks for another");
  }

  @Override
  public @Nullable PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(@Nullable PrintWriter out) {
    // Nothing is logged through the JDBC log writer.
  }

  /** The driver's own connect timeout (from poolguard.connectTimeout) bounds each attempt. */
  @Override
  public void setLoginTimeout(int seconds) {
    // Ignored: see above.
  }

  @Override
  public int getLoginTimeout() {
    return (int) settings.connectTimeout().toSeconds();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no java.util.logging logger");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("PhysicalConnections wraps no " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
