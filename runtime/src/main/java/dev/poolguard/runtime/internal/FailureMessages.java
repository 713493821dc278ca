package dev.poolguard.runtime.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The wording of every failure: what happened, which database (never the password), where the
 * setting came from, and what to change. Kept in one place so the messages stay consistent and
 * reviewable.
 */
public final class FailureMessages {
  public static final String DOCS = "docs/configuration.md";

  static final String WHERE_URLS_GO =
      "the system property poolguard.url (-Dpoolguard.url=...), "
          + "the environment variable POOLGUARD_URL, DATABASE_URL_TEST or DATABASE_URL (first set wins), "
          + "or poolguard.url in a poolguard.properties file on the test classpath";

  private FailureMessages() {}

  static String noUrl() {
    return "PoolGuard: no database URL is configured and no embedded database (H2) is on the test classpath. "
        + "Give a URL in one of: "
        + WHERE_URLS_GO
        + ". Accepted forms: a JDBC URL "
        + "(jdbc:postgresql://127.0.0.1:5432/test) or postgres://user:pass@host:5432/db, mysql://, mariadb://. "
        + "Or add com.h2database:h2 as a test dependency for an in-memory database. See "
        + DOCS
        + ".";
  }

  static String malformedUrl(String source, String redactedUrl, String reason) {
    return "PoolGuard: the database URL from "
        + source
        + " is malformed: "
        + reason
        + ". URL (password hidden): "
        + redactedUrl
        + ". Fix: write it as jdbc:postgresql://host:5432/db or "
        + "postgres://user:pass@host:5432/db?connection_limit=3 (percent-encode special characters in the "
        + "password). See "
        + DOCS
        + ".";
  }

  static String badSetting(
      String setting, String value, String source, String target, String expected) {
    return "PoolGuard: "
        + setting
        + "="
        + value
        + " (from "
        + source
        + ") for "
        + target
        + " is not "
        + expected
        + ". Fix: correct it there; see "
        + DOCS
        + " for every setting and its default.";
  }

  static String noDriver(PoolSettings settings) {
    return "PoolGuard: no JDBC driver on the test classpath accepts the URL for "
        + settings.describeTarget()
        + " ("
        + Redaction.url(settings.url().jdbcUrl())
        + ", from "
        + settings.source()
        + "). Fix: add "
        + settings.url().kind().driverArtifact()
        + " as a test dependency.";
  }

  static String cannotConnect(PoolSettings settings, Throwable failure) {
    return "PoolGuard: cannot connect to "
        + settings.describeTarget()
        + asUser(settings)
        + " (URL from "
        + settings.source()
        + ", connect timeout "
        + seconds(settings.connectTimeout())
        + "): "
        + Redaction.scrub(driverMessage(failure), settings.password())
        + ". Fix: "
        + fixFor(settings, failure)
        + " Every later use in this test session fails at once with this message instead of waiting again.";
  }

  /**
   * " as user app", or nothing when no user is configured (the driver then uses its own default).
   */
  private static String asUser(PoolSettings settings) {
    return settings.user() == null || settings.user().isEmpty()
        ? ""
        : " as user " + settings.user();
  }

  static String lostConnection(PoolSettings settings, Throwable failure) {
    return "PoolGuard: no connection to "
        + settings.describeTarget()
        + " within the acquire timeout of "
        + seconds(settings.acquireTimeout())
        + " although the pool was not full: "
        + Redaction.scrub(driverMessage(failure), settings.password())
        + ". Fix: "
        + fixFor(settings, failure);
  }

  /**
   * Names every holder: its test (marked when that test has already finished: a suspected leak),
   * how long it has held the connection and where it borrowed it, longest-held first.
   */
  static String exhausted(PoolSettings settings, int held, List<BorrowSite> holders) {
    String sites =
        holders.isEmpty()
            ? " (none of them borrowed through SharedTestDataSource)"
            : holders.stream()
                .sorted(Comparator.comparingLong(BorrowSite::borrowedAtNanos))
                .map(BorrowSite::describe)
                .collect(Collectors.joining("\n  ", " by:\n  ", "\n"));
    return "PoolGuard: no connection free within "
        + seconds(settings.acquireTimeout())
        + " for "
        + settings.describeTarget()
        + ": the shared pool has "
        + count(settings.maxPoolSize(), "connection", "connections")
        + " and "
        + count(held, "is held", "are held")
        + sites
        + "Fix: close every Connection you borrow (try-with-resources) and do not "
        + "keep one in a field across tests; if the tests run in parallel, size the pool to the parallelism "
        + "with poolguard.maxPoolSize or connection_limit, within the server's connection budget.";
  }

