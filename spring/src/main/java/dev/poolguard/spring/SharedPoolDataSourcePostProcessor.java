package dev.poolguard.spring;

import com.zaxxer.hikari.HikariDataSource;
import dev.poolguard.runtime.SharedTestDataSource;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;

/**
 * Replaces each {@code DataSource} bean of one test context that would open connections of its own
 * by PoolGuard's shared pool of the same database.
 *
 * <p>It acts after initialization, when Spring has bound {@code spring.datasource.*} (or {@code
 * JdbcConnectionDetails}, or {@code @DynamicPropertySource} values) to the bean, and before any
 * other bean could borrow from it, so the context's own pool is never started. The replaced bean
 * stays registered for destruction, and closing it closes a pool that never opened; what the
 * context hands out instead cannot close the shared pool.
 */
final class SharedPoolDataSourcePostProcessor implements BeanPostProcessor {
  static final String ENABLED_PROPERTY = "poolguard.spring.enabled";

  /** Said once per JVM, at the first replaced bean. */
  private static final AtomicBoolean SIZING_ANNOUNCED = new AtomicBoolean();

  private final Environment environment;
  private final String consumer;

  /** An opted-out context says so once, at its first {@code DataSource}. */
  private final AtomicBoolean optOutAnnounced = new AtomicBoolean();

  SharedPoolDataSourcePostProcessor(Environment environment, String consumer) {
    this.environment = environment;
    this.consumer = consumer;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (!(bean instanceof DataSource dataSource)) {
      return bean;
    }
    if (!environment.getProperty(ENABLED_PROPERTY, Boolean.class, true)) {
      announceOptOut(beanName, dataSource);
      return bean;
    }
    DataSourceTarget target = DataSourceTarget.of(dataSource);
    if (target == null || target.isInMemory()) {
      return bean;
    }
    String jdbcUrl = target.jdbcUrl();
    if (jdbcUrl == null) {
      throw new BeanCreationException(
          beanName,
          "PoolGuard cannot serve this DataSource from the shared pool: it has no JDBC URL (a"
              + " HikariCP pool configured with dataSourceClassName). Give spring.datasource.url,"
              + " or set "
              + ENABLED_PROPERTY
              + "=false for this test context to keep its own pool.");
    }
    DataSource shared =
        SharedTestDataSource.forDatabase(jdbcUrl, target.user(), target.password(), consumer);
    announceSizing();
    return dataSource instanceof HikariDataSource hikari
        ? new SharedPoolHikariDataSource(hikari, shared)
        : shared;
  }

  private void announceOptOut(String beanName, DataSource dataSource) {
    if (optOutAnnounced.compareAndSet(false, true)) {
      System.err.println(
          "[PoolGuard] "
              + ENABLED_PROPERTY
              + "=false in "
              + consumer
              + ": its DataSource beans keep their own pools, sized by spring.datasource.*"
              + " (first: '"
              + beanName
              + "', "
              + dataSource.getClass().getName()
              + "); PoolGuard's shared pool and session report do not include them.");
      System.err.flush();
    }
  }

  private static void announceSizing() {
    if (SIZING_ANNOUNCED.compareAndSet(false, true)) {
      System.err.println(
          "[PoolGuard] Spring test contexts borrow from the shared pool of their database;"
              + " pool size and timeouts are PoolGuard's (poolguard.maxPoolSize, acquireTimeout,"
              + " connectTimeout), so spring.datasource.hikari.* (and .tomcat.*, .dbcp2.*) sizing is"
              + " not used. Opt a context out with "
              + ENABLED_PROPERTY
              + "=false.");
      System.err.flush();
    }
  }
}
