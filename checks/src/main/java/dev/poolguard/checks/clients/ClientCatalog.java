package dev.poolguard.checks.clients;

import static com.google.errorprone.util.ASTHelpers.getEnclosedElements;
import static com.google.errorprone.util.ASTHelpers.isStatic;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSetMultimap;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.util.Name;
import dev.poolguard.checks.common.MemberName;
import dev.poolguard.checks.common.Supertypes;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Recognises, by resolved symbol, the constructors and factory methods that build a database
 * client: pools and data sources, raw connections, and URL-built clients. A subclass of a known
 * pool is a pool; an overload that wraps an existing {@code DataSource} or connection is not a new
 * client.
 *
 * <p>Internal: public only for the teardown package, which tells owned pools from foreign ones with
 * it. Not an API.
 */
public final class ClientCatalog {
  /**
   * Classes whose construction (or a subclass's) builds a pool or data source; a class's own entry
   * wins over its supertypes'.
   */
  private static final ImmutableMap<String, ClientKind> CLIENT_TYPES =
      ImmutableMap.<String, ClientKind>builder()
          .put("com.zaxxer.hikari.HikariDataSource", ClientKind.POOL)
          .put("org.apache.commons.dbcp2.BasicDataSource", ClientKind.POOL)
          .put("org.apache.commons.dbcp2.PoolingDataSource", ClientKind.POOL)
          .put("org.apache.commons.dbcp2.datasources.InstanceKeyDataSource", ClientKind.POOL)
          .put("org.apache.commons.dbcp.BasicDataSource", ClientKind.POOL)
          .put("com.mchange.v2.c3p0.AbstractComboPooledDataSource", ClientKind.POOL)
          .put("com.mchange.v2.c3p0.DriverManagerDataSource", ClientKind.UNPOOLED_DATA_SOURCE)
          .put("org.apache.tomcat.jdbc.pool.DataSourceProxy", ClientKind.POOL)
          .put("org.vibur.dbcp.ViburDBCPDataSource", ClientKind.POOL)
          // Most derived first (Supertypes.names): pgjdbc's deprecated pooling data source pools.
          .put("org.postgresql.ds.PGPoolingDataSource", ClientKind.POOL)
          .put("org.postgresql.ds.common.BaseDataSource", ClientKind.UNPOOLED_DATA_SOURCE)
          .put("org.postgresql.jdbc2.optional.SimpleDataSource", ClientKind.UNPOOLED_DATA_SOURCE)
          .put("org.mariadb.jdbc.MariaDbDataSource", ClientKind.UNPOOLED_DATA_SOURCE)
          .put("org.mariadb.jdbc.MariaDbPoolDataSource", ClientKind.POOL)
          .put("com.mysql.cj.jdbc.MysqlDataSource", ClientKind.UNPOOLED_DATA_SOURCE)
          .put("com.mysql.jdbc.jdbc2.optional.MysqlDataSource", ClientKind.UNPOOLED_DATA_SOURCE)
          .put(
              "org.springframework.jdbc.datasource.AbstractDriverBasedDataSource",
              ClientKind.UNPOOLED_DATA_SOURCE)
          .put("com.alibaba.druid.pool.DruidDataSource", ClientKind.POOL)
          .put("com.jolbox.bonecp.BoneCPDataSource", ClientKind.POOL)
          .put("oracle.jdbc.datasource.impl.OracleDataSource", ClientKind.UNPOOLED_DATA_SOURCE)
          .put("oracle.jdbc.pool.OracleDataSource", ClientKind.UNPOOLED_DATA_SOURCE)
          .put("com.microsoft.sqlserver.jdbc.SQLServerDataSource", ClientKind.UNPOOLED_DATA_SOURCE)
          .put("redis.clients.jedis.Jedis", ClientKind.CLIENT)
          .put("redis.clients.jedis.UnifiedJedis", ClientKind.CLIENT)
          .put("redis.clients.jedis.JedisPool", ClientKind.CLIENT)
          .put("com.mongodb.MongoClient", ClientKind.CLIENT)
          .buildOrThrow();

  private static final Supplier<IdentityHashMap<Name, ClientKind>> CLIENT_TYPE_NAMES =
      VisitorState.memoize(
          state -> {
            IdentityHashMap<Name, ClientKind> names = new IdentityHashMap<>();
            for (Map.Entry<String, ClientKind> type : CLIENT_TYPES.entrySet()) {
              names.put(state.getName(type.getKey()), type.getValue());
            }
            return names;
          });

  private static final boolean ANY_OVERLOAD = false;
  private static final boolean URL_FIRST = true;

