package dev.poolguard.runtime;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Closes the shared pools when the JUnit Platform launcher session ends, after the last test, and
 * prints the session report. Registered through {@code META-INF/services}; users configure nothing.
 * Public only because {@link java.util.ServiceLoader} requires it.
 */
public final class PoolGuardSessionListener implements LauncherSessionListener {
  /** Called by {@link java.util.ServiceLoader}. */
  public PoolGuardSessionListener() {}

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    SharedTestDataSource.registry().sessionOpened();
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    SharedTestDataSource.registry().sessionClosed();
  }
}