  /** Why a test fails under {@code poolguard.leaks=fail}. */
  public static String leakedByTest(String owner, List<Leak> leaks) {
    return "PoolGuard: "
        + owner
        + " finished holding "
        + count(leaks.size(), "connection", "connections")
        + " of the shared pool (poolguard.leaks=fail): "
        + leaks.stream()
            .map(leak -> "borrowed at " + leak.where() + ", held " + elapsed(leak.heldFor()))
            .collect(Collectors.joining("; "))
        + ". Fix: close every Connection you borrow (try-with-resources); a connection kept for a whole "
        + "class is borrowed in @BeforeAll and closed in @AfterAll. See "
        + DOCS
        + ".";
  }

  /**
   * One dirty return: {@code session left dirty by com.acme.OrderTest#creates(), borrowed at
   * OrderTest.java:31: search_path = tenant_a, public; temporary table scratch. Restored ...}.
   */
  static String dirtySession(String owner, String where, List<Leftover> leftovers) {
    return "session left dirty by "
        + owner
        + ", borrowed at "
        + where
        + ": "
        + leftovers.stream().map(Leftover::what).collect(Collectors.joining("; "))
        + ". Restored before the next borrow (poolguard.hygiene). Fix: "
        + leftovers.stream()
            .map(Leftover::kind)
            .distinct()
            .map(kind -> kind.label() + ": " + kind.fix())
            .collect(Collectors.joining("; "))
        + ".";
  }

  /** The session of a returned connection could not be read or restored: it was closed. */
  static String unreadableSession(SQLException failure) {
    return "a session PoolGuard could not look at ("
        + driverMessage(failure)
        + "), closed instead of restored";
  }

  /** A statement failed because the server ended the session it ran on. */
  static String serverEnded(String owner, SQLException failure) {
    return "PoolGuard: the server ended the database session while "
        + owner
        + " was using it (SQLState "
        + failure.getSQLState()
        + ": "
        + driverMessage(failure)
        + "). A restart, a failover, an idle-session killer or pg_terminate_backend ends sessions, "
        + "not this test's SQL; the pool replaces the connection, and the next borrow gets a live one.";
  }

  /**
   * The server ended the session a test held between statements, with nothing running and nothing
   * to carry over, so its next statement ran on a new connection.
   */
  static String movedAfterServerEnded(String owner, String where) {
    return "the server ended the database session that "
        + owner
        + " held between two statements (a restart, a failover, an idle-session killer or"
        + " pg_terminate_backend), borrowed at "
        + where
        + "; nothing was running on it and it held no transaction or session state, so its next"
        + " statement ran on a new connection from the pool.";
  }

  /** A moved borrow read a sequence's currval, which only the ended session had. */
  static String sequencesLostInMove(String owner) {
    return "PoolGuard: "
        + owner
        + " reads a sequence's currval or lastval, but the server ended the session whose INSERT"
        + " set it, and the borrow moved to a new connection, where it is not set. Read the"
        + " generated key from the INSERT itself (RETURNING, or getGeneratedKeys) instead.";
  }

  /**
   * Back-pressure gave up: the server kept refusing for lack of slots until the acquire timeout.
   */
  static String refusedForLackOfSlots(
      PoolSettings settings, int refusals, Duration waited, Throwable lastRefusal) {
    return "PoolGuard: "
        + settings.describeTarget()
        + asUser(settings)
        + " refused "
        + count(refusals, "connection attempt", "connection attempts")
        + " in "
        + seconds(roundedToMillis(waited))
        + " (acquire timeout "
        + seconds(settings.acquireTimeout())
        + ", pool size "
        + settings.maxPoolSize()
        + ") for lack of connection slots: "
        + Redaction.scrub(driverMessage(lastRefusal), settings.password())
        + ". Fix: other clients hold the server's, the role's or the database's connections (see "
        + "pg_stat_activity / SHOW PROCESSLIST, or PgBouncer's SHOW CLIENTS); run fewer test JVMs at once, "
        + "share one budget between them with poolguard.budget=N (budget=N in the URL), or raise the limit. "
        + "See "
        + DOCS
        + ".";
  }

