/**
 * What every PoolGuard check shares: test-code detection, the flags, member names and tree helpers.
 *
 * <p>Internal: public only so that the checks' feature packages can use it. Not an API; it changes
 * without notice.
 */
@NullMarked
package dev.poolguard.checks.common;

import org.jspecify.annotations.NullMarked;
