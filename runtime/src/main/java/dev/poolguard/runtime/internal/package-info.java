/**
 * The machinery behind {@code dev.poolguard.runtime}: the pool and its lifecycle, settings, borrow
 * tracking and leak attribution, the capacity pre-flight and the cross-JVM budget, reports.
 *
 * <p>Internal: public only so that the API package {@code dev.poolguard.runtime} and PoolGuard's
 * own Spring module can use it. Not an API; it changes without notice.
 */
@NullMarked
package dev.poolguard.runtime.internal;

import org.jspecify.annotations.NullMarked;
