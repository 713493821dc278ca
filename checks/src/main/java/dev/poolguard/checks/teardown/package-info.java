/**
 * {@code SharedPoolClosedInTest}: test code that closes the shared pool, with origin tracing and
 * the fix.
 */
@NullMarked
package dev.poolguard.checks.teardown;

import org.jspecify.annotations.NullMarked;
