package dev.poolguard.spring;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Adds the {@link SharedPoolDataSourcePostProcessor} to a test context before it is refreshed.
 *
 * <p>One instance for every test class: customizers are part of the context cache key, and
 * instances that were not equal would give every test class a context of its own.
 */
final class SharedPoolContextCustomizer implements ContextCustomizer {
  static final SharedPoolContextCustomizer INSTANCE = new SharedPoolContextCustomizer();

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
    context
        .getBeanFactory()
        .addBeanPostProcessor(
            new SharedPoolDataSourcePostProcessor(context.getEnvironment(), consumer));
  }
}
