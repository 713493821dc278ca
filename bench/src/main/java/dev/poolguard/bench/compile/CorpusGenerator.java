package dev.poolguard.bench.compile;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes a deterministic corpus of realistic JUnit 5 test classes (and the small application they
 * test) for the compile-overhead benchmark: the same seed and class count give byte-identical
 * files.
 *
 * <p>The corpus is a Maven-shaped tree: {@code src/main/java} holds per-module domain records,
 * builders and JDBC repositories; {@code src/test/java} holds the test classes and their helpers.
 * Most test classes follow the rules (shared pool, unique slugs, no database at all); a realistic
 * minority builds its own Hikari pool or raw connection, closes the shared pool, or writes a fixed
 * slug, so the checks do the work they do on a real legacy suite. Everything compiles cleanly
 * against JUnit 5, HikariCP and poolguard-runtime with Error Prone's default checks.
 *
 * <p>{@code java CorpusGenerator <outDir> [testClasses=1000] [seed=42]}
 */
public final class CorpusGenerator {
  private static final String[] DOMAINS = {
    "Product",
    "Order",
    "Customer",
    "Invoice",
    "Shipment",
    "Tenant",
    "Coupon",
    "Warehouse",
    "Review",
    "Payment",
    "Subscription",
    "Category",
    "Supplier",
    "Refund",
    "Basket",
    "Voucher",
    "Account",
    "Ticket",
    "Project",
    "Release"
  };
  private static final String[] ADJECTIVES = {
    "Basic",
    "Bulk",
    "Concurrent",
    "Legacy",
    "Paged",
    "Cached",
    "Archived",
    "Draft",
    "Public",
    "Internal",
    "Scheduled",
    "Imported",
    "Exported",
    "Partial",
    "Seasonal",
    "Regional"
  };
  private static final String[] ASPECTS = {
    "Repository",
    "Service",
    "Mapper",
    "Validator",
    "Query",
    "Pricing",
    "Lifecycle",
    "Search",
    "Migration",
    "Export",
    "Import",
    "Audit"
  };

  private final Random random;
  private final Path root;
  private final boolean withViolations;
  private int violations;

  private CorpusGenerator(Path root, long seed, boolean withViolations) {
    this.root = root;
    this.random = new Random(seed);
    this.withViolations = withViolations;
  }

  public static void main(String[] args) {
    Path out = Path.of(args[0]);
    int classes = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
    Summary summary = generate(out, classes, seed);
    System.out.println(summary);
  }

  /** What was written. */
  public record Summary(Path root, int testClasses, int supportFiles, int seededViolations) {}

  /** Deletes {@code root} and writes the corpus there. */
  public static Summary generate(Path root, int testClasses, long seed) {
    return generate(root, testClasses, seed, true);
  }

