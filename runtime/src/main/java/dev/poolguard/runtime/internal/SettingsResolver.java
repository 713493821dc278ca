package dev.poolguard.runtime.internal;

import dev.poolguard.runtime.PoolGuardException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the shared pool's configuration into validated {@link PoolSettings}. The URL comes from
 * the first of the {@link SettingSources}, or is the in-memory H2 fallback when H2 is on the
 * classpath; every other setting comes from the first of: its system property, its URL parameter
 * (Prisma's names), the properties file, the default. {@link SettingParser} interprets the values.
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
    SettingSources sources = sources();
    Setting rawUrl = findUrl(sources);
    DatabaseUrl url = parse(rawUrl, valueOf(sources.lookup("password", null)));
    @Nullable Setting user = sources.lookup("user", settingOf("user", url.user(), rawUrl.source()));
    @Nullable Setting password =
        sources.lookup("password", settingOf("password", url.password(), rawUrl.source()));
    return sized(url, valueOf(user), valueOf(password), rawUrl, sources);
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
    Setting rawUrl = new Setting("url", jdbcUrl, source);
    DatabaseUrl url = parse(rawUrl, password);
    return sized(
        url,
        user != null ? user : url.user(),
        password != null ? password : url.password(),
        rawUrl,
        sources());
  }

  private static DatabaseUrl parse(Setting rawUrl, @Nullable String password) {
    try {
      return DatabaseUrl.parse(rawUrl.value());
    } catch (IllegalArgumentException e) {
      String redacted = Redaction.scrub(Redaction.url(rawUrl.value()), password);
      throw new PoolGuardException(
          FailureMessages.malformedUrl(rawUrl.source(), redacted, String.valueOf(e.getMessage())));
    }
  }

  /** Pool size, timeouts and driver properties: the same for the default pool and any other. */
  private PoolSettings sized(
      DatabaseUrl url,
      @Nullable String user,
      @Nullable String password,
      Setting rawUrl,
      SettingSources sources) {
    SettingParser parser = new SettingParser(url.kind().displayName() + " " + url.target());

    @Nullable Setting maxPoolSize =
        sources.lookup("maxPoolSize", option(url, DatabaseUrl.CONNECTION_LIMIT, rawUrl));
    @Nullable Setting acquireTimeout =
        sources.lookup("acquireTimeout", option(url, DatabaseUrl.POOL_TIMEOUT, rawUrl));
    @Nullable Setting connectTimeout =
        sources.lookup("connectTimeout", option(url, DatabaseUrl.CONNECT_TIMEOUT, rawUrl));
    @Nullable Setting leakDetection = sources.lookup("leakDetection", null);
    @Nullable Setting pgbouncer = option(url, DatabaseUrl.PGBOUNCER, rawUrl);
    @Nullable Setting budgetSetting =
        sources.lookup("budget", option(url, DatabaseUrl.BUDGET, rawUrl));

    Duration connect =
        parser.duration(connectTimeout, DEFAULT_CONNECT_TIMEOUT, Duration.ofSeconds(1));
    Map<String, String> driverProperties = new LinkedHashMap<>(url.driverProperties());
    url.kind().applyConnectTimeout(driverProperties, connect);
    boolean throughPgBouncer = parser.flag(pgbouncer, false);
    if (pgbouncer != null && throughPgBouncer) {
      if (url.kind() != DatabaseKind.POSTGRESQL) {
        throw parser.bad(pgbouncer, "meaningful: pgbouncer=true only applies to PostgreSQL");
      }
      url.kind().applyTransactionPooling(driverProperties);
    }
    int budget = budgetFor(url.kind(), parser.positiveInt(budgetSetting, 0), budgetSetting);
    if (budget > 0 && throughPgBouncer && budgetSetting != null) {
      throw parser.bad(
          budgetSetting,
          "usable together with pgbouncer=true: the budget is kept with session-level advisory"
              + " locks, which transaction pooling hands to other clients. Use PgBouncer's"
              + " default_pool_size as the budget there, or connect to a PgBouncer pool in"
              + " session mode without pgbouncer=true");
    }
    return new PoolSettings(
        url,
        user,
        password,
        parser.positiveInt(maxPoolSize, DEFAULT_MAX_POOL_SIZE),
        parser.duration(acquireTimeout, DEFAULT_ACQUIRE_TIMEOUT, MIN_ACQUIRE_TIMEOUT),
        connect,
        parser.leakThreshold(leakDetection, DEFAULT_LEAK_THRESHOLD),
        rawUrl.source(),
        driverProperties,
        budget,
        throughPgBouncer);
  }

  /** H2 databases live inside one JVM, so a budget across JVMs means nothing there: said once. */
  private static int budgetFor(DatabaseKind kind, int budget, @Nullable Setting setting) {
    if (budget == 0 || setting == null || ConnectionBudget.supports(kind)) {
      return budget;
    }
    ConnectionBudget.announceIgnored(
        kind, setting.name() + "=" + setting.value(), setting.source());
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
    SettingSources sources = sources();
    SettingParser parser = new SettingParser("every pool of this test JVM");
    LeakReporting defaults = LeakReporting.defaults();
    @Nullable Setting reportDir = sources.lookup("reportDir", null);
    return new LeakReporting(
        parser.choice(
            sources.lookup("leaks", null), LeakReporting.LeakMode.class, defaults.leaks()),
        parser.choice(
            sources.lookup("report", null), LeakReporting.ReportMode.class, defaults.report()),
        reportDir == null ? defaults.reportDir() : Path.of(reportDir.value()));
  }

  /**
   * {@code poolguard.hygiene}: system property, then the properties file, then {@code reset}. The
   * same for every pool of the JVM.
   *
   * @throws PoolGuardException when the value is not reset, fail or off
   */
  HygieneMode hygiene() {
    return new SettingParser("every pool of this test JVM")
        .choice(sources().lookup("hygiene", null), HygieneMode.class, HygieneMode.RESET);
  }

  private Setting findUrl(SettingSources sources) {
    Setting configured = sources.url();
    if (configured != null) {
      return configured;
    }
    if (isOnClasspath("org.h2.Driver")) {
      return new Setting("url", EMBEDDED_URL, EMBEDDED_SOURCE);
    }
    throw new PoolGuardException(FailureMessages.noUrl());
  }

  private SettingSources sources() {
    return SettingSources.read(systemProperties, environment, classLoader);
  }

  private static @Nullable Setting settingOf(String name, @Nullable String value, String source) {
    return value == null ? null : new Setting(name, value, source);
  }

  private static @Nullable String valueOf(@Nullable Setting setting) {
    return setting == null ? null : setting.value();
  }

  private static @Nullable Setting option(DatabaseUrl url, String name, Setting rawUrl) {
    String value = url.poolOptions().get(name);
    return value == null ? null : new Setting(name, value, "the URL in " + rawUrl.source());
  }

  private boolean isOnClasspath(String className) {
    try {
      Class.forName(className, false, classLoader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
