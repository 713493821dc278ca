package dev.poolguard.runtime;

import org.jspecify.annotations.Nullable;

/**
 * The shared test pool cannot be provided: its configuration is missing or invalid, or the database
 * could not be reached. The message names the database (host, port, database; never the password),
 * where the setting came from, and the fix.
 */
public final class PoolGuardException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public PoolGuardException(String message) {
    super(message);
  }

  public PoolGuardException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
