package dev.poolguard.runtime.internal;

import dev.poolguard.runtime.PoolGuardException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Finds the shared pool's configuration. The URL comes from the first of: system property {@code
 * poolguard.url}, environment {@code POOLGUARD_URL}, {@code DATABASE_URL_TEST}, {@code
 * DATABASE_URL}, {@code poolguard.url} in {@code poolguard.properties} on the classpath. Every
 * other setting comes from the first of: its system property, its URL parameter (Prisma's names),
 * the properties file, the default.
 *
 * <p>The process environment is an argument, not read here, so tests can resolve any configuration
 * without touching the real one.
 */
public final class SettingsResolver {
  public static final int DEFAULT_MAX_POOL_SIZE = 3;
  static final Duration DEFAULT_ACQUIRE_TIMEOUT = Duration.ofSeconds(5);
  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration DEFAULT_LEAK_THRESHOLD = Duration.ofSeconds(30);

  /**
   * Kept alive for the JVM's lifetime: H2 drops an in-memory database when its last connection
   * closes.
   */
  static final String EMBEDDED_URL = "jdbc:h2:mem:poolguard;DB_CLOSE_DELAY=-1";

  static final String EMBEDDED_SOURCE = "the in-memory H2 fallback (no URL configured)";
  static final String PROPERTIES_FILE = "poolguard.properties";

  private static final String PREFIX = "poolguard.";
  private static final List<String> URL_VARIABLES =
      List.of("POOLGUARD_URL", "DATABASE_URL_TEST", "DATABASE_URL");

  /** HikariCP refuses shorter acquire timeouts. */
  private static final Duration MIN_ACQUIRE_TIMEOUT = Duration.ofMillis(250);

  private final Properties systemProperties;
  private final Map<String, String> environment;
  private final ClassLoader classLoader;

  SettingsResolver(
      Properties systemProperties, Map<String, String> environment, ClassLoader classLoader) {
    this.systemProperties = systemProperties;
    this.environment = environment;
    this.classLoader = classLoader;
  }

  /** The real configuration of this process. */
  public static SettingsResolver ofProcess() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return new SettingsResolver(
        System.getProperties(),
        System.getenv(),
        context != null ? context : SettingsResolver.class.getClassLoader());
  }

  /**
   * @throws PoolGuardException when no URL is given and no embedded database is available, or a
   *     setting is invalid
   */
  PoolSettings resolve() {
    PropertiesFile file = PropertiesFile.load(classLoader);
    Setting rawUrl = findUrl(file);
    DatabaseUrl url = parse(rawUrl, valueOf(lookup("password", null, file)));
    @Nullable Setting user = lookup("user", settingOf("user", url.user(), rawUrl.source), file);
    @Nullable Setting password =
        lookup("password", settingOf("password", url.password(), rawUrl.source), file);
    return sized(url, valueOf(user), valueOf(password), rawUrl, file);
  }

  /**
   * Settings for a database named by the caller (a Spring test context's {@code
   * spring.datasource.*}): URL, user and password are the caller's, and {@code poolguard.url},
   * {@code poolguard.user} and {@code poolguard.password} do not override them; pool size and
   * timeouts are resolved exactly as for {@link #resolve()}.
   *
   * @param source where the URL came from, for messages
   * @throws PoolGuardException when the URL cannot be parsed or a setting is invalid
   */
  PoolSettings resolveFor(
      String jdbcUrl, @Nullable String user, @Nullable String password, String source) {
    PropertiesFile file = PropertiesFile.load(classLoader);
    Setting rawUrl = new Setting("url", jdbcUrl, source);
    DatabaseUrl url = parse(rawUrl, password);
    return sized(
        url,
        user != null ? user : url.user(),
        password != null ? password : url.password(),
        rawUrl,
        file);
  }

  private static DatabaseUrl parse(Setting rawUrl, @Nullable String password) {
    try {
      return DatabaseUrl.parse(rawUrl.value);
    } catch (IllegalArgumentException e) {
      String redacted = Redaction.scrub(Redaction.url(rawUrl.value), password);
      throw new PoolGuardException(
          FailureMessages.malformedUrl(rawUrl.source, redacted, String.valueOf(e.getMessage())));
    }
  }

  /** Pool size, timeouts and driver properties: the same for the default pool and any other. */
  private PoolSettings sized(
      DatabaseUrl url,
      @Nullable String user,
      @Nullable String password,
      Setting rawUrl,
      PropertiesFile file) {
    String target = url.kind().displayName() + " " + url.target();
    Numbers numbers = new Numbers(target);

    @Nullable Setting maxPoolSize =
        lookup("maxPoolSize", option(url, DatabaseUrl.CONNECTION_LIMIT, rawUrl), file);
    @Nullable Setting acquireTimeout =
        lookup("acquireTimeout", option(url, DatabaseUrl.POOL_TIMEOUT, rawUrl), file);
    @Nullable Setting connectTimeout =
        lookup("connectTimeout", option(url, DatabaseUrl.CONNECT_TIMEOUT, rawUrl), file);
    @Nullable Setting leakDetection = lookup("leakDetection", null, file);
    @Nullable Setting pgbouncer = option(url, DatabaseUrl.PGBOUNCER, rawUrl);
    @Nullable Setting budgetSetting =
        lookup("budget", option(url, DatabaseUrl.BUDGET, rawUrl), file);

    Duration connect =
        numbers.duration(connectTimeout, DEFAULT_CONNECT_TIMEOUT, Duration.ofSeconds(1));
    Map<String, String> driverProperties = new LinkedHashMap<>(url.driverProperties());
    url.kind().applyConnectTimeout(driverProperties, connect);
    boolean throughPgBouncer = numbers.flag(pgbouncer, false);
    if (pgbouncer != null && throughPgBouncer) {
      if (url.kind() != DatabaseKind.POSTGRESQL) {
        throw new PoolGuardException(
            FailureMessages.badSetting(
                DatabaseUrl.PGBOUNCER,
                pgbouncer.value,
                pgbouncer.source,
                target,
                "meaningful: pgbouncer=true only applies to PostgreSQL"));
      }
      url.kind().applyTransactionPooling(driverProperties);
    }
    int budget = budgetFor(url.kind(), numbers.positiveInt(budgetSetting, 0), budgetSetting);
    if (budget > 0 && throughPgBouncer && budgetSetting != null) {
      throw new PoolGuardException(
          FailureMessages.badSetting(
              budgetSetting.name,
              budgetSetting.value,
              budgetSetting.source,
              target,
              "usable together with pgbouncer=true: the budget is kept with session-level advisory"
                  + " locks, which transaction pooling hands to other clients. Use PgBouncer's"
                  + " default_pool_size as the budget there, or connect to a PgBouncer pool in"
                  + " session mode without pgbouncer=true"));
    }
    return new PoolSettings(
        url,
        user,
        password,
        numbers.positiveInt(maxPoolSize, DEFAULT_MAX_POOL_SIZE),
        numbers.duration(acquireTimeout, DEFAULT_ACQUIRE_TIMEOUT, MIN_ACQUIRE_TIMEOUT),
        connect,
        numbers.leakThreshold(leakDetection),
        rawUrl.source,
        driverProperties,
        budget,
        throughPgBouncer);
  }

  /** H2 databases live inside one JVM, so a budget across JVMs means nothing there: said once. */
  private static int budgetFor(DatabaseKind kind, int budget, @Nullable Setting setting) {
    if (budget == 0 || setting == null || ConnectionBudget.supports(kind)) {
      return budget;
    }
    ConnectionBudget.announceIgnored(kind, setting.name + "=" + setting.value, setting.source);
    return 0;
  }

  /**
   * {@code poolguard.leaks}, {@code poolguard.report} and {@code poolguard.reportDir}: system
   * property, then the properties file, then the default. They are the same for every pool of the
   * JVM.
   *
   * @throws PoolGuardException when a value is not one of those accepted
   */
  LeakReporting leakReporting() {
    PropertiesFile file = PropertiesFile.load(classLoader);
    Numbers numbers = new Numbers("every pool of this test JVM");
    LeakReporting defaults = LeakReporting.defaults();
    @Nullable Setting reportDir = lookup("reportDir", null, file);
    return new LeakReporting(
        numbers.choice(lookup("leaks", null, file), LeakReporting.LeakMode.class, defaults.leaks()),
        numbers.choice(
            lookup("report", null, file), LeakReporting.ReportMode.class, defaults.report()),
        reportDir == null ? defaults.reportDir() : Path.of(reportDir.value));
  }

  /**
   * {@code poolguard.hygiene}: system property, then the properties file, then {@code reset}. The
   * same for every pool of the JVM.
   *
   * @throws PoolGuardException when the value is not reset, fail or off
   */
  HygieneMode hygiene() {
    return new Numbers("every pool of this test JVM")
        .choice(
            lookup("hygiene", null, PropertiesFile.load(classLoader)),
            HygieneMode.class,
            HygieneMode.RESET);
  }

  private Setting findUrl(PropertiesFile file) {
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
    Setting fromFile = file.get(PREFIX + "url");
    if (fromFile != null) {
      return fromFile;
    }
    if (isOnClasspath("org.h2.Driver")) {
      return new Setting("url", EMBEDDED_URL, EMBEDDED_SOURCE);
    }
    throw new PoolGuardException(FailureMessages.noUrl());
  }

  /**
   * System property, then the URL's own value, then the properties file; {@code null} when none.
   */
  private @Nullable Setting lookup(String name, @Nullable Setting fromUrl, PropertiesFile file) {
    String fromSystem = nonBlank(systemProperties.getProperty(PREFIX + name));
    if (fromSystem != null) {
      return new Setting(PREFIX + name, fromSystem, "system property " + PREFIX + name);
    }
    if (fromUrl != null) {
      return fromUrl;
    }
    return file.get(PREFIX + name);
  }

  private static @Nullable Setting settingOf(String name, @Nullable String value, String source) {
    return value == null ? null : new Setting(name, value, source);
  }

  private static @Nullable String valueOf(@Nullable Setting setting) {
    return setting == null ? null : setting.value;
  }

  private static @Nullable Setting option(DatabaseUrl url, String name, Setting rawUrl) {
    String value = url.poolOptions().get(name);
    return value == null ? null : new Setting(name, value, "the URL in " + rawUrl.source);
  }

  private boolean isOnClasspath(String className) {
    try {
      Class.forName(className, false, classLoader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static @Nullable String nonBlank(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * A setting's name as written where it was found, its value ({@code null}: not set) and that
   * place.
   */
  private static final class Setting {
    final String name;
    final String value;
    final String source;

    Setting(String name, String value, String source) {
      this.name = name;
      this.value = value;
      this.source = source;
    }
  }

  /**
   * Interprets numbers and flags, failing with a message that names the setting, its source and the
   * database.
   */
  private static final class Numbers {
    private final String target;

    Numbers(String target) {
      this.target = target;
    }

    int positiveInt(@Nullable Setting setting, int defaultValue) {
      if (setting == null) {
        return defaultValue;
      }
      try {
        int value = Integer.parseInt(setting.value.strip());
        if (value >= 1) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw bad(setting, "a whole number of at least 1");
    }

    /** Whole seconds ({@code 5}, as in Prisma URLs), or with a unit: {@code 5s}, {@code 500ms}. */
    Duration duration(@Nullable Setting setting, Duration defaultValue, Duration minimum) {
      if (setting == null) {
        return defaultValue;
      }
      Duration value = parseDuration(setting.value);
      if (value == null || value.compareTo(minimum) < 0) {
        throw bad(
            setting,
            "a duration of at least "
                + FailureMessages.seconds(minimum)
                + " (whole seconds, or with a unit: 5s, 500ms)");
      }
      return value;
    }

    /** {@code true} (the default threshold), {@code false}, or a threshold as a duration. */
    Duration leakThreshold(@Nullable Setting setting) {
      if (setting == null) {
        return DEFAULT_LEAK_THRESHOLD;
      }
      String text = setting.value.strip().toLowerCase(Locale.ROOT);
      if (text.equals("true")) {
        return DEFAULT_LEAK_THRESHOLD;
      }
      if (text.equals("false")) {
        return Duration.ZERO;
      }
      Duration value = parseDuration(text);
      if (value == null || value.isZero()) {
        throw bad(setting, "true, false or a threshold such as 30s or 2000ms");
      }
      return value;
    }

    /** One of {@code type}'s constants, written in lower case ({@code warn}, {@code fail}). */
    <E extends Enum<E>> E choice(@Nullable Setting setting, Class<E> type, E defaultValue) {
      if (setting == null) {
        return defaultValue;
      }
      String text = setting.value.strip().toUpperCase(Locale.ROOT);
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(text)) {
          return constant;
        }
      }
      throw bad(
          setting,
          "one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", ")));
    }

    boolean flag(@Nullable Setting setting, boolean defaultValue) {
      if (setting == null) {
        return defaultValue;
      }
      String text = setting.value.strip().toLowerCase(Locale.ROOT);
      if (text.equals("true") || text.equals("false")) {
        return Boolean.parseBoolean(text);
      }
      throw bad(setting, "true or false");
    }

    private static @Nullable Duration parseDuration(String text) {
      String lower = text.strip().toLowerCase(Locale.ROOT);
      try {
        if (lower.endsWith("ms")) {
          return Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2).strip()));
        }
        if (lower.endsWith("s")) {
          return Duration.ofSeconds(Long.parseLong(lower.substring(0, lower.length() - 1).strip()));
        }
        return Duration.ofSeconds(Long.parseLong(lower));
      } catch (NumberFormatException e) {
        return null;
      }
    }

    private PoolGuardException bad(Setting setting, String expected) {
      return new PoolGuardException(
          FailureMessages.badSetting(
              setting.name, setting.value, setting.source, target, expected));
    }
  }

  /** {@code poolguard.properties}: the first one on the classpath, if any. */
  private static final class PropertiesFile {
    private final Properties properties;
    private final String location;

    private PropertiesFile(Properties properties, String location) {
      this.properties = properties;
      this.location = location;
    }

    static PropertiesFile load(ClassLoader classLoader) {
      URL resource = classLoader.getResource(PROPERTIES_FILE);
      Properties properties = new Properties();
      if (resource == null) {
        return new PropertiesFile(properties, PROPERTIES_FILE);
      }
      try (InputStream in = resource.openStream()) {
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("PoolGuard: cannot read " + resource, e);
      }
      return new PropertiesFile(properties, resource.toString());
    }

    @Nullable Setting get(String key) {
      String value = nonBlank(properties.getProperty(key));
      return value == null ? null : new Setting(key, value, location);
    }
  }
}
