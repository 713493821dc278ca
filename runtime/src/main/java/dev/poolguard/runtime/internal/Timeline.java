package dev.poolguard.runtime.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Connections in use over time for the session picture: the last {@value #CAPACITY} borrows,
 * returns and time-outs in a ring, and who held the connections when the most were in use. One
 * short lock per event; nothing runs in the background.
 */
final class Timeline {
  static final int CAPACITY = 8192;

  enum Kind {
    BORROW,
    RETURN,
    TIMEOUT,
    /** A returned connection's session was restored (what a test left was undone). */
    RESTORE
  }

  /**
   * @param at since the pool was created
   * @param inUse connections held after the event
   */
  record Event(Duration at, Kind kind, int inUse) {}

  /**
   * @param at since the pool was created
   * @param holders who held the connections then
   */
  record Peak(Duration at, List<Holder> holders) {}

  /** A holder as it was at the peak. */
  record Holder(String owner, String where, String thread, Duration heldFor) {}

  /**
   * @param dropped events older than the ring's capacity, no longer shown
   * @param length from the pool's creation to the snapshot
   * @param startNanos {@link System#nanoTime()} at the pool's creation
   */
  record Snapshot(List<Event> events, long dropped, Peak peak, Duration length, long startNanos) {}

  private final long startNanos = System.nanoTime();
  private final long[] atNanos = new long[CAPACITY];
  private final Kind[] kinds = new Kind[CAPACITY];
  private final int[] inUseAfter = new int[CAPACITY];
  private long recorded;
  private int inUse;
  private int peakInUse;
  private Peak peak = new Peak(Duration.ZERO, List.of());

  /**
   * @param holdersNow every connection held now, this one included; copied only at a new peak
   */
  synchronized void borrowed(Collection<BorrowSite> holdersNow) {
    inUse++;
    long now = add(Kind.BORROW);
    if (inUse > peakInUse) {
      peakInUse = inUse;
      List<Holder> holders = new ArrayList<>();
      for (BorrowSite site : holdersNow) {
        holders.add(new Holder(site.ownerLabel(), site.where(), site.threadName(), site.heldFor()));
      }
      peak = new Peak(Duration.ofNanos(now - startNanos), List.copyOf(holders));
    }
  }

  synchronized void returned() {
    inUse--;
    add(Kind.RETURN);
  }

  synchronized void timedOut() {
    add(Kind.TIMEOUT);
  }

  synchronized void restored() {
    add(Kind.RESTORE);
  }

  synchronized Snapshot snapshot() {
    int kept = (int) Math.min(recorded, CAPACITY);
    List<Event> events = new ArrayList<>(kept);
    for (long i = recorded - kept; i < recorded; i++) {
      int slot = (int) (i % CAPACITY);
      events.add(
          new Event(Duration.ofNanos(atNanos[slot] - startNanos), kinds[slot], inUseAfter[slot]));
    }
    return new Snapshot(
        events,
        recorded - kept,
        peak,
        Duration.ofNanos(System.nanoTime() - startNanos),
        startNanos);
  }

  private long add(Kind kind) {
    long now = System.nanoTime();
    int slot = (int) (recorded % CAPACITY);
    atNanos[slot] = now;
    kinds[slot] = kind;
    inUseAfter[slot] = inUse;
    recorded++;
    return now;
  }
}