  /** Factory methods that build a client, keyed by method name for a cheap first look-up. */
  private static final ImmutableSetMultimap<String, Factory> FACTORIES =
      ImmutableList.of(
              new Factory(
                  "java.sql.DriverManager", "getConnection", ANY_OVERLOAD, ClientKind.CONNECTION),
              new Factory("java.sql.Driver", "connect", ANY_OVERLOAD, ClientKind.CONNECTION),
              new Factory(
                  "org.testcontainers.containers.JdbcDatabaseContainer",
                  "createConnection",
                  ANY_OVERLOAD,
                  ClientKind.CONNECTION),
              new Factory(
                  "io.vertx.pgclient.PgConnection", "connect", ANY_OVERLOAD, ClientKind.CONNECTION),
              new Factory(
                  "org.springframework.boot.jdbc.DataSourceBuilder",
                  "build",
                  ANY_OVERLOAD,
                  ClientKind.POOL),
              new Factory(
                  "org.apache.commons.dbcp2.BasicDataSourceFactory",
                  "createDataSource",
                  ANY_OVERLOAD,
                  ClientKind.POOL),
              new Factory(
                  "com.alibaba.druid.pool.DruidDataSourceFactory",
                  "createDataSource",
                  ANY_OVERLOAD,
                  ClientKind.POOL),
              new Factory("io.agroal.api.AgroalDataSource", "from", ANY_OVERLOAD, ClientKind.POOL),
              new Factory(
                  "oracle.ucp.jdbc.PoolDataSourceFactory",
                  "getPoolDataSource",
                  ANY_OVERLOAD,
                  ClientKind.POOL),
              new Factory(
                  "com.mchange.v2.c3p0.DataSources",
                  "unpooledDataSource",
                  ANY_OVERLOAD,
                  ClientKind.POOL),
              new Factory("org.h2.jdbcx.JdbcConnectionPool", "create", URL_FIRST, ClientKind.POOL),
              new Factory("org.jdbi.v3.core.Jdbi", "create", URL_FIRST, ClientKind.CLIENT),
              new Factory("org.jdbi.v3.core.Jdbi", "open", URL_FIRST, ClientKind.CLIENT),
              new Factory("org.jooq.impl.DSL", "using", URL_FIRST, ClientKind.CLIENT),
              new Factory(
                  "io.r2dbc.spi.ConnectionFactories", "get", ANY_OVERLOAD, ClientKind.CLIENT),
              new Factory(
                  "io.r2dbc.spi.ConnectionFactories", "find", ANY_OVERLOAD, ClientKind.CLIENT),
              new Factory(
                  "jakarta.persistence.Persistence",
                  "createEntityManagerFactory",
                  ANY_OVERLOAD,
                  ClientKind.CLIENT),
              new Factory(
                  "javax.persistence.Persistence",
                  "createEntityManagerFactory",
                  ANY_OVERLOAD,
                  ClientKind.CLIENT),
              new Factory(
                  "org.hibernate.cfg.Configuration",
                  "buildSessionFactory",
                  ANY_OVERLOAD,
                  ClientKind.CLIENT),
              new Factory(
                  "com.mongodb.client.MongoClients", "create", ANY_OVERLOAD, ClientKind.CLIENT),
              new Factory(
                  "com.mongodb.reactivestreams.client.MongoClients",
                  "create",
                  ANY_OVERLOAD,
                  ClientKind.CLIENT),
              new Factory("io.lettuce.core.RedisClient", "create", ANY_OVERLOAD, ClientKind.CLIENT),
              new Factory(
                  "io.lettuce.core.cluster.RedisClusterClient",
                  "create",
                  ANY_OVERLOAD,
                  ClientKind.CLIENT),
              new Factory("io.vertx.sqlclient.Pool", "pool", ANY_OVERLOAD, ClientKind.CLIENT),
              new Factory("io.vertx.pgclient.PgPool", "pool", ANY_OVERLOAD, ClientKind.CLIENT),
              new Factory("io.vertx.pgclient.PgPool", "client", ANY_OVERLOAD, ClientKind.CLIENT),
              new Factory(
                  "io.vertx.mysqlclient.MySQLPool", "pool", ANY_OVERLOAD, ClientKind.CLIENT),
              new Factory("io.vertx.jdbcclient.JDBCPool", "pool", ANY_OVERLOAD, ClientKind.CLIENT),
              new Factory(
                  "io.vertx.sqlclient.ClientBuilder", "build", ANY_OVERLOAD, ClientKind.CLIENT))
          .stream()
          .collect(ImmutableSetMultimap.toImmutableSetMultimap(Factory::method, f -> f));

  /**
   * Parameter types that mean "wraps something that already exists": such overloads reuse a client
   * rather than open one (for example {@code Jdbi.create(DataSource)}).
   */
  private static final ImmutableSet<String> EXISTING_CLIENT_TYPES =
      ImmutableSet.of(
          "javax.sql.DataSource",
          "java.sql.Connection",
          "io.r2dbc.spi.ConnectionFactory",
          "io.r2dbc.spi.Connection",
          "org.jdbi.v3.core.ConnectionFactory",
          "org.jdbi.v3.core.Handle",
          "org.jooq.ConnectionProvider",
          "org.jooq.Configuration");

  private final ImmutableList<MemberName> additionalClients;
  // Decided once per method per compilation: a suite calls the same few hundred methods over and
  // over.
  private final Supplier<Map<MethodSymbol, Optional<ClientKind>>> builtBy =
      VisitorState.memoize(unused -> new HashMap<>());
  // The interned names a client-building method can have: nearly every call a suite makes fails
  // this one test, which costs less than the per-method look-up behind it.
  private final Supplier<ImmutableSet<Name>> methodNames;

