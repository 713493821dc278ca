package dev.poolguard.spring;

import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadata;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadataProvider;
import org.springframework.core.Ordered;

/**
 * Spring Boot's view of the pool behind a {@code DataSource} (actuator's {@code jdbc.connections.*}
 * meters, Hibernate's auto-commit handling), for every bean PoolGuard serves: the shared pool's
 * figures. Boot's own provider would describe a replaced {@code HikariDataSource} by its configured
 * size and a pool that never started.
 *
 * <p>Boot's callers take the first provider that answers, some in bean registration order and some
 * by {@link Ordered}: this one is registered before the context's own beans and comes first by
 * order too. The interface has the same name in Boot 3.5 ({@code spring-boot}) and Boot 4 ({@code
 * spring-boot-jdbc}); without Boot this class is never loaded.
 */
final class SharedPoolMetadataProvider implements DataSourcePoolMetadataProvider, Ordered {
  static final String BEAN_NAME = "poolGuardDataSourcePoolMetadataProvider";

  /** Registers the provider in a test context that has Boot's JDBC metadata on its classpath. */
  static void register(BeanDefinitionRegistry registry) {
    registry.registerBeanDefinition(
        BEAN_NAME,
        new RootBeanDefinition(SharedPoolMetadataProvider.class, SharedPoolMetadataProvider::new));
  }

  @Override
  public @Nullable DataSourcePoolMetadata getDataSourcePoolMetadata(DataSource dataSource) {
    try {
      SharedPoolFigures.of(dataSource);
    } catch (IllegalArgumentException notServedByPoolGuard) {
      // A DataSource PoolGuard does not serve (an opted-out context's, an embedded one): Boot's
      // own providers describe it.
      return null;
    }
    return new SharedPoolMetadata(dataSource);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