  /**
   * The class path the corpus compiles against: the jars of the libraries it uses, as they are on
   * this benchmark's own class path.
   */
  static String classpath() {
    return Stream.of(
            "com.zaxxer.hikari.HikariDataSource",
            "dev.poolguard.runtime.SharedTestDataSource",
            "org.junit.jupiter.api.Test",
            "org.junit.jupiter.params.ParameterizedTest",
            "org.apiguardian.api.API",
            "org.opentest4j.AssertionFailedError")
        .map(CorpusGenerator::jarOf)
        .distinct()
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static String jarOf(String className) {
    try {
      Class<?> type = Class.forName(className, false, CorpusGenerator.class.getClassLoader());
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (ClassNotFoundException | URISyntaxException e) {
      throw new IllegalStateException("not on the benchmark's class path: " + className, e);
    }
  }

  /** Like {@link #generate(Path, int, long)}; without violations every class follows the rules. */
  public static Summary generate(Path root, int testClasses, long seed, boolean withViolations) {
    deleteRecursively(root);
    CorpusGenerator generator = new CorpusGenerator(root, seed, withViolations);
    return generator.run(testClasses);
  }

  private Summary run(int testClasses) {
    int modules = Math.max(1, testClasses / 50);
    int support = 0;
    for (int m = 0; m < modules; m++) {
      String domain = DOMAINS[m % DOMAINS.length];
      String pkg = "com.acme.m" + m + "." + domain.toLowerCase(Locale.ROOT);
      support += writeModule(pkg, domain);
    }
    for (int i = 0; i < testClasses; i++) {
      int m = i % modules;
      String domain = DOMAINS[m % DOMAINS.length];
      String pkg = "com.acme.m" + m + "." + domain.toLowerCase(Locale.ROOT);
      String name =
          ADJECTIVES[random.nextInt(ADJECTIVES.length)]
              + domain
              + ASPECTS[random.nextInt(ASPECTS.length)]
              + i
              + "Test";
      write(test(pkg), name, testClass(pkg, domain, name));
    }
    return new Summary(root, testClasses, support, violations);
  }

  // ---------------------------------------------------------------- application and test support

  private int writeModule(String pkg, String d) {
    String v = lowerFirst(d);
    write(
        main(pkg),
        d,
        """
        package %1$s;

        import java.util.List;
        import java.util.Objects;

        /** A %2$s as stored in table %3$ss. */
        public record %2$s(long id, String slug, String name, int priceCents, List<String> tags) {
          public %2$s {
            Objects.requireNonNull(slug, "slug");
            tags = List.copyOf(tags);
          }

          public %2$s withName(String newName) {
            return new %2$s(id, slug, newName, priceCents, tags);
          }

          public boolean isFree() {
            return priceCents == 0;
          }
        }
        """
            .formatted(pkg, d, v));
    write(
        main(pkg),
        d + "Builder",
        """
        package %1$s;

        import java.util.ArrayList;
        import java.util.List;

        /** Fluent builder for {@link %2$s}. */
        public final class %2$sBuilder {
          private long id;
          private String slug = "";
          private String name = "unnamed";
          private int priceCents;
          private final List<String> tags = new ArrayList<>();

          public static %2$sBuilder a%2$s() {
            return new %2$sBuilder();
          }

          public %2$sBuilder id(long id) {
            this.id = id;
            return this;
          }

          public %2$sBuilder slug(String slug) {
            this.slug = slug;
            return this;
          }

          public %2$sBuilder name(String name) {
            this.name = name;
            return this;
          }

          public %2$sBuilder priceCents(int priceCents) {
            this.priceCents = priceCents;
            return this;
          }

          public %2$sBuilder tag(String tag) {
            tags.add(tag);
            return this;
          }

          public %2$s build() {
            return new %2$s(id, slug, name, priceCents, tags);
          }
        }
        """
            .formatted(pkg, d));
    write(
        main(pkg),
        d + "Repository",
        """
        package %1$s;

        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.ResultSet;
        import java.sql.SQLException;
        import java.sql.Statement;
        import java.util.ArrayList;
        import java.util.List;
        import java.util.Optional;
        import javax.sql.DataSource;

        /** JDBC access to table {@code %3$ss}. */
        public final class %2$sRepository {
          private final DataSource dataSource;

          public %2$sRepository(DataSource dataSource) {
            this.dataSource = dataSource;
          }

          public void createTable() throws SQLException {
            try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
              s.execute(
                  "create table if not exists %3$ss (id bigserial primary key, slug text unique not null,"
                      + " name text not null, price_cents int not null)");
            }
          }

          public long insert(%2$s value) throws SQLException {
            String sql = "insert into %3$ss (slug, name, price_cents) values (?, ?, ?)";
            try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
              ps.setString(1, value.slug());
              ps.setString(2, value.name());
              ps.setInt(3, value.priceCents());
              ps.executeUpdate();
              try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : -1L;
              }
            }
          }

          public Optional<%2$s> findBySlug(String slug) throws SQLException {
            try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                    c.prepareStatement("select id, slug, name, price_cents from %3$ss where slug = ?")) {
              ps.setString(1, slug);
              try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                  return Optional.empty();
                }
                return Optional.of(
                    new %2$s(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), List.of()));
              }
            }
          }

          public List<%2$s> findAll() throws SQLException {
            List<%2$s> result = new ArrayList<>();
            try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id, slug, name, price_cents from %3$ss order by id")) {
              while (rs.next()) {
                result.add(
                    new %2$s(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), List.of()));
              }
            }
            return result;
          }

          public int count() throws SQLException {
            try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from %3$ss")) {
              return rs.next() ? rs.getInt(1) : 0;
            }
          }
        }
        """
            .formatted(pkg, d, v));
    write(
        main(pkg),
        d + "Service",
        """
        package %1$s;

        import java.util.Comparator;
        import java.util.List;
        import java.util.Map;
        import java.util.function.Predicate;
        import java.util.stream.Collectors;

        /** Pure logic over {@link %2$s}s. */
        public final class %2$sService {
          public int total(List<%2$s> values) {
            return values.stream().mapToInt(%2$s::priceCents).sum();
          }

          public List<%2$s> cheapest(List<%2$s> values, int n) {
            return values.stream()
                .sorted(Comparator.comparingInt(%2$s::priceCents).thenComparing(%2$s::slug))
                .limit(n)
                .collect(Collectors.toList());
          }

          public Map<Boolean, List<%2$s>> partition(List<%2$s> values, Predicate<? super %2$s> p) {
            return values.stream().collect(Collectors.partitioningBy(p));
          }

          public String describe(%2$s value) {
            return switch (value.tags().size()) {
              case 0 -> value.name();
              case 1 -> value.name() + " [" + value.tags().get(0) + "]";
              default -> value.name() + " " + value.tags();
            };
          }
        }
        """
            .formatted(pkg, d));
    // The legacy process-wide holder idiom: one pool per JVM, never closed by tests. Not flagged.
    write(
        test(pkg),
        d + "TestDatabase",
        """
        package %1$s;

        import com.zaxxer.hikari.HikariConfig;
        import com.zaxxer.hikari.HikariDataSource;
        import javax.sql.DataSource;

        /** The module's one pool, created on first use. */
        public final class %2$sTestDatabase {
          private static HikariDataSource pool;

          private %2$sTestDatabase() {}

          public static synchronized DataSource get() {
            if (pool == null) {
              HikariConfig config = new HikariConfig();
              config.setJdbcUrl(System.getProperty("test.db.url", "jdbc:postgresql://localhost/test"));
              config.setMaximumPoolSize(2);
              pool = new HikariDataSource(config);
            }
            return pool;
          }
        }
        """
            .formatted(pkg, d));
    write(
        test(pkg),
        d + "Fixtures",
        """
        package %1$s;

        import dev.poolguard.runtime.UniqueSlugs;
        import java.util.List;
        import java.util.stream.Collectors;
        import java.util.stream.IntStream;

        /** Test data for {@link %2$s}. */
        public final class %2$sFixtures {
          private %2$sFixtures() {}

          public static %2$s random%2$s() {
            return %2$sBuilder.a%2$s().slug(UniqueSlugs.of("%3$s")).name("any").priceCents(100).build();
          }

          public static List<%2$s> many(int n) {
            return IntStream.range(0, n)
                .mapToObj(
                    i ->
                        %2$sBuilder.a%2$s()
                            .slug(UniqueSlugs.of("%3$s-" + i))
                            .name("n" + i)
                            .priceCents(i * 10)
                            .build())
                .collect(Collectors.toList());
          }

          public static <T extends Comparable<? super T>> T max(List<T> values) {
            T best = values.get(0);
            for (T v : values) {
              if (v.compareTo(best) > 0) {
                best = v;
              }
            }
            return best;
          }
        }
        """
            .formatted(pkg, d, v));
    return 6;
  }

  // ---------------------------------------------------------------- test classes

  private String testClass(String pkg, String d, String name) {
    int kind = random.nextInt(100);
    if (!withViolations && kind >= 78) {
      kind %= 78; // the same mix of clean classes
    }
    if (kind < 22) {
      return sharedPoolTest(pkg, d, name);
    } else if (kind < 50) {
      return serviceTest(pkg, d, name);
    } else if (kind < 64) {
      return parameterizedTest(pkg, d, name);
    } else if (kind < 72) {
      return holderTest(pkg, d, name);
    } else if (kind < 78) {
      return embeddedTest(pkg, d, name);
    } else if (kind < 86) {
      violations++;
      return perClassPoolTest(pkg, d, name);
    } else if (kind < 90) {
      violations++;
      return rawConnectionTest(pkg, d, name);
    } else if (kind < 93) {
      violations++;
      return closesSharedPoolTest(pkg, d, name);
    } else {
      violations++;
      return hardcodedSlugTest(pkg, d, name);
    }
  }

  /** Clean: the shared pool, unique slugs, nested classes, try-with-resources. */
  private String sharedPoolTest(String pkg, String d, String name) {
    String v = lowerFirst(d);
    StringBuilder body = new StringBuilder();
    int tests = 3 + random.nextInt(5);
    for (int t = 0; t < tests; t++) {
      body.append(
          """

            @Test
            void inserts%1$s%2$d() throws SQLException {
              %1$s value = %1$sBuilder.a%1$s().slug(UniqueSlugs.of("%3$s-%2$d")).name("n%2$d").priceCents(%4$d).build();
              long id = repository.insert(value);
              assertTrue(id != 0);
              Optional<%1$s> found = repository.findBySlug(value.slug());
              assertTrue(found.isPresent(), () -> "missing " + value.slug());
              assertEquals(%4$d, found.get().priceCents());
            }
          """
              .formatted(d, t, v, random.nextInt(10_000)));
    }
    return """
        package %1$s;

        import static org.junit.jupiter.api.Assertions.assertEquals;
        import static org.junit.jupiter.api.Assertions.assertFalse;
        import static org.junit.jupiter.api.Assertions.assertTrue;

        import dev.poolguard.runtime.SharedTestDataSource;
        import dev.poolguard.runtime.UniqueSlugs;
        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.ResultSet;
        import java.sql.SQLException;
        import java.util.List;
        import java.util.Optional;
        import javax.sql.DataSource;
        import org.junit.jupiter.api.BeforeEach;
        import org.junit.jupiter.api.DisplayName;
        import org.junit.jupiter.api.Nested;
        import org.junit.jupiter.api.Test;

        @DisplayName("%2$s against the shared database")
        class %3$s {
          private final DataSource dataSource = SharedTestDataSource.get();
          private %2$sRepository repository;

          @BeforeEach
          void setUp() throws SQLException {
            repository = new %2$sRepository(dataSource);
            repository.createTable();
          }
        %4$s
          @Test
          void countsWithRawJdbc() throws SQLException {
            try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from %5$ss where price_cents > ?")) {
              ps.setInt(1, 0);
              try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(rs.getInt(1) >= 0);
              }
            }
          }

          @Nested
          class WhenEmpty {
            @Test
            void findsNothing() throws SQLException {
              assertFalse(repository.findBySlug(UniqueSlugs.of("absent")).isPresent());
            }

            @Test
            void listsAll() throws SQLException {
              List<%2$s> all = repository.findAll();
              assertTrue(all.stream().allMatch(x -> x.slug() != null));
            }
          }
        }
        """
        .formatted(pkg, d, name, body, v);
  }

  /** Clean, no database: lambdas, streams, records, nested classes, assertThrows. */
  private String serviceTest(String pkg, String d, String name) {
    StringBuilder body = new StringBuilder();
    int tests = 3 + random.nextInt(6);
    for (int t = 0; t < tests; t++) {
      int n = 2 + random.nextInt(20);
      switch (random.nextInt(4)) {
        case 0 ->
            body.append(
                """

                  @Test
                  void totals%1$d() {
                    List<%2$s> values = %2$sFixtures.many(%3$d);
                    int expected = values.stream().mapToInt(%2$s::priceCents).sum();
                    assertEquals(expected, service.total(values));
                  }
                """
                    .formatted(t, d, n));
        case 1 ->
            body.append(
                """

                  @Test
                  void cheapest%1$d() {
                    List<%2$s> values = %2$sFixtures.many(%3$d);
                    List<%2$s> cheap = service.cheapest(values, 2);
                    assertAll(
                        () -> assertEquals(2, cheap.size()),
                        () -> assertTrue(cheap.get(0).priceCents() <= cheap.get(1).priceCents()));
                  }
                """
                    .formatted(t, d, n));
        case 2 ->
            body.append(
                """

                  @Test
                  void partitions%1$d() {
                    Map<Boolean, List<%2$s>> parts = service.partition(%2$sFixtures.many(%3$d), %2$s::isFree);
                    assertEquals(%3$d, parts.values().stream().mapToInt(List::size).sum());
                  }
                """
                    .formatted(t, d, n));
        default ->
            body.append(
                """

                  @Test
                  void rejectsNullSlug%1$d() {
                    NullPointerException e =
                        assertThrows(NullPointerException.class, () -> new %2$s(1L, null, "x", 0, List.of()));
                    assertEquals("slug", e.getMessage());
                  }
                """
                    .formatted(t, d));
      }
    }
    return """
        package %1$s;

        import static org.junit.jupiter.api.Assertions.assertAll;
        import static org.junit.jupiter.api.Assertions.assertEquals;
        import static org.junit.jupiter.api.Assertions.assertThrows;
        import static org.junit.jupiter.api.Assertions.assertTrue;

        import dev.poolguard.runtime.UniqueSlugs;
        import java.util.ArrayList;
        import java.util.List;
        import java.util.Map;
        import java.util.function.Function;
        import org.junit.jupiter.api.BeforeEach;
        import org.junit.jupiter.api.Nested;
        import org.junit.jupiter.api.Test;

        class %3$s {
          private %2$sService service;

          record Pair<A, B>(A first, B second) {
            <C> Pair<A, C> mapSecond(Function<? super B, ? extends C> f) {
              return new Pair<>(first, f.apply(second));
            }
          }

          @BeforeEach
          void setUp() {
            service = new %2$sService();
          }
        %4$s
          @Test
          void describesTags() {
            %2$s tagged = %2$sBuilder.a%2$s().slug(UniqueSlugs.of("t")).name("t").tag("a").tag("b").build();
            assertTrue(service.describe(tagged).startsWith("t"));
          }

          @Nested
          class Pairs {
            @Test
            void mapsSecond() {
              Pair<String, Integer> p = new Pair<>("a", 2);
              assertEquals("a", p.mapSecond(i -> i * 2).first());
              assertEquals(4, p.mapSecond(i -> i * 2).second());
            }

            @Test
            void collects() {
              List<Pair<String, Integer>> pairs = new ArrayList<>();
              for (int i = 0; i < 5; i++) {
                pairs.add(new Pair<>("k" + i, i));
              }
              assertEquals(10, pairs.stream().mapToInt(Pair::second).sum());
            }
          }
        }
        """
        .formatted(pkg, d, name, body);
  }

  /** Clean: parameterized tests, text blocks, var, switch expressions. */
  private String parameterizedTest(String pkg, String d, String name) {
    int rows = 2 + random.nextInt(6);
    StringBuilder csv = new StringBuilder();
    for (int r = 0; r < rows; r++) {
      csv.append(r == 0 ? "" : ", ")
          .append('"')
          .append("n")
          .append(r)
          .append(", ")
          .append(r * 7)
          .append('"');
    }
    return """
        package %1$s;

        import static org.junit.jupiter.api.Assertions.assertEquals;
        import static org.junit.jupiter.api.Assertions.assertNotNull;

        import java.util.List;
        import java.util.stream.Stream;
        import org.junit.jupiter.params.ParameterizedTest;
        import org.junit.jupiter.params.provider.Arguments;
        import org.junit.jupiter.params.provider.CsvSource;
        import org.junit.jupiter.params.provider.MethodSource;
        import org.junit.jupiter.params.provider.ValueSource;

        class %3$s {
          private static final String QUERY =
              \"""
              select id, slug, name
                from %5$ss
               where price_cents between ? and ?
              \""";

          static Stream<Arguments> prices() {
            return Stream.of(Arguments.of(0, "free"), Arguments.of(%6$d, "paid"));
          }

          @ParameterizedTest
          @CsvSource({%4$s})
          void buildsFromRows(String name, int price) {
            var value = %2$sBuilder.a%2$s().slug(name + "-x").name(name).priceCents(price).build();
            assertEquals(price, value.priceCents());
          }

          @ParameterizedTest
          @MethodSource("prices")
          void classifies(int price, String expected) {
            String kind = switch (Integer.signum(price)) {
              case 0 -> "free";
              case 1 -> "paid";
              default -> throw new IllegalArgumentException("negative");
            };
            assertEquals(expected, kind);
          }

          @ParameterizedTest
          @ValueSource(strings = {"a", "bb", "ccc"})
          void renames(String newName) {
            %2$s renamed = %2$sFixtures.random%2$s().withName(newName);
            assertEquals(newName, renamed.name());
            assertNotNull(QUERY);
            assertEquals(List.of(), renamed.tags());
          }
        }
        """
        .formatted(pkg, d, name, csv, lowerFirst(d), 1 + random.nextInt(999));
  }

  /** Clean: the module's process-wide holder; the connection is returned, not the pool closed. */
  private String holderTest(String pkg, String d, String name) {
    return """
        package %1$s;

        import static org.junit.jupiter.api.Assertions.assertTrue;

        import dev.poolguard.runtime.UniqueSlugs;
        import java.sql.Connection;
        import java.sql.SQLException;
        import javax.sql.DataSource;
        import org.junit.jupiter.api.AfterEach;
        import org.junit.jupiter.api.BeforeEach;
        import org.junit.jupiter.api.Test;

        class %3$s {
          private final DataSource dataSource = %2$sTestDatabase.get();
          private Connection connection;

          @BeforeEach
          void open() throws SQLException {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
          }

          @AfterEach
          void rollback() throws SQLException {
            connection.rollback();
            connection.close();
          }

          @Test
          void insertsInsideTransaction() throws SQLException {
            var repository = new %2$sRepository(dataSource);
            long id = repository.insert(%2$sBuilder.a%2$s().slug(UniqueSlugs.of("%4$s")).name("tx").build());
            assertTrue(id != 0 || repository.count() >= 0);
          }
        }
        """
        .formatted(pkg, d, name, lowerFirst(d));
  }

  /** Clean: an in-memory H2 database from a constant URL. */
  private String embeddedTest(String pkg, String d, String name) {
    return """
        package %1$s;

        import static org.junit.jupiter.api.Assertions.assertEquals;

        import java.sql.Connection;
        import java.sql.DriverManager;
        import java.sql.SQLException;
        import java.sql.Statement;
        import org.junit.jupiter.api.AfterEach;
        import org.junit.jupiter.api.BeforeEach;
        import org.junit.jupiter.api.Test;

        class %3$s {
          private static final String URL = "jdbc:h2:mem:%4$s;DB_CLOSE_DELAY=-1";
          private Connection connection;

          @BeforeEach
          void open() throws SQLException {
            connection = DriverManager.getConnection(URL);
            try (Statement s = connection.createStatement()) {
              s.execute("create table if not exists t (id int)");
            }
          }

          @AfterEach
          void close() throws SQLException {
            connection.close();
          }

          @Test
          void roundTrips() throws SQLException {
            try (Statement s = connection.createStatement()) {
              assertEquals(1, s.executeUpdate("insert into t values (1)"));
            }
          }
        }
        """
        .formatted(pkg, d, name, name.toLowerCase(Locale.ROOT));
  }

  /** Violation: a static Hikari pool per test class, closed in {@code @AfterAll}. */
  private String perClassPoolTest(String pkg, String d, String name) {
    return """
        package %1$s;

        import static org.junit.jupiter.api.Assertions.assertEquals;

        import com.zaxxer.hikari.HikariConfig;
        import com.zaxxer.hikari.HikariDataSource;
        import dev.poolguard.runtime.UniqueSlugs;
        import java.sql.SQLException;
        import org.junit.jupiter.api.AfterAll;
        import org.junit.jupiter.api.BeforeAll;
        import org.junit.jupiter.api.Test;

        class %3$s {
          private static HikariDataSource dataSource;
          private static %2$sRepository repository;

          @BeforeAll
          static void startPool() throws SQLException {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(System.getenv().getOrDefault("DATABASE_URL", "jdbc:postgresql://localhost/test"));
            config.setMaximumPoolSize(%4$d);
            dataSource = new HikariDataSource(config);
            repository = new %2$sRepository(dataSource);
            repository.createTable();
          }

          @AfterAll
          static void stopPool() {
            dataSource.close();
          }

          @Test
          void counts() throws SQLException {
            int before = repository.count();
            repository.insert(%2$sBuilder.a%2$s().slug(UniqueSlugs.of("c")).name("c").build());
            assertEquals(before + 1, repository.count());
          }
        }
        """
        .formatted(pkg, d, name, 2 + random.nextInt(9));
  }

  /** Violation: a raw connection per test. */
  private String rawConnectionTest(String pkg, String d, String name) {
    return """
        package %1$s;

        import static org.junit.jupiter.api.Assertions.assertTrue;

        import java.sql.Connection;
        import java.sql.DriverManager;
        import java.sql.ResultSet;
        import java.sql.SQLException;
        import java.sql.Statement;
        import org.junit.jupiter.api.AfterEach;
        import org.junit.jupiter.api.BeforeEach;
        import org.junit.jupiter.api.Test;

        class %3$s {
          private Connection connection;

          @BeforeEach
          void connect() throws SQLException {
            connection = DriverManager.getConnection(System.getProperty("db.url"), "app", "secret");
          }

          @AfterEach
          void disconnect() throws SQLException {
            connection.close();
          }

          @Test
          void selectsOne() throws SQLException {
            try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select 1")) {
              assertTrue(rs.next());
            }
          }
        }
        """
        .formatted(pkg, d, name);
  }

  /** Violation: the shared pool unwrapped and closed in {@code @AfterAll}. */
  private String closesSharedPoolTest(String pkg, String d, String name) {
    return """
        package %1$s;

        import static org.junit.jupiter.api.Assertions.assertTrue;

        import com.zaxxer.hikari.HikariDataSource;
        import dev.poolguard.runtime.SharedTestDataSource;
        import java.sql.SQLException;
        import javax.sql.DataSource;
        import org.junit.jupiter.api.AfterAll;
        import org.junit.jupiter.api.Test;

        class %3$s {
          private static final DataSource DATA_SOURCE = SharedTestDataSource.get();

          @AfterAll
          static void tearDown() throws SQLException {
            DATA_SOURCE.unwrap(HikariDataSource.class).close();
          }

          @Test
          void counts() throws SQLException {
            assertTrue(new %2$sRepository(DATA_SOURCE).count() >= 0);
          }
        }
        """
        .formatted(pkg, d, name);
  }

  /** Violation: a fixed slug written into test data. */
  private String hardcodedSlugTest(String pkg, String d, String name) {
    return """
        package %1$s;

        import static org.junit.jupiter.api.Assertions.assertEquals;

        import dev.poolguard.runtime.SharedTestDataSource;
        import java.sql.SQLException;
        import org.junit.jupiter.api.Test;

        class %3$s {
          private final %2$sRepository repository = new %2$sRepository(SharedTestDataSource.get());

          @Test
          void findsBySlug() throws SQLException {
            %2$s value = %2$sBuilder.a%2$s().slug("test-%4$s").name("fixed").build();
            repository.insert(value);
            assertEquals("fixed", repository.findBySlug("test-%4$s").orElseThrow().name());
          }
        }
        """
        .formatted(pkg, d, name, lowerFirst(d));
  }

  // ---------------------------------------------------------------- files

  private Path main(String pkg) {
    return root.resolve("src/main/java").resolve(pkg.replace('.', '/'));
  }

  private Path test(String pkg) {
    return root.resolve("src/test/java").resolve(pkg.replace('.', '/'));
  }

  private static void write(Path dir, String className, String source) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(className + ".java"), source, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every {@code .java} file under {@code root}, sorted. */
  public static List<Path> javaFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> result = new ArrayList<>();
      files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(result::add);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String lowerFirst(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
