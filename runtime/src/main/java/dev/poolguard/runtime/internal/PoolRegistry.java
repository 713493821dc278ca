package dev.poolguard.runtime.internal;

import dev.poolguard.runtime.PoolGuardException;
import dev.poolguard.runtime.SharedTestDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Every shared pool of this process: the default one ({@link SharedTestDataSource#get()}) and one
 * per further database asked for through {@link SharedTestDataSource#forDatabase}. A database is a
 * JDBC URL (without credentials) and a user; the same database always gets the same pool and the
 * same view. The launcher sessions are counted here, so that a pool first asked for in the middle
 * of a session still closes when the outermost one ends.
 */
public final class PoolRegistry {
  private final SharedPoolLifecycle defaultLifecycle;
  private final SharedDataSourceView defaultView;
  private final Supplier<SettingsResolver> resolver;
  private final Map<Database, SharedDataSourceView> byDatabase = new ConcurrentHashMap<>();
  private final Object sessionLock = new Object();
  private int openSessions;

  public PoolRegistry(Supplier<SettingsResolver> resolver) {
    this.resolver = resolver;
    this.defaultLifecycle = new SharedPoolLifecycle(() -> resolver.get().resolve());
    this.defaultView = new SharedDataSourceView(defaultLifecycle);
  }

  public SharedPoolLifecycle defaultLifecycle() {
    return defaultLifecycle;
  }

  public SharedDataSourceView defaultView() {
    return defaultView;
  }

  /**
   * The view of {@code jdbcUrl}'s pool for {@code user}, counting {@code consumer} as one of its
   * users. The pool itself opens on the first borrow.
   *
   * @throws PoolGuardException when the URL cannot be parsed or a {@code poolguard.*} setting is
   *     invalid
   */
  public SharedDataSourceView forDatabase(
      String jdbcUrl, @Nullable String user, @Nullable String password, String consumer) {
    PoolSettings settings =
        resolver
            .get()
            .resolveFor(jdbcUrl, user, password, "the DataSource settings of " + consumer);
    Database database = Database.of(settings);
    SharedDataSourceView view =
        database.equals(defaultDatabase()) ? defaultView : viewOf(database, settings);
    view.lifecycle().addConsumer(consumer);
    return view;
  }

  /**
   * The database of the default pool, or {@code null} when none is configured (then every database
   * asked for gets a pool of its own, which is not an error).
   */
  private @Nullable Database defaultDatabase() {
    SharedPool open = defaultLifecycle.currentIfOpen();
    if (open != null) {
      return Database.of(open.settings());
    }
    try {
      return Database.of(resolver.get().resolve());
    } catch (PoolGuardException noDefaultPoolConfigured) {
      return null;
    }
  }

  private SharedDataSourceView viewOf(Database database, PoolSettings settings) {
    synchronized (sessionLock) {
      return byDatabase.computeIfAbsent(
          database,
          key -> {
            SharedPoolLifecycle lifecycle = new SharedPoolLifecycle(() -> settings);
            // It joins the sessions already open, so the outermost one's end closes it too.
            for (int i = 0; i < openSessions; i++) {
              lifecycle.sessionOpened();
            }
            return new SharedDataSourceView(lifecycle);
          });
    }
  }

  public void sessionOpened() {
    synchronized (sessionLock) {
      openSessions++;
      lifecycles().forEach(SharedPoolLifecycle::sessionOpened);
    }
  }

  public void sessionClosed() {
    List<SharedPoolLifecycle> all;
    synchronized (sessionLock) {
      if (openSessions == 0) {
        return;
      }
      openSessions--;
      all = lifecycles();
    }
    // Outside the lock: closing waits for HikariCP, and a context asking for a pool must not.
    all.forEach(SharedPoolLifecycle::sessionClosed);
  }

  /** At JVM exit: every pool still open closes and reports. */
  public void closeAllAndReport() {
    List<SharedPoolLifecycle> all;
    synchronized (sessionLock) {
      all = lifecycles();
    }
    all.forEach(SharedPoolLifecycle::closeAndReport);
  }

  private List<SharedPoolLifecycle> lifecycles() {
    List<SharedPoolLifecycle> all = new ArrayList<>();
    all.add(defaultLifecycle);
    byDatabase.values().forEach(view -> all.add(view.lifecycle()));
    return all;
  }

  /** What makes two pools the same: the JDBC URL without credentials, and the user. */
  private record Database(String jdbcUrl, @Nullable String user) {
    static Database of(PoolSettings settings) {
      return new Database(settings.url().jdbcUrl(), settings.user());
    }
  }
}
