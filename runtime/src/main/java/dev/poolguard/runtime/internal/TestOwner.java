package dev.poolguard.runtime.internal;

/**
 * A test or container (a test class, for borrows in {@code @BeforeAll} and {@code @AfterAll}) that
 * borrowed connections. Equal only to itself: the same test run twice (nested launcher sessions,
 * repeated runs) is two owners.
 */
public final class TestOwner {
  private final String uniqueId;
  private final String label;

  /**
   * @param uniqueId the JUnit Platform unique id, as the launcher and Jupiter's extension context
   *     both give it
   * @param label what messages call it: {@code com.acme.OrderTest#creates()}, {@code
   *     com.acme.OrderTest (class-level)}, or a display name
   */
  public TestOwner(String uniqueId, String label) {
    this.uniqueId = uniqueId;
    this.label = label;
  }

  public String uniqueId() {
    return uniqueId;
  }

  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
