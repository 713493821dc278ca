package dev.poolguard.spring;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * The TestContext framework's hook: listed in {@code META-INF/spring.factories}, asked for a
 * customizer for every test class. Public only because {@code SpringFactoriesLoader} instantiates
 * it.
 */
public final class PoolGuardContextCustomizerFactory implements ContextCustomizerFactory {
  /** Called by {@code SpringFactoriesLoader}. */
  public PoolGuardContextCustomizerFactory() {}

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    return SharedPoolContextCustomizer.INSTANCE;
  }
}
