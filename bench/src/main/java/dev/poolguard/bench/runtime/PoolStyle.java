package dev.poolguard.bench.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.poolguard.runtime.SharedTestDataSource;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

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
   * The seeds' own cure, written by hand: one static HikariDataSource of PoolGuard's default size
   * (3) shared by every class, otherwise HikariCP's defaults; closed once, after the suite ({@link
   * #closeStatic}). What the shared pool's per-borrow cost is measured against.
   */
  STATIC {
    @Override
    DataSource open(SuiteSettings settings) {
      return StaticPool.get(settings);
    }

    @Override
    void close(DataSource dataSource) {
      // Kept for the next class, as a static holder does.
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

  /** Closes the hand-written static pool, if the suite opened it. */
  static void closeStatic() {
    StaticPool.close();
  }

  /** The hand-written holder: created on first use, behind a lock, as such holders are. */
  private static final class StaticPool {
    private static @Nullable HikariDataSource pool;

    static synchronized DataSource get(SuiteSettings settings) {
      if (pool == null) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.perClassUrl());
        config.setUsername(settings.user());
        config.setMaximumPoolSize(3);
        pool = new HikariDataSource(config);
      }
      return pool;
    }

    static synchronized void close() {
      if (pool != null) {
        pool.close();
        pool = null;
      }
    }
  }

  abstract DataSource open(SuiteSettings settings);

  abstract void close(DataSource dataSource);
}
