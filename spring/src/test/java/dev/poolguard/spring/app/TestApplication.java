package dev.poolguard.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the tests start: configured only by {@code spring.datasource.*} in {@code
 * application.properties}, with JDBC, Spring Data JDBC, JPA and Flyway.
 */
@SpringBootApplication
public class TestApplication {}