  public ClientCatalog(ImmutableList<MemberName> additionalClients) {
    this.additionalClients = additionalClients;
    this.methodNames =
        VisitorState.memoize(
            state -> {
              ImmutableSet.Builder<Name> names = ImmutableSet.builder();
              for (String name : FACTORIES.keySet()) {
                names.add(state.getName(name));
              }
              for (MemberName member : additionalClients) {
                names.add(state.getName(member.memberName()));
              }
              return names.build();
            });
  }

  /**
   * Whether a method so named can build a client: a constructor ({@code <init>}) or a factory of a
   * name this catalog knows.
   */
  public boolean mayBuildClient(Name name, VisitorState state) {
    return Objects.equals(name, state.getNames().init) || methodNames.get(state).contains(name);
  }

  /**
   * The kind of client {@code method} (a constructor or factory method) builds, if it builds one.
   */
  public Optional<ClientKind> clientBuiltBy(MethodSymbol method, VisitorState state) {
    if (!mayBuildClient(method.getSimpleName(), state)) {
      return Optional.empty();
    }
    Map<MethodSymbol, Optional<ClientKind>> known = builtBy.get(state);
    Optional<ClientKind> kind = known.get(method);
    if (kind == null) {
      kind = computeClientBuiltBy(method, state);
      known.put(method, kind);
    }
    return kind;
  }

  private Optional<ClientKind> computeClientBuiltBy(MethodSymbol method, VisitorState state) {
    for (MemberName listed : additionalClients) {
      if (listed.matches(method, state)) {
        return Optional.of(ClientKind.CLIENT);
      }
    }
    Optional<ClientKind> kind =
        method.isConstructor() ? constructedKind(method, state) : factoryKind(method, state);
    return kind.isPresent() && wrapsExistingClient(method, state) ? Optional.empty() : kind;
  }

  /** Whether {@code qualifiedName} is a pool or client class this catalog knows. */
  public static boolean isClientType(String qualifiedName) {
    return CLIENT_TYPES.containsKey(qualifiedName);
  }

  /** Whether {@code method} (a static factory) has a sibling that takes a {@code DataSource}. */
  static Optional<MethodSymbol> dataSourceOverload(MethodSymbol method, VisitorState state) {
    if (!method.isStatic()) {
      return Optional.empty();
    }
    for (Symbol sibling : getEnclosedElements(method.owner)) {
      if (sibling instanceof MethodSymbol methodSymbol
          && isStatic(sibling)
          && sibling.getSimpleName().equals(method.getSimpleName())
          && methodSymbol.getParameters().size() == 1
          && isNamed(methodSymbol.getParameters().get(0).type, "javax.sql.DataSource")
          && state.getTypes().isSameType(methodSymbol.getReturnType(), method.getReturnType())) {
        return Optional.of(methodSymbol);
      }
    }
    return Optional.empty();
  }

  private static Optional<ClientKind> constructedKind(
      MethodSymbol constructor, VisitorState state) {
    // Most derived first. Compared as the compilation's interned names: the suite constructs
    // hundreds of classes (records, builders, collections) and decoding each supertype's name
    // costs more than the rest of the decision.
    IdentityHashMap<Name, ClientKind> clientTypes = CLIENT_TYPE_NAMES.get(state);
    for (Type supertype : state.getTypes().closure(constructor.owner.type)) {
      ClientKind kind = clientTypes.get(supertype.tsym.getQualifiedName());
      if (kind != null) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  private Optional<ClientKind> factoryKind(MethodSymbol method, VisitorState state) {
    ImmutableSet<Factory> candidates = FACTORIES.get(method.getSimpleName().toString());
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    ImmutableSet<String> owners = Supertypes.names(method.owner.type, state);
    for (Factory factory : candidates) {
      if (owners.contains(factory.owner()) && factory.acceptsOverload(method)) {
        return Optional.of(factory.kind());
      }
    }
    return Optional.empty();
  }

  private static boolean wrapsExistingClient(MethodSymbol method, VisitorState state) {
    for (VarSymbol parameter : method.getParameters()) {
      if (Supertypes.anyOf(parameter.type, EXISTING_CLIENT_TYPES, state)) {
        return true;
      }
    }
    return false;
  }

  static boolean isNamed(@Nullable Type type, String qualifiedName) {
    return type != null
        && type.tsym != null
        && type.tsym.getQualifiedName().contentEquals(qualifiedName);
  }

  /** One known factory method: where it is declared, which overloads count, and what it builds. */
  private record Factory(String owner, String method, boolean urlFirst, ClientKind kind) {
    boolean acceptsOverload(MethodSymbol symbol) {
      if (!urlFirst) {
        return true;
      }
      // URL-first factories: only the overloads whose first parameter is the URL open a client;
      // DSL.using(SQLDialect) for instance renders SQL without ever connecting.
      return !symbol.getParameters().isEmpty()
          && isNamed(symbol.getParameters().get(0).type, "java.lang.String");
    }
  }
}
