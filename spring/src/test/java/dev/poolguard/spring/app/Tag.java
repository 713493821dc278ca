package dev.poolguard.spring.app;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A Spring Data JDBC aggregate (table {@code tag}, created by Flyway). */
@Table("tag")
public record Tag(@Id Long id, String name) {}
