package dev.poolguard.runtime.internal;

import java.time.Duration;

/**
 * One suspected leak: a connection not returned when the test (or class) that borrowed it finished,
 * still out when the pool closed, or held longer than the leak threshold. Each connection is at
 * most one leak, and each leak is one {@code suspected leak:} line and one in {@link
 * PoolStats#suspectedLeaks()}.
 *
 * @param owner what borrowed it: {@code com.acme.OrderTest#creates()}, or {@code outside any test}
 * @param where the first application frame of the borrow, with file and line
 * @param heldFor how long it had been held when noticed
 * @param borrowedAtNanos {@link System#nanoTime()} when borrowed
 * @param noticedAtNanos {@link System#nanoTime()} when noticed
 * @param failsTest whether the owner should fail for it ({@code poolguard.leaks=fail})
 */
public record Leak(
    String owner,
    String where,
    Duration heldFor,
    long borrowedAtNanos,
    long noticedAtNanos,
    boolean failsTest) {

  static Leak of(BorrowSite site, boolean failsTest) {
    return new Leak(
        site.ownerLabel(),
        site.where(),
        site.heldFor(),
        site.borrowedAtNanos(),
        System.nanoTime(),
        failsTest);
  }
}
