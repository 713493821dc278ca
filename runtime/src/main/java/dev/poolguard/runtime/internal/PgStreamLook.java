package dev.poolguard.runtime.internal;

import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.PGStream;
import org.postgresql.core.QueryExecutorBase;

/**
 * Makes pgjdbc's look for messages the server already sent ({@code
 * PGConnection#getNotifications()}, behind {@link PostgresSessions#isLive}) answer without waiting.
 *
 * <p>pgjdbc first asks the stream how many bytes are there, without waiting; when there are none it
 * waits up to 1 ms on the socket, and on that time-out path it skips the back-off its stream keeps
 * for exactly this case ({@code nextStreamAvailableCheckTime}). On every borrow of a healthy
 * connection that is a millisecond, most of what the shared pool cost over a hand-written one. A
 * session the server ended has sent its {@code FATAL} message before closing, so the first,
 * non-waiting question already sees it: setting the back-off to "never" once per physical
 * connection keeps only that question. pgjdbc offers no public switch, so this sets its private
 * field; where that field is not there (another pgjdbc), or on TLS (whose stream counts only
 * decrypted bytes, so the non-waiting question could miss the message), the look keeps its wait.
 */
final class PgStreamLook {
  private static final @Nullable Field STREAM = field(QueryExecutorBase.class, "pgStream");
  private static final @Nullable Field NEXT_CHECK =
      field(PGStream.class, "nextStreamAvailableCheckTime");

  private PgStreamLook() {}

  /** Once per physical connection: its look for pending messages no longer waits. */
  static void neverWait(Connection pooled) throws SQLException {
    if (STREAM == null || NEXT_CHECK == null) {
      return;
    }
    try {
      PGStream stream =
          (PGStream) STREAM.get(pooled.unwrap(BaseConnection.class).getQueryExecutor());
      if (!(stream.getSocket() instanceof SSLSocket)) {
        NEXT_CHECK.setLong(stream, Long.MAX_VALUE);
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("the accessible pgjdbc field could not be used", e);
    }
  }

  private static @Nullable Field field(Class<?> owner, String name) {
    try {
      Field field = owner.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException | InaccessibleObjectException | SecurityException e) {
      // Another pgjdbc layout, or a module that does not open it: the look keeps pgjdbc's wait.
      return null;
    }
  }
}
