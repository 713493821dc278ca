/**
 * PoolGuard's runtime: the one shared test {@code DataSource} per database and JVM, closed once at
 * the end of the test session, with fail-fast errors, a session report and unique test keys.
 */
@NullMarked
package dev.poolguard.runtime;

import org.jspecify.annotations.NullMarked;
