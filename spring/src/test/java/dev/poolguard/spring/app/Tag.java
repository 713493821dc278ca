package dev.poolguard.spring.app;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A Spring Data JDBC aggregate (table {@code tag}, created by Flyway).
 *
 * @param id the generated key; {@code null} until saved
 */
@Table("tag")
public record Tag(@Id @Nullable Long id, String name) {}
