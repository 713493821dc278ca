/**
 * The runtime benchmark: one generated JUnit suite against a connection-limited PostgreSQL
 * database, per-class pools against the shared pool, serial and parallel.
 */
@NullMarked
package dev.poolguard.bench.runtime;

import org.jspecify.annotations.NullMarked;
