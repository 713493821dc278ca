/**
 * {@code SharedPoolClosedInTest}: test code that closes the shared pool, with origin tracing and
 * the fix.
 */
package dev.poolguard.checks.teardown;
