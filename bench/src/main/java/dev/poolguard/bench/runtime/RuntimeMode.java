package dev.poolguard.bench.runtime;

import java.util.List;

/**
 * One way of running the generated suite: how its classes get their data source and whether classes
 * run concurrently. A new mode is one more entry in {@link #ALL} (and, for a new kind of pool, one
 * more {@link PoolStyle}).
 */
record RuntimeMode(String name, PoolStyle pool, boolean parallel) {
  /** Every mode, in the order each round runs them; the first is the ratios' reference. */
  static final List<RuntimeMode> ALL =
      List.of(
          new RuntimeMode("per-class", PoolStyle.PER_CLASS, false),
          new RuntimeMode("shared", PoolStyle.SHARED, false),
          new RuntimeMode("shared-parallel", PoolStyle.SHARED, true),
          new RuntimeMode("per-class-parallel", PoolStyle.PER_CLASS, true));

  /**
   * {@code --hygiene}: the shared pool against the hand-written static pool of the same size, both
   * serial, each test one borrow for an insert and a count; the first is the ratio's reference.
   */
  static final List<RuntimeMode> HYGIENE =
      List.of(
          new RuntimeMode("static", PoolStyle.STATIC, false),
          new RuntimeMode("shared", PoolStyle.SHARED, false));

  /**
   * {@code --killer}: the shared pool, serial and parallel, while the server ends every session on
   * the database at an interval.
   */
  static final List<RuntimeMode> KILLER =
      List.of(
          new RuntimeMode("shared", PoolStyle.SHARED, false),
          new RuntimeMode("shared-parallel", PoolStyle.SHARED, true));

  int parallelism(int parallel) {
    return this.parallel ? parallel : 1;
  }
}
