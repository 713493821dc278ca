package dev.poolguard.bench.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.poolguard.runtime.SharedTestDataSource;
import javax.sql.DataSource;

/**
 * How a generated test class gets its {@link DataSource}: the styles the runtime benchmark
 * compares. A new style is one more constant here and one more {@link RuntimeModes} entry.
 */
public enum PoolStyle {
  /**
   * A HikariCP pool with default settings per class, closed in {@code @AfterAll}: the suites
   * PoolGuard replaces.
   */
  PER_CLASS {
    @Override
    DataSource open(SuiteSettings settings) {
      HikariConfig config =
          new HikariConfig(); // HikariCP defaults: up to 10 connections, kept open
      config.setJdbcUrl(settings.perClassUrl());
      config.setUsername(settings.user());
      return new HikariDataSource(config);
    }

    @Override
    void close(DataSource dataSource) {
      ((HikariDataSource) dataSource).close();
    }
  },

  /**
   * {@link SharedTestDataSource#get()}: one pool for the JVM, closed when the launcher session
   * ends.
   */
  SHARED {
    @Override
    DataSource open(SuiteSettings settings) {
      return SharedTestDataSource.get();
    }

    @Override
    void close(DataSource dataSource) {
      // The shared pool outlives the class; the launcher session's end closes it.
    }
  };

  abstract DataSource open(SuiteSettings settings);

  abstract void close(DataSource dataSource);
}
