package dev.poolguard.spring;

import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadata;

/** The shared pool serving one {@code DataSource} bean, as Spring Boot reads a pool. */
final class SharedPoolMetadata implements DataSourcePoolMetadata {
  private final DataSource shared;

  SharedPoolMetadata(DataSource shared) {
    this.shared = shared;
  }

  /** Borrowed connections over the pool's maximum, as Boot computes it for its own pools. */
  @Override
  public Float getUsage() {
    SharedPoolFigures figures = SharedPoolFigures.of(shared);
    return figures.max() == 0 ? 0F : (float) figures.active() / figures.max();
  }

  @Override
  public Integer getActive() {
    return SharedPoolFigures.of(shared).active();
  }

  @Override
  public Integer getIdle() {
    return SharedPoolFigures.of(shared).idle();
  }

  @Override
  public Integer getMax() {
    return SharedPoolFigures.of(shared).max();
  }

  @Override
  public Integer getMin() {
    return SharedPoolFigures.MINIMUM_IDLE;
  }

  /** None: the shared pool checks connections with JDBC's {@code isValid}, as HikariCP does. */
  @Override
  public @Nullable String getValidationQuery() {
    return null;
  }

  /**
   * The shared pool hands out connections in auto-commit mode (HikariCP's default, which PoolGuard
   * keeps), whatever the replaced bean was configured with: Hibernate must not assume otherwise.
   */
  @Override
  public Boolean getDefaultAutoCommit() {
    return true;
  }
}
