package dev.poolguard.runtime.internal;

/**
 * The few lines PoolGuard prints itself. They go to {@code System.err} as looked up at the time of
 * writing, not to a logging framework: Surefire and Gradle replace the standard streams in their
 * forked JVMs and forward whatever is written there to the build log, whereas a logging backend may
 * be absent or configured to drop them.
 */
public final class PoolGuardLog {
  private static final String PREFIX = "[PoolGuard] ";

  private PoolGuardLog() {}

  public static void line(String message) {
    System.err.println(PREFIX + message);
    System.err.flush();
  }
}
