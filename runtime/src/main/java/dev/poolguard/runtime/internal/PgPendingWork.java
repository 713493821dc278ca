package dev.poolguard.runtime.internal;

import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.QueryExecutor;

/**
 * What pgjdbc still waits for from the server: the Binds it sent that no BindComplete acknowledged
 * yet. pgjdbc empties that queue at every ReadyForQuery, so after a failure it holds only the
 * failing execution's Bind, unacknowledged when the server never read it. pgjdbc offers no public
 * view of it, so this reads its private field; where the field is not there (another pgjdbc, or a
 * query sent without Bind), the answer is "acknowledged", which never runs a statement twice.
 */
final class PgPendingWork {
  private static final @Nullable Field PENDING_BINDS = pendingBinds();

  private PgPendingWork() {}

  static boolean bindUnacknowledged(BaseConnection connection) {
    if (PENDING_BINDS == null) {
      return false;
    }
    QueryExecutor executor = connection.getQueryExecutor();
    if (!PENDING_BINDS.getDeclaringClass().isInstance(executor)) {
      return false;
    }
    try {
      return PENDING_BINDS.get(executor) instanceof Collection<?> binds && !binds.isEmpty();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("the accessible pgjdbc field could not be read", e);
    }
  }

  private static @Nullable Field pendingBinds() {
    try {
      Field field =
          Class.forName("org.postgresql.core.v3.QueryExecutorImpl")
              .getDeclaredField("pendingBindQueue");
      field.setAccessible(true);
      return field;
    } catch (ClassNotFoundException
        | NoSuchFieldException
        | InaccessibleObjectException
        | SecurityException e) {
      // Another pgjdbc layout, or a module that does not open it: no statement is run again.
      return null;
    }
  }
}
