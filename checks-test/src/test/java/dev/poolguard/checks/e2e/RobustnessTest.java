package dev.poolguard.checks.e2e;

import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz-ish inputs: code a check might not expect. Each input is compiled twice with Error Prone,
 * once with the PoolGuard checks at ERROR and once with them OFF. Without them it compiles cleanly
 * (so Error Prone analyses every unit); with them the only errors are the checks' findings: no
 * crash ("An unhandled exception was thrown by the Error Prone static analysis plugin"), no
 * exception escaping a check, no error of any other kind (such as a missing class file a check
 * tried to load).
 */
final class RobustnessTest {
  private static final String CRASH = "An unhandled exception was thrown by the Error Prone";
  private static final List<String> CHECKS = PoolGuardChecks.NAMES;

  @TempDir static Path work;
  private static Path library;

  /**
   * A library compiled against types that are then deleted: javac attributes code using it as long
   * as nothing needs the missing types, but a check that walks supertypes or annotations would trip
   * over them (a CompletionFailure inside the check).
   */
  @BeforeAll
  static void buildLibraryWithMissingTypes() throws IOException {
    Path src = work.resolve("lib-src/lib");
    Files.createDirectories(src);
    Files.writeString(
        src.resolve("Missing.java"), "package lib; public interface Missing {}\n", UTF_8);
    Files.writeString(
        src.resolve("GoneAnnotation.java"),
        "package lib; @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)"
            + " public @interface GoneAnnotation {}\n",
        UTF_8);
    Files.writeString(
        src.resolve("LegacyPool.java"),
        """
        package lib;

        @GoneAnnotation
        public class LegacyPool extends com.zaxxer.hikari.HikariDataSource implements Missing {
          @GoneAnnotation
          public LegacyPool() {}

          public LegacyPool(String jdbcUrl) {}

          @GoneAnnotation
          public static LegacyPool create(String url) {
            return new LegacyPool(url);
          }

          public Missing other() {
            return null;
          }

          public LegacyPool slug(@GoneAnnotation String slug) {
            return this;
          }
        }
        """,
        UTF_8);
    Files.writeString(
        src.resolve("Builders.java"),
        """
        package lib;

        public final class Builders {
          private Builders() {}

          @GoneAnnotation
          public static Builders builder() {
            return new Builders();
          }

          public Builders slug(String slug) {
            return this;
          }

          public <T extends Missing> Builders withMissing(T value) {
            return this;
          }

          public void close() {}
        }
        """,
        UTF_8);
    library = work.resolve("lib-classes");
    Files.createDirectories(library);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, UTF_8)) {
      List<Path> sources;
      try (Stream<Path> s = Files.list(src)) {
        sources = s.collect(Collectors.toList());
      }
      boolean ok =
          javac
              .getTask(
                  null,
                  files,
                  null,
                  List.of(
                      "-classpath", ErrorProneJavac.sourceClasspath(), "-d", library.toString()),
                  null,
                  files.getJavaFileObjectsFromPaths(sources))
              .call();
      if (!ok) {
        throw new IllegalStateException("library did not compile");
      }
    }
    Files.delete(library.resolve("lib/Missing.class"));
    Files.delete(library.resolve("lib/GoneAnnotation.class"));
  }

  static Stream<String> inputs() {
    return FuzzInputs.all().keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("inputs")
  void checksNeitherCrashNorAddErrors(String input) throws IOException {
    Map<String, String> files = FuzzInputs.all().get(input);
    Path root = work.resolve("inputs").resolve(input);
    List<JavaFileObject> sources = new ArrayList<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = root.resolve("src/test/java").resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), UTF_8);
      sources.add(com.google.testing.compile.JavaFileObjects.forResource(path.toUri().toURL()));
    }

    Compilation with = compile(sources, ":ERROR");
    Compilation without = compile(sources, ":OFF");

    String all = render(with.diagnostics());
    assertWithMessage("diagnostics:\n%s", all).that(all).doesNotContain(CRASH);
    assertWithMessage("diagnostics:\n%s", all).that(all).doesNotContain("NoClassDefFoundError");
    // The input is valid Java, so Error Prone analysed every unit (it skips all once javac reports
    // an error)…
    assertWithMessage("the input itself does not compile:\n%s", render(without.diagnostics()))
        .that(errors(without))
        .isEmpty();
    // …and the checks reported findings, never an error of their own making.
    assertWithMessage("the checks added javac errors; diagnostics with them:\n%s", all)
        .that(errors(with))
        .isEmpty();
  }

  private static Compilation compile(List<JavaFileObject> sources, String severity) {
    StringBuilder errorProne = new StringBuilder("-Xplugin:ErrorProne -XepAllErrorsAsWarnings");
    CHECKS.forEach(c -> errorProne.append(" -Xep:").append(c).append(severity));
    return Compiler.javac()
        .withOptions(
            ImmutableList.of(
                "-XDcompilePolicy=simple",
                "--should-stop=ifError=FLOW",
                "-processorpath",
                ErrorProneJavac.processorPath(),
                "-classpath",
                ErrorProneJavac.sourceClasspath() + File.pathSeparator + library,
                errorProne.toString()))
        .compile(sources);
  }

  /** Errors other than the checks' findings (which are errors at ERROR severity). */
  private static List<String> errors(Compilation compilation) {
    return compilation.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .filter(
            d ->
                CHECKS.stream().noneMatch(c -> d.getMessage(Locale.ROOT).startsWith("[" + c + "]")))
        .map(
            d ->
                d.getLineNumber() + ": " + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""))
        .collect(Collectors.toList());
  }

  private static String render(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    return diagnostics.stream()
        .map(
            d ->
                d.getKind()
                    + " "
                    + (d.getSource() == null ? "" : d.getSource().getName())
                    + ":"
                    + d.getLineNumber()
                    + " "
                    + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n"));
  }

  /** The inputs, by name: file path (under src/test/java) to source text. */
  static final class FuzzInputs {
    private FuzzInputs() {}

    static Map<String, Map<String, String>> all() {
      Map<String, Map<String, String>> inputs = new LinkedHashMap<>();
      inputs.put("missingTypesInLibrary", Map.of("fuzz/MissingTypesTest.java", MISSING_TYPES));
      inputs.put("generics", Map.of("fuzz/GenericsTest.java", GENERICS));
      inputs.put(
          "oddAnnotationTargets",
          Map.of("fuzz/package-info.java", PACKAGE_INFO, "fuzz/AnnotationsTest.java", ANNOTATIONS));
      inputs.put("unicodeAndKotlinStyleNames", Map.of("fuzz/Ωmega\u00dcberTest.java", UNICODE));
      inputs.put("oddShapes", Map.of("fuzz/ShapesTest.java", SHAPES));
      inputs.put("veryLongFile", Map.of("fuzz/VeryLongTest.java", veryLong(2_500)));
      inputs.put("borrowShapes", Map.of("fuzz/BorrowShapesTest.java", BORROW_SHAPES));
      return inputs;
    }

    /** Connections borrowed where a leak analysis might not expect them. */
    private static final String BORROW_SHAPES =
        """
        package fuzz;

        import dev.poolguard.runtime.SharedTestDataSource;
        import java.sql.Connection;
        import java.sql.SQLException;
        import java.util.concurrent.Callable;
        import java.util.function.Function;
        import javax.sql.DataSource;
        import org.junit.jupiter.api.AfterEach;
        import org.junit.jupiter.api.Test;

        class BorrowShapesTest {
          static final DataSource DS = SharedTestDataSource.get();
          static final Callable<Connection> OPENER = DS::getConnection;
          final Connection[] slots = new Connection[2];
          Connection a, b;

          enum Mode { READ, WRITE }

          record Borrowed(Connection connection) implements AutoCloseable {
            public void close() throws SQLException { connection.close(); }
          }

          interface Opens {
            default Connection open() throws SQLException { return DS.getConnection(); }
          }

          static <C extends Connection> C same(C c) { return c; }

          Connection recurse(int n) throws SQLException {
            return n == 0 ? DS.getConnection() : recurse(n - 1);
          }

          Connection pingPong(boolean first) throws SQLException {
            return first ? pong() : DS.getConnection();
          }

          Connection pong() throws SQLException { return pingPong(false); }

          @Test
          void shapes(Mode mode) throws Exception {
            Connection c1 = DS.getConnection(), c2 = DS.getConnection();
            c1.close();
            c2.isValid(1);
            int v = switch (mode) {
              case READ -> {
                Connection inSwitch = DS.getConnection();
                yield inSwitch.getTransactionIsolation();
              }
              case WRITE -> DS.getConnection().getHoldability();
            };
            switch (v) {
              case 1:
                Connection oldCase = DS.getConnection();
                oldCase.isValid(1);
                break;
              default:
                break;
            }
            outer:
            for (int i = 0; i < 2; i++) {
              Connection labeled = DS.getConnection();
              if (labeled.isValid(1)) {
                continue outer;
              }
            }
            slots[0] = DS.getConnection();
            a = same(DS.getConnection());
            Function<DataSource, Connection> f =
                ds -> {
                  try {
                    return ds.getConnection();
                  } catch (SQLException e) {
                    throw new IllegalStateException(e);
                  }
                };
            f.apply(DS).close();
            try (Borrowed borrowed = new Borrowed(DS.getConnection())) {
              borrowed.connection().isValid(1);
            }
            class Local {
              final Connection held;

              Local() throws SQLException {
                held = DS.getConnection();
              }
            }
            new Local().held.close();
            new Opens() {}.open().isValid(1);
            recurse(3).isValid(1);
            pingPong(true).close();
            Object o = (Object) DS.getConnection();
            String s = "" + DS.getConnection();
            boolean same = DS.getConnection() == o;
            synchronized (DS.getConnection()) {
              o.hashCode();
            }
            System.out.println(s + same + OPENER.call());
          }

          @AfterEach
          void tearDown() throws SQLException {
            b = a;
            slots[0].close();
          }
        }
        """;

    private static final String MISSING_TYPES =
        """
        package fuzz;

        import dev.poolguard.runtime.SharedTestDataSource;
        import lib.Builders;
        import lib.LegacyPool;
        import org.junit.jupiter.api.AfterAll;
        import org.junit.jupiter.api.BeforeAll;
        import org.junit.jupiter.api.Test;

        class MissingTypesTest {
          static LegacyPool pool;

          // Only what javac attributes without lib.Missing: LegacyPool's constructors (a member look-up,
          // static or not, would make javac itself load the missing interface).
          @BeforeAll
          static void start() {
            pool = new LegacyPool();
            LegacyPool other = new LegacyPool("jdbc:postgresql://db/app");
            pool = other;
          }

          @AfterAll
          static void stop() throws Exception {
            pool = null;
            AutoCloseable shared = (AutoCloseable) SharedTestDataSource.get();
            shared.close();
          }

          @Test
          void builds() {
            Builders.builder().slug("fixed-slug").close();
            pool = new LegacyPool("jdbc:h2:mem:x");
          }
        }
        """;

    private static final String GENERICS =
        """
        package fuzz;

        import com.zaxxer.hikari.HikariConfig;
        import com.zaxxer.hikari.HikariDataSource;
        import dev.poolguard.runtime.SharedTestDataSource;
        import java.io.Closeable;
        import java.util.List;
        import java.util.Map;
        import java.util.function.Function;
        import java.util.function.Supplier;
        import javax.sql.DataSource;
        import org.junit.jupiter.api.AfterAll;
        import org.junit.jupiter.api.Test;

        class GenericsTest {
          interface Slugged<S extends CharSequence & Comparable<S>> {
            S slug();
          }

          record Box<T extends DataSource & Closeable>(T value) {}

          static final class Holder<D extends DataSource> {
            private final D dataSource;

            Holder(D dataSource) {
              this.dataSource = dataSource;
            }

            <R> R with(Function<? super D, ? extends R> f) {
              return f.apply(dataSource);
            }
          }

          static <D extends HikariDataSource> D open(Supplier<? extends D> supplier) {
            return supplier.get();
          }

          static <T extends AutoCloseable> void closeAll(List<? extends T> values) throws Exception {
            for (T value : values) {
              value.close();
            }
          }

          static <K, V extends Map<K, ? super String>> V slug(V map, K key) {
            map.put(key, "fixed");
            return map;
          }

          private static final Holder<DataSource> SHARED = new Holder<>(SharedTestDataSource.get());

          @AfterAll
          static <E extends Exception> void tearDown() throws E, Exception {
            HikariDataSource unwrapped = SHARED.with(ds -> (HikariDataSource) ds);
            closeAll(List.of(unwrapped));
            Box<HikariDataSource> box = new Box<>(open(() -> new HikariDataSource(new HikariConfig())));
            box.value().close();
          }

          @Test
          void generic() {
            Map<String, Object> row = slug(new java.util.HashMap<String, Object>(), "slug");
            Slugged<String> s = () -> "fixed";
            row.put("slug", s.slug());
            var anonymous = new Object() { <T> T id(T t) { return t; } };
            anonymous.id(row);
          }
        }
        """;

    private static final String PACKAGE_INFO =
        """
        @AnnotationsTest.Everywhere("package")
        package fuzz;
        """;

    private static final String ANNOTATIONS =
        """
        package fuzz;

        import com.zaxxer.hikari.HikariDataSource;
        import java.lang.annotation.ElementType;
        import java.lang.annotation.Retention;
        import java.lang.annotation.RetentionPolicy;
        import java.lang.annotation.Target;
        import java.sql.Connection;
        import java.sql.DriverManager;
        import java.util.List;
        import java.util.function.BiFunction;
        import org.junit.jupiter.api.Test;

        @AnnotationsTest.Everywhere
        class AnnotationsTest<@AnnotationsTest.Everywhere T> {
          @Retention(RetentionPolicy.RUNTIME)
          @Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER,
              ElementType.CONSTRUCTOR, ElementType.LOCAL_VARIABLE, ElementType.ANNOTATION_TYPE,
              ElementType.PACKAGE, ElementType.TYPE_PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
          @interface Everywhere {
            String value() default "slug";
          }

          @Everywhere
          enum Kind {
            @Everywhere A,
            @SuppressWarnings("PerTestDatabaseClient") B
          }

          record Tenant(@Everywhere("slug") String slug, @Everywhere List<@Everywhere String> tags) {}

          @Everywhere("x")
          @SuppressWarnings({"PerTestDatabaseClient", "unused"})
          private final HikariDataSource pool = new @Everywhere HikariDataSource();

          void receiver(@Everywhere AnnotationsTest<T> this, String @Everywhere [] slugs) throws Exception {
            @SuppressWarnings("PerTestDatabaseClient")
            @Everywhere Connection c = DriverManager.getConnection(slugs[0]);
            c.close();
            BiFunction<@Everywhere String, String, Tenant> make = (@Everywhere var a, var b) -> new Tenant(a, List.of(b));
            make.apply("fixed", "x");
            Object o = (@Everywhere Object) new Tenant("fixed-two", List.of());
            o.hashCode();
          }

          @Test
          @SuppressWarnings("HardcodedTestSlug")
          void suppressed() {
            new Tenant("fixed", List.of());
          }
        }
        """;

    private static final String UNICODE =
        """
        package fuzz;

        import dev.poolguard.runtime.UniqueSlugs;
        import java.util.Map;
        import org.junit.jupiter.api.Test;

        class Ωmega\u00dcberTest {
          static final class Über$Builder {
            String \u00fcberSlug;
            String 𝔰lug;
            String slug$;
            String _slug;

            Über$Builder setÜberSlug(String v) { this.\u00fcberSlug = v; return this; }
            Über$Builder 𝔰lug(String v) { this.𝔰lug = v; return this; }
            Über$Builder slug$default(String v) { this.slug$ = v; return this; }
            Über$Builder setSlug$lib_main(String v) { this._slug = v; return this; }
            Über$Builder component1(String v) { return this; }
            Über$Builder SLUG(String v) { return this; }
            Über$Builder ſlug(String v) { return this; }
            static Über$Builder INSTANCE = new Über$Builder();
            static final class Companion {
              static Über$Builder create(String slug) { return INSTANCE; }
            }
          }

          @Test
          void names() {
            Über$Builder.INSTANCE
                .setÜberSlug("fixed")
                .𝔰lug("fixed")
                .slug$default("fixed")
                .setSlug$lib_main("fixed")
                .component1("fixed")
                .SLUG("FIXED")
                .ſlug("fixed");
            Über$Builder.Companion.create("fixed-\u00e9t\u00e9");
            Über$Builder.Companion.create(UniqueSlugs.of("ok"));
            \\u00dcber$Builder.INSTANCE.\\u0073lug$default("escaped");
            Map.of("\\u0073lug", "fixed", "ſlug", "x", "SLUG", "y");
            Über$Builder.INSTANCE.\u00fcberSlug = "fixed";
          }
        }
        """;

    private static final String SHAPES =
        """
        package fuzz;

        import com.zaxxer.hikari.HikariConfig;
        import com.zaxxer.hikari.HikariDataSource;
        import dev.poolguard.runtime.SharedTestDataSource;
        import java.sql.Connection;
        import java.sql.DriverManager;
        import java.sql.SQLException;
        import java.util.function.Function;
        import java.util.function.Supplier;
        import javax.sql.DataSource;
        import org.junit.jupiter.api.AfterAll;
        import org.junit.jupiter.api.AfterEach;
        import org.junit.jupiter.api.Test;

        class ShapesTest {
          static final DataSource SHARED = SharedTestDataSource.get();
          static final HikariDataSource[] POOLS = {new HikariDataSource(), null};
          static Supplier<HikariDataSource> factory = HikariDataSource::new;
          static Function<HikariConfig, HikariDataSource> fromConfig = HikariDataSource::new;
          static final Runnable CLOSER;

          static {
            HikariDataSource anonymous = new HikariDataSource() {
              @Override
              public void close() {
                super.close();
              }
            };
            CLOSER = anonymous::close;
          }

          interface Connector {
            Connection open(String url) throws SQLException;
          }

          Connector connector = DriverManager::getConnection;
          String slug;

          {
            this.slug = "fixed-in-initializer";
          }

          @AfterEach
          void each() throws Exception {
            HikariDataSource unwrapped = SHARED.unwrap(HikariDataSource.class);
            try (unwrapped) {
              unwrapped.getPoolName();
            }
            label:
            for (HikariDataSource pool : POOLS) {
              if (pool == null) {
                break label;
              }
              pool.close();
            }
            Runnable r = ((HikariDataSource) SHARED)::close;
            r.run();
          }

          @AfterAll
          static void all() throws Exception {
            AutoCloseable c = (AutoCloseable) (Object) SHARED;
            c.close();
            ((HikariDataSource) (DataSource) SHARED).close();
            switch (POOLS.length) {
              case 0 -> POOLS[0].close();
              default -> {
                for (int i = 0; i < POOLS.length; i++) {
                  if (POOLS[i] != null) POOLS[i].evictConnection(null);
                }
              }
            }
          }

          @Test
          void text() throws Exception {
            String sql = \"""
                insert into products (slug) values ('fixed')
                \""";
            ShapesTest self = this;
            self.slug = "fixed";
            class Local {
              final String slug;
              Local(String slug) { this.slug = slug; }
            }
            new Local("fixed").slug.length();
            Connection conn = connector.open("jdbc:h2:mem:" + sql.length());
            conn.close();
            Supplier<Supplier<Supplier<DataSource>>> deep = () -> () -> () -> SHARED;
            deep.get().get().get().getConnection().close();
          }
        }
        """;

    /**
     * One class of {@code methods} test methods mixing every pattern, plus a very long expression.
     */
    static String veryLong(int methods) {
      StringBuilder s = new StringBuilder();
      s.append(
          """
          package fuzz;

          import com.zaxxer.hikari.HikariDataSource;
          import dev.poolguard.runtime.SharedTestDataSource;
          import java.sql.DriverManager;
          import java.util.HashMap;
          import java.util.Map;
          import org.junit.jupiter.api.Test;

          class VeryLongTest {
            static final class B {
              B slug(String s) { return this; }
              B name(String s) { return this; }
            }

          """);
      for (int i = 0; i < methods; i++) {
        s.append("  @Test\n  void t").append(i).append("() throws Exception {\n");
        switch (i % 5) {
          case 0 -> s.append("    new B().slug(\"fixed-").append(i).append("\").name(\"n\");\n");
          case 1 ->
              s.append("    Map<String, Object> m = new HashMap<>();\n    m.put(\"slug\", \"v")
                  .append(i)
                  .append("\");\n");
          case 2 ->
              s.append(
                  "    try (HikariDataSource ds = new HikariDataSource()) { ds.getPoolName(); }\n");
          case 3 ->
              s.append("    DriverManager.getConnection(\"jdbc:h2:mem:t")
                  .append(i)
                  .append("\").close();\n");
          default -> s.append("    SharedTestDataSource.get().getConnection().close();\n");
        }
        s.append("  }\n\n");
      }
      s.append("  @Test\n  void longChain() {\n    new B()");
      // 100 links: Error Prone's own scanner (all checks off) overflows javac's stack near 800.
      for (int i = 0; i < 100; i++) {
        s.append("\n        .slug(\"s").append(i).append("\").name(\"n\")");
      }
      s.append(";\n    String concatenated = \"a\"");
      for (int i = 0; i < 400; i++) {
        s.append(" + \"").append(i).append('"');
      }
      s.append(";\n    new B().slug(concatenated);\n  }\n}\n");
      return s.toString();
    }
  }
}
