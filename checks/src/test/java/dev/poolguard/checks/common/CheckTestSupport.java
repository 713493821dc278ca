package dev.poolguard.checks.common;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** What the checks' tests share: bad-flag assertions and classpath look-ups. */
public final class CheckTestSupport {
  private CheckTestSupport() {}

  /**
   * Asserts that compiling with {@code flag} fails with a message containing {@code
   * expectedMessage}.
   */
  public static void assertFlagRejected(
      Class<? extends BugChecker> check, String flag, String expectedMessage) {
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () ->
                CompilationTestHelper.newInstance(check, CheckTestSupport.class)
                    .setArgs(flag)
                    .addSourceLines("A.java", "class A {}")
                    .doTest());
    String message = String.valueOf(error.getMessage());
    assertTrue(
        message.contains(expectedMessage),
        () -> "expected '" + expectedMessage + "' in:\n" + message);
  }

  /** The jar (or classes directory) {@code type} was loaded from. */
  public static String jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
