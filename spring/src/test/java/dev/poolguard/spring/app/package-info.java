/**
 * A Spring Boot test application and the tests that run its contexts on PoolGuard's shared pool.
 */
@NullMarked
package dev.poolguard.spring.app;

import org.jspecify.annotations.NullMarked;
