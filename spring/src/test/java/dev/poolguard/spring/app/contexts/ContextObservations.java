package dev.poolguard.spring.app.contexts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;

/** What the fixture contexts saw, read by {@code ContextCacheTest} after their session. */
public final class ContextObservations {
  private static final Set<ApplicationContext> CONTEXTS =
      Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
  private static final Set<String> POOLS = Collections.synchronizedSet(new TreeSet<>());
  private static final List<DataSource> DATA_SOURCES =
      Collections.synchronizedList(new ArrayList<>());
  private static final AtomicInteger POOLGUARD_PEAK = new AtomicInteger();
  private static final AtomicInteger OTHER_PEAK = new AtomicInteger();

  private ContextObservations() {}

  static void saw(
      ApplicationContext context,
      DataSource dataSource,
      String pool,
      int poolGuardSessions,
      int otherSessions) {
    CONTEXTS.add(context);
    POOLS.add(pool);
    DATA_SOURCES.add(dataSource);
    POOLGUARD_PEAK.accumulateAndGet(poolGuardSessions, Math::max);
    OTHER_PEAK.accumulateAndGet(otherSessions, Math::max);
  }

  /** Distinct application contexts the tests ran in (a rebuilt context counts again). */
  public static int contexts() {
    return CONTEXTS.size();
  }

  public static Set<String> pools() {
    return Set.copyOf(POOLS);
  }

  public static List<DataSource> dataSources() {
    return List.copyOf(DATA_SOURCES);
  }

  /** The most server sessions of PoolGuard's pools on the database seen at once. */
  public static int poolGuardPeak() {
    return POOLGUARD_PEAK.get();
  }

  /** The most other server sessions on the database (a pool Spring built itself) seen at once. */
  public static int otherPeak() {
    return OTHER_PEAK.get();
  }
}
