package dev.poolguard.runtime.internal;

import java.sql.SQLTransientConnectionException;
import org.jspecify.annotations.Nullable;

/**
 * No server connection could be had in time because the server, a pooler or the budget had none to
 * give. Its message is complete (numbers, holders, fix): callers pass it on unchanged.
 */
final class CapacityException extends SQLTransientConnectionException {
  private static final long serialVersionUID = 1L;

  CapacityException(String message, @Nullable Throwable cause) {
    super(message, "53300", cause);
  }

  /** The first {@link CapacityException} in {@code failure}'s cause chain, or {@code null}. */
  static @Nullable CapacityException in(@Nullable Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CapacityException capacity) {
        return capacity;
      }
    }
    return null;
  }
}
