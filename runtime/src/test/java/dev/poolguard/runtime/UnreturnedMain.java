package dev.poolguard.runtime;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Run in a fresh JVM by {@link LeakAttributionTest}, outside any launcher session (as a main method
 * or another runner would): borrows a connection it never returns, then a second one from a pool of
 * one. Prints the second borrow's failure; the pool reports at JVM exit.
 */
public final class UnreturnedMain {
  private UnreturnedMain() {}

  // The first connection is never returned, on purpose; the second is borrowed only to see whether
  // the pool still hands one out.
  @SuppressWarnings({"unused", "try"})
  public static void main(String[] args) {
    try {
      Connection neverReturned = SharedTestDataSource.get().getConnection();
      try (Connection second = SharedTestDataSource.get().getConnection()) {
        System.out.println("second borrow succeeded");
      }
    } catch (SQLException e) {
      System.out.println(
          "second borrow failed: " + String.valueOf(e.getMessage()).replace('\n', '|'));
    }
    System.out.flush();
  }
}
