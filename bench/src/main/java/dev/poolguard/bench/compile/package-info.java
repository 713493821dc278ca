/**
 * The compile-overhead benchmark (the checks' share of javac's wall time, Error Prone's own
 * timings) and the corpus runner (the checks over a real project's sources: findings and crashes).
 */
@NullMarked
package dev.poolguard.bench.compile;

import org.jspecify.annotations.NullMarked;
