package dev.poolguard.runtime.internal;

import java.time.Duration;
import java.util.Map;

/**
 * The databases PoolGuard knows how to configure; anything else is passed to its driver untouched.
 */
enum DatabaseKind {
  POSTGRESQL("PostgreSQL", "jdbc:postgresql:", 5432, "org.postgresql:postgresql"),
  MARIADB("MariaDB", "jdbc:mariadb:", 3306, "org.mariadb.jdbc:mariadb-java-client"),
  MYSQL("MySQL", "jdbc:mysql:", 3306, "com.mysql:mysql-connector-j (or the MariaDB driver)"),
  H2("H2", "jdbc:h2:", 9092, "com.h2database:h2"),
  OTHER("database", "jdbc:", 0, "the JDBC driver for this URL");

  private final String displayName;
  private final String jdbcPrefix;
  private final int defaultPort;
  private final String driverArtifact;

  DatabaseKind(String displayName, String jdbcPrefix, int defaultPort, String driverArtifact) {
    this.displayName = displayName;
    this.jdbcPrefix = jdbcPrefix;
    this.defaultPort = defaultPort;
    this.driverArtifact = driverArtifact;
  }

  static DatabaseKind ofJdbcUrl(String jdbcUrl) {
    for (DatabaseKind kind : values()) {
      if (kind != OTHER
          && jdbcUrl.regionMatches(true, 0, kind.jdbcPrefix, 0, kind.jdbcPrefix.length())) {
        return kind;
      }
    }
    return OTHER;
  }

  String displayName() {
    return displayName;
  }

  String jdbcPrefix() {
    return jdbcPrefix;
  }

  int defaultPort() {
    return defaultPort;
  }

  String driverArtifact() {
    return driverArtifact;
  }

  /**
   * Bounds how long the driver may spend opening one connection, so an unreachable server fails
   * fast instead of waiting for the operating system's TCP timeout. Explicit driver properties win.
   */
  void applyConnectTimeout(Map<String, String> driverProperties, Duration timeout) {
    long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
    switch (this) {
      case POSTGRESQL -> {
        driverProperties.putIfAbsent("connectTimeout", Long.toString(seconds));
        driverProperties.putIfAbsent("loginTimeout", Long.toString(seconds));
      }
      case MARIADB, MYSQL ->
          driverProperties.putIfAbsent("connectTimeout", Long.toString(timeout.toMillis()));
      case H2, OTHER -> {
        // Embedded and unknown drivers: nothing to connect to, or no portable property to set.
      }
    }
  }

  /**
   * Settings safe for a transaction-pooling proxy such as PgBouncer, where consecutive statements
   * may run on different server connections: server-side prepared statements would not be found
   * there. PostgreSQL only; the resolver rejects {@code pgbouncer=true} for other databases.
   */
  void applyTransactionPooling(Map<String, String> driverProperties) {
    driverProperties.put("prepareThreshold", "0");
  }
}
