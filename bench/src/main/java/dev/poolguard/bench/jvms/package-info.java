/**
 * The many-JVMs benchmark: two Maven builds at once, each with several Surefire forks, every test
 * on the shared pool, with and without a connection budget and through PgBouncer.
 */
@NullMarked
package dev.poolguard.bench.jvms;

import org.jspecify.annotations.NullMarked;
