package dev.poolguard.checks.clients;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** Pools that Spring test configuration builds: still findings, pointing to poolguard-spring. */
final class SpringBeanTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(PerTestDatabaseClient.class, getClass());

  @Test
  void aBeanMethodInTestConfigurationBuildingAPoolPointsToPoolguardSpring() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/TestDataSourceConfig.java",
            """
            package com.acme;

            import com.zaxxer.hikari.HikariDataSource;
            import javax.sql.DataSource;
            import org.springframework.context.annotation.Bean;
            import org.springframework.context.annotation.Configuration;

            @Configuration
            class TestDataSourceConfig {
              @Bean
              DataSource dataSource() {
                // BUG: Diagnostic contains: add dev.poolguard:poolguard-spring as a test dependency
                return new HikariDataSource();
              }
            }
            """)
        .doTest();
  }

  @Test
  void aBeanMethodInAComposedTestConfigurationPointsToPoolguardSpring() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/TestConfig.java",
            """
            package com.acme;

            import java.lang.annotation.Retention;
            import java.lang.annotation.RetentionPolicy;
            import javax.sql.DataSource;
            import org.springframework.context.annotation.Configuration;
            import org.springframework.jdbc.datasource.DriverManagerDataSource;

            @Retention(RetentionPolicy.RUNTIME)
            @Configuration
            @interface TestConfiguration {}

            @TestConfiguration
            class TestConfig {
              static DataSource dataSource(String url) {
                // BUG: Diagnostic contains: Spring's pools are then served by the shared pool
                return new DriverManagerDataSource(url);
              }
            }
            """)
        .doTest();
  }

  @Test
  void aPoolOutsideSpringConfigurationGetsThePlainAdvice() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/PlainTest.java",
            """
            package com.acme;

            import com.zaxxer.hikari.HikariDataSource;
            import org.junit.jupiter.api.Test;

            class PlainTest {
              @Test
              void t() {
                // BUG: Diagnostic matches: PLAIN
                new HikariDataSource();
              }
            }
            """)
        .expectErrorMessage(
            "PLAIN",
            message ->
                message.contains("Use SharedTestDataSource.get() from poolguard-runtime")
                    && !message.contains("poolguard-spring"))
        .doTest();
  }
}
