/**
 * What the benchmarks share: the one pg_stat_activity sampler, the connection chart, a mode's
 * result line, the ratios line and the argument parser.
 */
@NullMarked
package dev.poolguard.bench.common;

import org.jspecify.annotations.NullMarked;
