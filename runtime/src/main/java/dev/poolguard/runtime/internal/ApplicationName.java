package dev.poolguard.runtime.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The name every PoolGuard connection shows the server ({@code application_name} on PostgreSQL,
 * {@code program_name} on MariaDB): {@code <pool> <host> <run>}, where the pool name already
 * carries the JVM's process id ({@code poolguard-<pid>-<n>}). So {@code pg_stat_activity} tells who
 * is who, and a budget message can name the JVMs that hold the connections.
 */
final class ApplicationName {
  /** PostgreSQL keeps at most 63 bytes of it (NAMEDATALEN - 1). */
  static final int MAX_LENGTH = 63;

  private static final int MAX_HOST = 24;
  private static final int MAX_RUN = 16;

  private ApplicationName() {}

  static String of(String poolName) {
    String run =
        System.getProperty(RunId.PROPERTY, System.getenv().getOrDefault(RunId.VARIABLE, "local"));
    return of(poolName, localHost(), run);
  }

  static String of(String poolName, String host, String run) {
    String name =
        poolName + " " + shorten(Slugs.sanitize(host), MAX_HOST) + " " + shorten(run, MAX_RUN);
    return shorten(name, MAX_LENGTH);
  }

  /**
   * The JVM behind a name made by {@link #of}: {@code pid 4711 on ci-7}, or the name itself for
   * clients that are not PoolGuard's.
   */
  static String describeHolder(String applicationName) {
    return parse(applicationName)
        .map(h -> "pid " + h.pid() + " on " + h.host())
        .orElse(applicationName.isEmpty() ? "(no application name)" : applicationName);
  }

  static Optional<Holder> parse(String applicationName) {
    String[] parts = applicationName.split(" ", -1);
    if (parts.length < 2 || !parts[0].startsWith("poolguard-")) {
      return Optional.empty();
    }
    String[] pool = parts[0].split("-", -1);
    if (pool.length < 3) {
      return Optional.empty();
    }
    return Optional.of(new Holder(pool[1], parts[1]));
  }

  /** A JVM as its connections' application name describes it. */
  record Holder(String pid, String host) {}

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  private static String localHost() {
    String fromEnvironment = System.getenv("HOSTNAME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment.strip();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
