package dev.poolguard.runtime;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what happens to one pool and remembers who holds which connection. Each borrowed
 * connection is handed out behind a thin proxy that notices its return ({@code close()} or {@code
 * abort()}), the one event a {@code DataSource} cannot observe otherwise.
 */
final class BorrowTracker {
  private final String poolName;
  private final int maxPoolSize;
  private final Duration leakThreshold;
  private final Set<BorrowSite> held = ConcurrentHashMap.newKeySet();
  private final AtomicLong borrows = new AtomicLong();
  private final AtomicInteger inUse = new AtomicInteger();
  private final AtomicInteger peakInUse = new AtomicInteger();
  private final AtomicLong waits = new AtomicLong();
  private final AtomicLong acquireTimeouts = new AtomicLong();
  private final AtomicLong returnedLate = new AtomicLong();

  BorrowTracker(String poolName, int maxPoolSize, Duration leakThreshold) {
    this.poolName = poolName;
    this.maxPoolSize = maxPoolSize;
    this.leakThreshold = leakThreshold;
  }

  /** Called before asking the pool; a borrow that finds every connection held will wait. */
  void beforeBorrow() {
    if (inUse.get() >= maxPoolSize) {
      waits.incrementAndGet();
    }
  }

  void acquireTimedOut() {
    acquireTimeouts.incrementAndGet();
  }

  /** Registers a connection the pool just handed out and returns the proxy the caller gets. */
  Connection track(Connection pooled) {
    BorrowSite site = BorrowSite.here();
    held.add(site);
    borrows.incrementAndGet();
    peakInUse.accumulateAndGet(inUse.incrementAndGet(), Math::max);
    return (Connection)
        Proxy.newProxyInstance(
            BorrowTracker.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new Returning(pooled, site));
  }

  int heldCount() {
    return held.size();
  }

  List<BorrowSite> holders() {
    return new ArrayList<>(held);
  }

  /**
   * Says, once each, which connections are still held when the pool closes: the tests never
   * returned them.
   */
  void reportUnreturned() {
    for (BorrowSite site : held) {
      PoolGuardLog.line(
          "suspected leak: a connection of "
              + poolName
              + " was never returned, "
              + site.describe());
    }
  }

  PoolStats snapshot() {
    long stillHeldTooLong =
        leakThreshold.isZero()
            ? 0
            : held.stream().filter(site -> site.heldFor().compareTo(leakThreshold) > 0).count();
    return new PoolStats(
        poolName,
        maxPoolSize,
        borrows.get(),
        peakInUse.get(),
        inUse.get(),
        waits.get(),
        acquireTimeouts.get(),
        returnedLate.get() + stillHeldTooLong);
  }

  private void returned(BorrowSite site) {
    held.remove(site);
    inUse.decrementAndGet();
    if (!leakThreshold.isZero() && site.heldFor().compareTo(leakThreshold) > 0) {
      returnedLate.incrementAndGet();
      PoolGuardLog.line(
          "suspected leak: a connection of "
              + poolName
              + " was held longer than the leak "
              + "threshold of "
              + FailureMessages.seconds(leakThreshold)
              + ": "
              + site.describe());
    }
  }

  /**
   * Forwards every call to the pooled connection and notes, once, when it goes back to the pool.
   */
  private final class Returning implements InvocationHandler {
    private final Connection pooled;
    private final BorrowSite site;
    private final AtomicBoolean isReturned = new AtomicBoolean();

    Returning(Connection pooled, BorrowSite site) {
      this.pooled = pooled;
      this.site = site;
    }

    // A proxy is equal only to itself: identity is the meaning of equals here.
    @SuppressWarnings("ReferenceEquality")
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "close", "abort" -> {
          if (isReturned.compareAndSet(false, true)) {
            returned(site);
          }
        }
        case "equals" -> {
          return proxy == args[0];
        }
        case "hashCode" -> {
          return System.identityHashCode(proxy);
        }
        case "toString" -> {
          return "PoolGuard connection of " + poolName + " (" + pooled + ")";
        }
        default -> {
          // Every other call goes to the pooled connection.
        }
      }
      try {
        return method.invoke(pooled, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
