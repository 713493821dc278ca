/**
 * poolguard-spring: in every context the Spring TestContext framework builds, each {@code
 * DataSource} that would open connections of its own is served by PoolGuard's shared pool of its
 * database. Registered in {@code META-INF/spring.factories} as a {@code ContextCustomizerFactory},
 * so it never takes part in a production context.
 */
@NullMarked
package dev.poolguard.spring;

import org.jspecify.annotations.NullMarked;
