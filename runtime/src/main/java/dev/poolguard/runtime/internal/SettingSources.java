package dev.poolguard.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Where PoolGuard's settings are found, first found wins: system properties {@code poolguard.*},
 * the environment (for the URL only), {@code poolguard.properties} on the classpath. Values are
 * returned as written, with where they came from; {@link SettingsResolver} interprets them.
 */
final class SettingSources {
  static final String PROPERTIES_FILE = "poolguard.properties";

  private static final String PREFIX = "poolguard.";
  private static final List<String> URL_VARIABLES =
      List.of("POOLGUARD_URL", "DATABASE_URL_TEST", "DATABASE_URL");

  private final Properties systemProperties;
  private final Map<String, String> environment;
  private final Properties file;
  private final String fileLocation;

  private SettingSources(
      Properties systemProperties,
      Map<String, String> environment,
      Properties file,
      String fileLocation) {
    this.systemProperties = systemProperties;
    this.environment = environment;
    this.file = file;
    this.fileLocation = fileLocation;
  }

  /** The sources as they are now: the properties file is read here, once. */
  static SettingSources read(
      Properties systemProperties, Map<String, String> environment, ClassLoader classLoader) {
    URL resource = classLoader.getResource(PROPERTIES_FILE);
    Properties file = new Properties();
    if (resource == null) {
      return new SettingSources(systemProperties, environment, file, PROPERTIES_FILE);
    }
    try (InputStream in = resource.openStream()) {
      file.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("PoolGuard: cannot read " + resource, e);
    }
    return new SettingSources(systemProperties, environment, file, resource.toString());
  }

  /**
   * The URL: system property {@code poolguard.url}, environment {@code POOLGUARD_URL}, {@code
   * DATABASE_URL_TEST}, {@code DATABASE_URL}, {@code poolguard.url} in the properties file; {@code
   * null} when none gives one.
   */
  @Nullable Setting url() {
    String fromSystem = nonBlank(systemProperties.getProperty(PREFIX + "url"));
    if (fromSystem != null) {
      return new Setting(PREFIX + "url", fromSystem, "system property poolguard.url");
    }
    for (String variable : URL_VARIABLES) {
      String fromEnvironment = nonBlank(environment.get(variable));
      if (fromEnvironment != null) {
        return new Setting(variable, fromEnvironment, "environment variable " + variable);
      }
    }
    return fromFile(PREFIX + "url");
  }

  /**
   * Setting {@code poolguard.<name>}: the system property, then {@code fromUrl} (the URL's own
   * value), then the properties file; {@code null} when none.
   */
  @Nullable Setting lookup(String name, @Nullable Setting fromUrl) {
    String fromSystem = nonBlank(systemProperties.getProperty(PREFIX + name));
    if (fromSystem != null) {
      return new Setting(PREFIX + name, fromSystem, "system property " + PREFIX + name);
    }
    if (fromUrl != null) {
      return fromUrl;
    }
    return fromFile(PREFIX + name);
  }

  private @Nullable Setting fromFile(String key) {
    String value = nonBlank(file.getProperty(key));
    return value == null ? null : new Setting(key, value, fileLocation);
  }

  private static @Nullable String nonBlank(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
