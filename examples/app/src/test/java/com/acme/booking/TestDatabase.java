package com.acme.booking;

import dev.poolguard.runtime.SharedTestDataSource;
import javax.sql.DataSource;

/**
 * The one place tests get their database from: the shared PoolGuard pool, migrated once per test
 * JVM (the migration is idempotent, so repeated runs against the same database are fine). Nobody
 * closes it: PoolGuard does, after the last test.
 */
final class TestDatabase {
  private static final DataSource DATA_SOURCE = SharedTestDataSource.get();

  static {
    Migrations.migrate(DATA_SOURCE);
  }

  private TestDatabase() {}

  static DataSource get() {
    return DATA_SOURCE;
  }
}