  /** No budget slot became free within the acquire timeout. */
  static String budgetExhausted(
      PoolSettings settings, int budget, int heldHere, Duration waited, List<String> holders) {
    return "PoolGuard: no connection to "
        + settings.describeTarget()
        + " within "
        + seconds(roundedToMillis(waited))
        + ": the budget of "
        + budget
        + " connections (poolguard.budget, for all JVMs on this database together: "
        + Math.max(1, budget - 1)
        + " to work with, one for the JVM waiting for its first) is in use, "
        + heldHere
        + " of them by this JVM. Held by"
        + (holders.isEmpty()
            ? " nobody any more (retry)"
            : holders.stream().collect(Collectors.joining("\n  ", ":\n  ", "\n")))
        + "Fix: give the budget more connections (poolguard.budget / budget=N), run fewer JVMs at once "
        + "(each live JVM gets about budget / JVMs, at least 1 while there are no more JVMs than the budget), "
        + "or lengthen poolguard.acquireTimeout. See "
        + DOCS
        + ".";
  }

  /** The capacity pre-flight found no connection slot free for this pool. */
  static String noCapacity(PoolSettings settings, CapacityPreflight.Capacity capacity) {
    return "PoolGuard: "
        + settings.describeTarget()
        + asUser(settings)
        + " has no connection slot free for a pool of "
        + settings.maxPoolSize()
        + " ("
        + capacity.numbers()
        + "). Biggest holders"
        + capacity.holders().stream().collect(Collectors.joining("\n  ", ":\n  ", "\n"))
        + "Fix: end the sessions that should not be there, run fewer test JVMs at once or share one budget "
        + "between them with poolguard.budget=N; see "
        + DOCS
        + ".";
  }

  /** The one line saying the capacity pre-flight made the pool smaller. */
  static String shrunk(PoolSettings settings, CapacityPreflight.Capacity capacity) {
    return "capacity pre-flight: "
        + settings.describeTarget()
        + " has room for "
        + capacity.free()
        + " of this pool's "
        + settings.maxPoolSize()
        + " connections ("
        + capacity.numbers()
        + "); the pool is shrunk to "
        + capacity.free()
        + ".";
  }

  private static Duration roundedToMillis(Duration duration) {
    return Duration.ofMillis(duration.toMillis() / 100 * 100);
  }

  static String unwrapRefused(Class<?> requested) {
    return "PoolGuard: the shared test DataSource does not hand out its pool (asked for "
        + requested.getName()
        + "): closing or reconfiguring it would break every other test in the run. Borrow connections with "
        + "getConnection() and close those; connections unwrap to driver types as usual. See "
        + DOCS
        + ".";
  }

  /** {@code 1 connection}, {@code 3 connections}. */
  static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** How long something took or lasted, for people: {@code 850 ms}, {@code 4.2 s}. */
  static String elapsed(Duration duration) {
    long millis = duration.toMillis();
    return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  /** The driver's own message: HikariCP wraps it in exceptions of its own that add nothing here. */
  private static String driverMessage(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && t.getClass().getName().startsWith("com.zaxxer.")) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.getClass().getName() : t.getMessage().strip();
    // Drivers end their sentences with a period; the caller adds its own.
    return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
  }

  private static String fixFor(PoolSettings settings, Throwable failure) {
    String where = " in " + settings.source() + ".";
    String refusedParameter = ServerRefusal.unsupportedStartupParameter(failure);
    if (refusedParameter != null) {
      return "a connection pooler in front of the database (PgBouncer) refuses the start-up parameter "
          + refusedParameter
          + " that the JDBC driver sends. Add ignore_startup_parameters = extra_float_digits to the "
          + "[pgbouncer] section of pgbouncer.ini and reload PgBouncer (that is how Java shops run it), "
          + "and use pgbouncer=true in the URL if it pools transactions.";
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return "the host '" + settings.url().host() + "' is unknown; correct the host name" + where;
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        return "nothing accepts connections at "
            + settings.url().host()
            + ":"
            + settings.url().port()
            + "; start the database (in CI: the service container) or correct the host and port"
            + where;
      }
      if (t instanceof SocketTimeoutException) {
        return "no answer from "
            + settings.url().host()
            + ":"
            + settings.url().port()
            + " within "
            + seconds(settings.connectTimeout())
            + "; check that the host is reachable (firewall, VPN) and "
            + "the port"
            + where;
      }
      if (t instanceof SQLException) {
        String state = String.valueOf(((SQLException) t).getSQLState());
        int code = ((SQLException) t).getErrorCode();
        if (state.startsWith("28") || code == 1045) {
          return "the server rejected user '"
              + settings.user()
              + "'; correct the user or password (given with "
              + "the URL, or poolguard.user / poolguard.password)"
              + where;
        }
        if (state.equals("3D000") || code == 1049) {
          return "the database '"
              + settings.url().database()
              + "' does not exist on the server; create it or "
              + "correct the name"
              + where;
        }
      }
    }
    return "check that the database is running and the URL is right" + where;
  }
}
