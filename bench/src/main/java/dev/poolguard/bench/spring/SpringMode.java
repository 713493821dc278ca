package dev.poolguard.bench.spring;

import java.util.List;
import java.util.Map;

/**
 * One way of running the example Spring suite: which copy of the project ({@code
 * scripts/bench-spring} prepares them) and which Spring settings its Maven run gets from the
 * environment. A new mode is one more entry in {@link #ALL}.
 */
record SpringMode(String name, String project, Map<String, String> environment) {
  /**
   * HikariCP's wait for a connection set to PoolGuard's acquire timeout, so a refusal costs all
   * modes alike.
   */
  private static final String TIMEOUT = "SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT";

  /** Every mode, in the order the run takes them; the last is the ratios' reference. */
  static final List<SpringMode> ALL =
      List.of(
          new SpringMode("boot-defaults", "boot-defaults", Map.of(TIMEOUT, "5000")),
          new SpringMode(
              "spring-knobs",
              "spring-knobs",
              Map.of(TIMEOUT, "5000", "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "2")),
          new SpringMode("poolguard", "poolguard", Map.of()));
}
