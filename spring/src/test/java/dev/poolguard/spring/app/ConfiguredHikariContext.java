package dev.poolguard.spring.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The application with HikariCP settings of its own that PoolGuard does not use (pool size 17,
 * auto-commit off): one context, shared by the tests of what the replaced bean tells about its pool
 * ({@link ConcreteHikariTypeTest}, {@link ActuatorMetricsTest}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest
@TestPropertySource(
    properties = {
      "spring.datasource.hikari.maximum-pool-size=17",
      "spring.datasource.hikari.auto-commit=false"
    })
@interface ConfiguredHikariContext {}
