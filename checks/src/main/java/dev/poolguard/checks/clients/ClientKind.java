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
