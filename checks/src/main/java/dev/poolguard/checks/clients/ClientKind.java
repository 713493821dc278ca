package dev.poolguard.checks.clients;

/**
 * What a recognised database-client construction hands the test.
 *
 * <p>Internal: public only because {@link ClientCatalog}, which the teardown package uses, returns
 * it. Not an API.
 */
public enum ClientKind {
  /** A {@code DataSource} or pool: opens and keeps connections of its own. */
  POOL("a connection pool of its own"),
  /**
   * A driver's plain {@code DataSource} (pgjdbc's {@code PGSimpleDataSource}, Spring's {@code
   * DriverManagerDataSource}, ...): it pools nothing and opens a new server connection on every
   * {@code getConnection()}.
   */
  UNPOOLED_DATA_SOURCE(
      "a data source that pools nothing: it opens a new server connection on every"
          + " getConnection()"),
  /** One physical connection, opened outside any pool. */
  CONNECTION("a raw connection outside the shared pool"),
  /** A higher-level client (Jdbi, jOOQ, JPA, R2DBC, MongoDB, Redis, Vert.x) built from a URL. */
  CLIENT("a database client of its own");

  private final String description;

  ClientKind(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }
}
