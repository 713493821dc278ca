package dev.poolguard.runtime.internal;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

/**
 * The {@code <run>} part of unique keys: different in every JVM, so forks and machines never
 * collide, and beginning with the run's shared id when one is given ({@code -Dpoolguard.runId} or
 * {@code POOLGUARD_RUN_ID}, e.g. the CI build number), so all keys of one run can be found and
 * cleaned up.
 */
public final class RunId {
  static final String PROPERTY = "poolguard.runId";
  public static final String VARIABLE = "POOLGUARD_RUN_ID";
  private static final int RANDOM_CHARS = 6;
  private static final int MAX_GIVEN_LENGTH = 20;

  private RunId() {}

  public static String forThisJvm() {
    return resolve(
        System.getProperties(), System.getenv(), ProcessHandle.current().pid(), new SecureRandom());
  }

  /**
   * {@code <given>-<jvm>} or just {@code <jvm>}, where {@code <jvm>} is the process id in base 36
   * followed by six random base-36 characters: the pid separates forks on one machine, the random
   * part machines. The random part has a fixed length, so distinct (pid, random) pairs never spell
   * the same tag.
   */
  static String resolve(
      Properties systemProperties, Map<String, String> environment, long pid, Random random) {
    StringBuilder tag = new StringBuilder(Long.toString(pid, 36));
    for (int i = 0; i < RANDOM_CHARS; i++) {
      tag.append(Character.forDigit(random.nextInt(36), 36));
    }
    String given = systemProperties.getProperty(PROPERTY, environment.get(VARIABLE));
    String sanitized = given == null ? "" : Slugs.sanitize(given);
    if (sanitized.isEmpty()) {
      return tag.toString();
    }
    String shortened =
        sanitized.length() > MAX_GIVEN_LENGTH
            ? sanitized.substring(0, MAX_GIVEN_LENGTH)
            : sanitized;
    return Slugs.trimDashes(shortened) + "-" + tag;
  }
}
