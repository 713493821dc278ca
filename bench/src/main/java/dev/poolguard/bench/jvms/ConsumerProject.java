package dev.poolguard.bench.jvms;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.poolguard.bench.common.BenchBuild;
import dev.poolguard.bench.common.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the many-JVMs benchmark's consumer: a plain Maven project whose tests all use {@code
 * SharedTestDataSource}, configured through nothing but {@code DATABASE_URL_TEST}. Its POM inherits
 * PoolGuard's parent, so every version is the parent's; Surefire forks and JUnit's class
 * parallelism are the benchmark's.
 */
public final class ConsumerProject {
  private static final String USAGE =
      "usage: ConsumerProject --dir=project --parent=/path/to/pom.xml --classes=24 --tests=4"
          + " --sleep=0.2 --forks=4 --parallel=3";

  private ConsumerProject() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> opts = Options.parse(USAGE, args);
    Path dir = Path.of(value(opts, "dir"));
    int classes = Integer.parseInt(value(opts, "classes"));
    int tests = Integer.parseInt(value(opts, "tests"));
    Path src = dir.resolve("src/test/java/consumer");
    Path resources = dir.resolve("src/test/resources");
    Files.createDirectories(src);
    Files.createDirectories(resources);
    Files.writeString(
        dir.resolve("pom.xml"),
        pom(Path.of(value(opts, "parent")).toAbsolutePath(), value(opts, "forks")),
        UTF_8);
    String parallel = value(opts, "parallel");
    Files.writeString(
        resources.resolve("junit-platform.properties"),
        String.join(
            "\n",
            "junit.jupiter.execution.parallel.enabled=true",
            "junit.jupiter.execution.parallel.mode.default=same_thread",
            "junit.jupiter.execution.parallel.mode.classes.default=concurrent",
            "junit.jupiter.execution.parallel.config.strategy=fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism=" + parallel,
            "junit.jupiter.execution.parallel.config.fixed.max-pool-size=" + parallel,
            ""),
        UTF_8);
    String sleep = value(opts, "sleep");
    for (int c = 1; c <= classes; c++) {
      String name = String.format(Locale.ROOT, "Item%03dTest", c);
      Files.writeString(src.resolve(name + ".java"), testClass(name, tests, sleep), UTF_8);
    }
  }

  private static String pom(Path parent, String forks) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>dev.poolguard</groupId>
            <artifactId>poolguard-parent</artifactId>
            <version>%1$s</version>
            <relativePath>%2$s</relativePath>
          </parent>
          <groupId>dev.poolguard.bench</groupId>
          <artifactId>bench-jvms-consumer</artifactId>
          <dependencies>
            <dependency>
              <groupId>dev.poolguard</groupId>
              <artifactId>poolguard-runtime</artifactId>
              <version>%1$s</version>
              <scope>test</scope>
            </dependency>
            <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><scope>test</scope></dependency>
            <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-simple</artifactId><scope>test</scope></dependency>
            <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><scope>test</scope></dependency>
          </dependencies>
          <build>
            <plugins>
              <!-- Generated code: the parent's formatting check is for PoolGuard's own sources. -->
              <plugin>
                <groupId>com.diffplug.spotless</groupId>
                <artifactId>spotless-maven-plugin</artifactId>
                <configuration><skip>true</skip></configuration>
              </plugin>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-surefire-plugin</artifactId>
                <configuration>
                  <argLine />
                  <forkCount>%3$s</forkCount>
                  <reuseForks>true</reuseForks>
                  <systemPropertyVariables>
                    <org.slf4j.simpleLogger.defaultLogLevel>warn</org.slf4j.simpleLogger.defaultLogLevel>
                  </systemPropertyVariables>
                </configuration>
              </plugin>
            </plugins>
          </build>
        </project>
        """
        .formatted(BenchBuild.poolGuardVersion(), parent, forks);
  }

  private static String testClass(String name, int tests, String sleep) {
    StringBuilder java =
        new StringBuilder(
            """
            package consumer;

            import dev.poolguard.runtime.SharedTestDataSource;
            import dev.poolguard.runtime.UniqueSlugs;
            import java.sql.*;
            import org.junit.jupiter.api.Test;

            class %s {
              static void work() throws SQLException {
                try (Connection c = SharedTestDataSource.get().getConnection()) {
                  try (PreparedStatement p =
                      c.prepareStatement("INSERT INTO item (item_key, qty) VALUES (?, 1)")) {
                    p.setString(1, UniqueSlugs.of("item"));
                    p.executeUpdate();
                  }
                  try (Statement s = c.createStatement()) {
                    s.execute("SELECT pg_sleep(%s)");
                  }
                }
              }
            """
                .formatted(name, sleep));
    for (int t = 1; t <= tests; t++) {
      java.append("  @Test void test").append(t).append("() throws Exception { work(); }\n");
    }
    return java.append("}\n").toString();
  }

  private static String value(Map<String, String> opts, String key) {
    String value = opts.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing --" + key + "=...; " + USAGE);
    }
    return value;
  }
}
