package dev.poolguard.spring;

import com.zaxxer.hikari.HikariDataSource;
import dev.poolguard.runtime.internal.Redaction;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.jdbc.datasource.AbstractDriverBasedDataSource;

/**
 * Where a {@code DataSource} bean would connect, read from the configured object after Spring bound
 * {@code spring.datasource.*}, {@code JdbcConnectionDetails} or {@code @DynamicPropertySource}
 * values to it: so whichever of those decided, the shared pool gets the same database. {@link
 * #toString()} never shows the password.
 *
 * @param jdbcUrl the JDBC URL; {@code null} when the bean names its database otherwise (a HikariCP
 *     pool configured with {@code dataSourceClassName})
 * @param user the user, or {@code null}
 * @param password the password, or {@code null}
 */
record DataSourceTarget(
    @Nullable String jdbcUrl, @Nullable String user, @Nullable String password) {

  /**
   * The other pools Spring Boot builds from {@code spring.datasource.type} that are tested here;
   * known by class name, since they may be absent.
   */
  private static final List<PoolType> OTHER_POOLS =
      List.of(
          // Tomcat's getPassword() answers "Password not available as DataSource/JMX operation.";
          // the password itself is in its pool properties.
          new PoolType(
              "org.apache.tomcat.jdbc.pool.DataSourceProxy",
              "url",
              "username",
              "poolProperties.password"),
          new PoolType("org.apache.commons.dbcp2.BasicDataSource", "url", "username", "password"));

  /** In-memory databases take no server connection; they keep the context's own pool. */
  private static final List<String> IN_MEMORY_PREFIXES =
      List.of("jdbc:h2:mem:", "jdbc:hsqldb:mem:", "jdbc:derby:memory:", "jdbc:sqlite::memory:");

  /**
   * The target of {@code dataSource}, or {@code null} when it is not a pool or driver-based
   * DataSource that opens connections of its own (an embedded database, a wrapper, a view of
   * PoolGuard's).
   */
  static @Nullable DataSourceTarget of(DataSource dataSource) {
    if (dataSource instanceof HikariDataSource hikari) {
      return new DataSourceTarget(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
    }
    if (dataSource instanceof AbstractDriverBasedDataSource driverBased) {
      return new DataSourceTarget(
          driverBased.getUrl(), driverBased.getUsername(), driverBased.getPassword());
    }
    for (PoolType type : OTHER_POOLS) {
      if (type.matches(dataSource.getClass())) {
        BeanWrapper properties = PropertyAccessorFactory.forBeanPropertyAccess(dataSource);
        return new DataSourceTarget(
            (String) properties.getPropertyValue(type.urlProperty()),
            (String) properties.getPropertyValue(type.userProperty()),
            (String) properties.getPropertyValue(type.passwordProperty()));
      }
    }
    return null;
  }

  boolean isInMemory() {
    String url = jdbcUrl;
    return url != null
        && IN_MEMORY_PREFIXES.stream()
            .anyMatch(prefix -> url.toLowerCase(Locale.ROOT).startsWith(prefix));
  }

  @Override
  public String toString() {
    return "DataSourceTarget["
        + (jdbcUrl == null ? null : Redaction.url(jdbcUrl))
        + ", user "
        + user
        + ", password "
        + (password == null ? "none" : Redaction.MASK)
        + "]";
  }

  /**
   * A pool class, known by name (it may be absent), and the property paths of its URL, user and
   * password.
   */
  private record PoolType(
      String className, String urlProperty, String userProperty, String passwordProperty) {
    boolean matches(Class<?> type) {
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        if (c.getName().equals(className)) {
          return true;
        }
      }
      return false;
    }
  }
}
