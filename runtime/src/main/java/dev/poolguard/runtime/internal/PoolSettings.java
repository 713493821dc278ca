package dev.poolguard.runtime.internal;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to build the shared pool, resolved and validated. {@link #toString()} never
 * shows the password.
 *
 * @param url where to connect, credentials taken out of the URL
 * @param user the user name, or {@code null} for the driver's default
 * @param password the password, or {@code null}
 * @param maxPoolSize the most connections the pool opens
 * @param acquireTimeout how long a borrow waits for a free connection before failing
 * @param connectTimeout how long the driver may take to open one connection
 * @param leakThreshold a connection held longer than this is reported as a suspected leak; zero:
 *     never
 * @param source where the URL came from, for messages ("system property poolguard.url", ...)
 * @param driverProperties properties handed to the driver with each connect
 * @param budget the most server connections all PoolGuard pools of all JVMs on this database hold
 *     together; zero: no budget
 * @param pgbouncer whether the URL said {@code pgbouncer=true}: a transaction-pooling proxy is in
 *     between, so the server's views describe the proxy's side, not ours
 */
record PoolSettings(
    DatabaseUrl url,
    @Nullable String user,
    @Nullable String password,
    int maxPoolSize,
    Duration acquireTimeout,
    Duration connectTimeout,
    Duration leakThreshold,
    String source,
    Map<String, String> driverProperties,
    int budget,
    boolean pgbouncer) {

  PoolSettings {
    driverProperties = Map.copyOf(driverProperties);
  }

  /** The same settings with another pool size: what the capacity pre-flight leaves free. */
  PoolSettings withMaxPoolSize(int size) {
    return new PoolSettings(
        url,
        user,
        password,
        size,
        acquireTimeout,
        connectTimeout,
        leakThreshold,
        source,
        driverProperties,
        budget,
        pgbouncer);
  }

  boolean hasBudget() {
    return budget > 0;
  }

  /** {@code PostgreSQL 127.0.0.1:5432/test}: what the messages call the database. */
  String describeTarget() {
    return url.kind().displayName() + " " + url.target();
  }

  @Override
  public String toString() {
    return "PoolSettings["
        + describeTarget()
        + ", user "
        + user
        + ", password "
        + (password == null ? "none" : Redaction.MASK)
        + ", maxPoolSize "
        + maxPoolSize
        + ", acquireTimeout "
        + acquireTimeout.toMillis()
        + " ms, connectTimeout "
        + connectTimeout.toMillis()
        + " ms, leakThreshold "
        + leakThreshold.toMillis()
        + " ms, "
        + (budget > 0 ? "budget " + budget + ", " : "")
        + (pgbouncer ? "pgbouncer, " : "")
        + "from "
        + source
        + "]";
  }
}
