package dev.poolguard.runtime;

/**
 * A test or container (a test class, for borrows in {@code @BeforeAll} and {@code @AfterAll}) that
 * borrowed connections. Equal only to itself: the same test run twice (nested launcher sessions,
 * repeated runs) is two owners.
 */
final class TestOwner {
  private final String uniqueId;
  private final String label;
  private final boolean container;

  /**
   * @param uniqueId the JUnit Platform unique id, as the launcher and Jupiter's extension context
   *     both give it
   * @param label what messages call it: {@code com.acme.OrderTest#creates()}, or the display name
   * @param container whether it is a container (class) rather than a test
   */
  TestOwner(String uniqueId, String label, boolean container) {
    this.uniqueId = uniqueId;
    this.label = label;
    this.container = container;
  }

  String uniqueId() {
    return uniqueId;
  }

  /** {@code com.acme.OrderTest#creates()}, or {@code com.acme.OrderTest (class-level)}. */
  String label() {
    return container ? label + " (class-level)" : label;
  }

  @Override
  public String toString() {
    return label();
  }
}
