package dev.poolguard.runtime;

import dev.poolguard.runtime.internal.RunId;
import dev.poolguard.runtime.internal.Slugs;

/**
 * Unique values for the unique-key columns of test data, so tests that run in parallel (threads,
 * Surefire forks, CI machines) never collide on {@code duplicate key value violates unique
 * constraint}.
 *
 * <pre>{@code
 * UniqueSlugs.of("test-package")   // "test-package-3v9k2q7x1m-17"
 * UniqueSlugs.email("alice")       // "alice-3v9k2q7x1m-18@example.com"
 * }</pre>
 *
 * <p>Every value is {@code <base>-<run>-<n>}: {@code <n>} counts up in this JVM; {@code <run>} is
 * different in every JVM (process id and random characters) and starts with the run's shared id
 * when one is given through {@code -Dpoolguard.runId=...} or {@code POOLGUARD_RUN_ID} (for example
 * {@code POOLGUARD_RUN_ID=ci4711} gives {@code test-package-ci4711-3v9k2q7x1m-17}), so the rows of
 * one run can be found with {@code LIKE '%-ci4711-%'}. Slugs are lower case and URL-safe ({@code
 * a-z}, {@code 0-9}, {@code -}); the base is lower-cased and other characters become {@code -}.
 */
public final class UniqueSlugs {
  private static final Slugs SLUGS = new Slugs(RunId.forThisJvm());

  private UniqueSlugs() {}

  /**
   * A new unique slug: {@code <base>-<run>-<n>}.
   *
   * @throws IllegalArgumentException when {@code base} has no letter or digit
   */
  public static String of(String base) {
    return SLUGS.of(base);
  }

  /**
   * A new unique slug of at most {@code maxLength} characters; the base is shortened, never the
   * unique suffix.
   *
   * @throws IllegalArgumentException when the suffix alone leaves no room for one character of the
   *     base
   */
  public static String of(String base, int maxLength) {
    return SLUGS.of(base, maxLength);
  }

  /**
   * A new unique e-mail address in the reserved {@code example.com} domain: {@code
   * <slug>@example.com}.
   */
  public static String email(String localPart) {
    return email(localPart, "example.com");
  }

  /** A new unique e-mail address: {@code <slug of localPart>@<domain>}. */
  public static String email(String localPart, String domain) {
    return SLUGS.of(localPart) + "@" + domain;
  }

  /**
   * A new unique display name that keeps the base as written: {@code "Acme Corp 3v9k2q7x1m-19"},
   * for unique columns that are not slugs.
   */
  public static String name(String base) {
    return SLUGS.name(base);
  }

  /** This JVM's {@code <run>} part, e.g. to delete the rows a run created. */
  public static String runId() {
    return SLUGS.runId();
  }
}
