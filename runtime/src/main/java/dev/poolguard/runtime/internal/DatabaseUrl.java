package dev.poolguard.runtime.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A database address as the user wrote it, taken apart: a JDBC URL without credentials, the
 * credentials, the target for messages (host, port, database), the PoolGuard options found in its
 * parameters and the parameters meant for the driver.
 *
 * <p>Two forms are accepted: any JDBC URL ({@code jdbc:...}), and the URI form used by PaaS
 * providers and Prisma ({@code
 * postgres://user:pass@host:5432/db?sslmode=require&connection_limit=3}), also with the schemes
 * {@code postgresql}, {@code mysql} and {@code mariadb}. Credentials are moved out of the URL so
 * the URL itself can appear in messages.
 */
final class DatabaseUrl {
  /** Parameters PoolGuard consumes itself rather than passing to the driver (Prisma's names). */
  static final String CONNECTION_LIMIT = "connection_limit";

  static final String POOL_TIMEOUT = "pool_timeout";
  static final String CONNECT_TIMEOUT = "connect_timeout";
  static final String PGBOUNCER = "pgbouncer";

  /** PoolGuard's own: the most server connections all JVMs on this database hold together. */
  static final String BUDGET = "budget";

  private static final Set<String> POOL_OPTIONS =
      Set.of(CONNECTION_LIMIT, POOL_TIMEOUT, CONNECT_TIMEOUT, PGBOUNCER, BUDGET);

  private final DatabaseKind kind;
  private final String jdbcUrl;
  private final String host;
  private final int port;
  private final String database;
  private final @Nullable String user;
  private final @Nullable String password;
  private final Map<String, String> poolOptions;
  private final Map<String, String> driverProperties;

  private DatabaseUrl(Builder b) {
    this.kind = b.kind;
    this.jdbcUrl = b.jdbcUrl;
    this.host = b.host;
    this.port = b.port;
    this.database = b.database;
    this.user = b.user;
    this.password = b.password;
    this.poolOptions = Map.copyOf(b.poolOptions);
    this.driverProperties = Map.copyOf(b.driverProperties);
  }

  /**
   * Parses {@code raw}.
   *
   * @throws IllegalArgumentException saying what is wrong, never echoing a password
   */
  static DatabaseUrl parse(String raw) {
    String url = raw.strip();
    if (url.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return parseJdbc(url);
    }
    int schemeEnd = url.indexOf("://");
    if (schemeEnd > 0) {
      return parseUri(
          url.substring(0, schemeEnd).toLowerCase(Locale.ROOT), url.substring(schemeEnd + 3));
    }
    throw new IllegalArgumentException(
        "it is neither a JDBC URL (jdbc:...) nor a postgres://, postgresql://, mysql:// or mariadb:// URI");
  }

  private static DatabaseUrl parseUri(String scheme, String rest) {
    Builder b = new Builder();
    b.kind =
        switch (scheme) {
          case "postgres", "postgresql" -> DatabaseKind.POSTGRESQL;
          // The MariaDB driver speaks to MySQL too, but only under its own jdbc:mariadb: prefix.
          case "mysql" ->
              onClasspath("com.mysql.cj.jdbc.Driver") || !onClasspath("org.mariadb.jdbc.Driver")
                  ? DatabaseKind.MYSQL
                  : DatabaseKind.MARIADB;
          case "mariadb" -> DatabaseKind.MARIADB;
          default ->
              throw new IllegalArgumentException(
                  "the scheme '"
                      + scheme
                      + "://' is not supported; use postgres://, postgresql://, mysql://, mariadb://"
                      + " or a jdbc: URL");
        };
    int queryStart = rest.indexOf('?');
    String beforeQuery = queryStart < 0 ? rest : rest.substring(0, queryStart);
    int pathStart = beforeQuery.indexOf('/');
    String authority = pathStart < 0 ? beforeQuery : beforeQuery.substring(0, pathStart);
    b.database = pathStart < 0 ? "" : decode(beforeQuery.substring(pathStart + 1), "database name");
    b.readAuthority(authority);
    if (queryStart >= 0) {
      for (String pair : rest.substring(queryStart + 1).split("&", -1)) {
        b.readUriParameter(pair);
      }
    }
    b.jdbcUrl = b.kind.jdbcPrefix() + "//" + authorityOf(b.host, b.port) + "/" + b.database;
    return new DatabaseUrl(b);
  }

  private static DatabaseUrl parseJdbc(String url) {
    Builder b = new Builder();
    b.kind = DatabaseKind.ofJdbcUrl(url);
    boolean semicolonStyle =
        b.kind == DatabaseKind.H2 || (b.kind == DatabaseKind.OTHER && url.indexOf('?') < 0);
    int paramsStart = semicolonStyle ? url.indexOf(';') : url.indexOf('?');
    String base = paramsStart < 0 ? url : url.substring(0, paramsStart);
    StringBuilder kept = new StringBuilder();
    if (paramsStart >= 0) {
      String separator = semicolonStyle ? ";" : "&";
      for (String pair : url.substring(paramsStart + 1).split(separator, -1)) {
        if (!pair.isEmpty() && !b.readJdbcParameter(pair)) {
          kept.append(kept.length() == 0 ? (semicolonStyle ? ";" : "?") : separator).append(pair);
        }
      }
    }
    int hostStart = base.indexOf("//");
    if (hostStart >= 0 && b.kind != DatabaseKind.OTHER && b.kind != DatabaseKind.H2) {
      String hostAndPath = base.substring(hostStart + 2);
      int pathStart = hostAndPath.indexOf('/');
      String authority = pathStart < 0 ? hostAndPath : hostAndPath.substring(0, pathStart);
      b.database = pathStart < 0 ? "" : hostAndPath.substring(pathStart + 1);
      b.readAuthority(authority);
      base =
          base.substring(0, hostStart + 2)
              + authorityOf(b.host, b.port)
              + (pathStart < 0 ? "" : hostAndPath.substring(pathStart));
    } else {
      b.host = "";
      b.database = base.substring(base.indexOf(':', 5) + 1);
    }
    b.jdbcUrl = base + kept;
    return new DatabaseUrl(b);
  }

  private static boolean onClasspath(String className) {
    try {
      Class.forName(className, false, Thread.currentThread().getContextClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static String authorityOf(String host, int port) {
    return port > 0 ? host + ":" + port : host;
  }

  private static String decode(String text, String what) {
    try {
      // '+' is a literal in URIs (only form encoding turns it into a space).
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // Deliberately without the decoder's message: it quotes the text, which may be a password.
      throw new IllegalArgumentException("the " + what + " has an invalid %-escape");
    }
  }

  DatabaseKind kind() {
    return kind;
  }

  /** The URL handed to the driver: no user or password in it. */
  String jdbcUrl() {
    return jdbcUrl;
  }

  /** {@code host:port/database} for network databases, otherwise the URL; for messages. */
  String target() {
    if (host.isEmpty()) {
      return jdbcUrl;
    }
    return authorityOf(host, port) + "/" + database;
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  String database() {
    return database;
  }

  @Nullable String user() {
    return user;
  }

  @Nullable String password() {
    return password;
  }

  /**
   * {@value #CONNECTION_LIMIT}, {@value #POOL_TIMEOUT}, {@value #CONNECT_TIMEOUT}, {@value
   * #PGBOUNCER}, {@value #BUDGET} as written.
   */
  Map<String, String> poolOptions() {
    return poolOptions;
  }

  /** URI query parameters meant for the driver (JDBC URLs keep theirs in the URL). */
  Map<String, String> driverProperties() {
    return driverProperties;
  }

  @Override
  public String toString() {
    return Redaction.url(jdbcUrl) + (user == null ? "" : " (user " + user + ")");
  }

  /** Filled in by the parse methods, which set every field before {@code new DatabaseUrl(b)}. */
  @SuppressWarnings("NullAway.Init")
  private static final class Builder {
    DatabaseKind kind;
    String jdbcUrl;
    String host;
    int port;
    String database;
    @Nullable String user;
    @Nullable String password;
    final Map<String, String> poolOptions = new LinkedHashMap<>();
    final Map<String, String> driverProperties = new LinkedHashMap<>();

    void readAuthority(String authority) {
      String hostPort = authority;
      int at = authority.lastIndexOf('@');
      if (at >= 0) {
        String userInfo = authority.substring(0, at);
        hostPort = authority.substring(at + 1);
        int colon = userInfo.indexOf(':');
        user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user name");
        if (colon >= 0) {
          password = decode(userInfo.substring(colon + 1), "password");
        }
      }
      // An IPv6 literal has colons of its own: [::1]:5432.
      int portSeparator =
          hostPort.startsWith("[") ? hostPort.indexOf("]:") + 1 : hostPort.lastIndexOf(':');
      boolean hasPort = hostPort.startsWith("[") ? portSeparator > 0 : portSeparator >= 0;
      host = hasPort ? hostPort.substring(0, portSeparator) : hostPort;
      if (host.isEmpty()) {
        throw new IllegalArgumentException("it names no host");
      }
      port = hasPort ? parsePort(hostPort.substring(portSeparator + 1)) : kind.defaultPort();
    }

    private static int parsePort(String text) {
      try {
        int value = Integer.parseInt(text);
        if (value > 0 && value <= 65535) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below, with the offending text
      }
      throw new IllegalArgumentException("the port '" + text + "' is not a number from 1 to 65535");
    }

    void readUriParameter(String pair) {
      if (pair.isEmpty()) {
        return;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq), "parameter name");
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), "value of " + key);
      if (!readCredentialOrOption(key, value)) {
        // Prisma's schema parameter is pgjdbc's currentSchema.
        driverProperties.put(
            kind == DatabaseKind.POSTGRESQL && key.equals("schema") ? "currentSchema" : key, value);
      }
    }

    /** Returns whether the parameter was taken out of the URL. */
    boolean readJdbcParameter(String pair) {
      int eq = pair.indexOf('=');
      return eq > 0
          && readCredentialOrOption(pair.substring(0, eq).strip(), pair.substring(eq + 1));
    }

    private boolean readCredentialOrOption(String key, String value) {
      String lower = key.toLowerCase(Locale.ROOT);
      if (lower.equals("password")) {
        password = value;
      } else if (lower.equals("user")) {
        user = value;
      } else if (POOL_OPTIONS.contains(lower)) {
        poolOptions.put(lower, value);
      } else {
        return false;
      }
      return true;
    }
  }
}
