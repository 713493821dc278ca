/**
 * {@code TestConnectionLeak}: a borrowed connection (or Jdbi handle) in test code that is never
 * given back, with the acquisition catalogue, the per-method flow summary, the teardown analysis of
 * fields and the try-with-resources fix.
 */
@NullMarked
package dev.poolguard.checks.leaks;

import org.jspecify.annotations.NullMarked;
