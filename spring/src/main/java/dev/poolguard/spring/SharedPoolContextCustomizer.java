package dev.poolguard.spring;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Adds the {@link SharedPoolDataSourcePostProcessor} to a test context before it is refreshed, and,
 * where Spring Boot's JDBC metadata is on the classpath, the {@link SharedPoolMetadataProvider}.
 *
 * <p>One instance for every test class: customizers are part of the context cache key, and
 * instances that were not equal would give every test class a context of its own.
 */
final class SharedPoolContextCustomizer implements ContextCustomizer {
  static final SharedPoolContextCustomizer INSTANCE = new SharedPoolContextCustomizer();

  /** Boot 3.5 has it in {@code spring-boot}, Boot 4 in {@code spring-boot-jdbc}. */
  private static final String BOOT_POOL_METADATA =
      "org.springframework.boot.jdbc.metadata.DataSourcePoolMetadataProvider";

  private SharedPoolContextCustomizer() {}

  @Override
  public void customizeContext(
      ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
    String consumer =
        "Spring test context "
            + Integer.toHexString(System.identityHashCode(context))
            + " (first for "
            + mergedConfig.getTestClass().getSimpleName()
            + ")";
    ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
    beanFactory.addBeanPostProcessor(
        new SharedPoolDataSourcePostProcessor(context.getEnvironment(), consumer));
    if (beanFactory instanceof BeanDefinitionRegistry registry
        && ClassUtils.isPresent(BOOT_POOL_METADATA, context.getClassLoader())) {
      SharedPoolMetadataProvider.register(registry);
    }
  }
}
