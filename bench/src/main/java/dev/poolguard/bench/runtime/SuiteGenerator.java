package dev.poolguard.bench.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Writes and compiles the runtime benchmark's suite: {@code classes} JUnit 5 test classes of {@code
 * tests} tests each, every class opening its data source in {@code @BeforeAll} and closing it in
 * {@code @AfterAll} through {@link SuiteDataSources}, every test one {@link SuiteDataSources#work}.
 */
final class SuiteGenerator {
  private SuiteGenerator() {}

  /**
   * Writes the sources under {@code work/src}, compiles them into {@code work/classes} and returns
   * that directory.
   */
  static Path generateAndCompile(Path work, int classes, int tests) throws IOException {
    Path src = work.resolve("src").resolve(SuiteRun.SUITE_PACKAGE.replace('.', '/'));
    Files.createDirectories(src);
    List<String> files = new ArrayList<>();
    for (int c = 1; c <= classes; c++) {
      String name = String.format(Locale.ROOT, "Suite%03dTest", c);
      Path file = src.resolve(name + ".java");
      Files.writeString(file, testClass(name, c, tests), UTF_8);
      files.add(file.toString());
    }
    Path out = work.resolve("classes");
    Files.createDirectories(out);
    List<String> args =
        new ArrayList<>(
            List.of(
                "--release",
                "17",
                "-encoding",
                "UTF-8",
                "-nowarn",
                "-d",
                out.toString(),
                "-cp",
                System.getProperty("java.class.path", "")));
    args.addAll(files);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
      throw new IllegalStateException("the generated suite in " + src + " does not compile");
    }
    return out;
  }

  private static String testClass(String name, int suite, int tests) {
    StringBuilder java = new StringBuilder();
    java.append("package ")
        .append(SuiteRun.SUITE_PACKAGE)
        .append(";\n\n")
        .append("import dev.poolguard.bench.runtime.SuiteDataSources;\n")
        .append("import javax.sql.DataSource;\n")
        .append("import org.junit.jupiter.api.*;\n\n")
        .append("class ")
        .append(name)
        .append(" {\n")
        .append("  static DataSource db;\n")
        .append("  @BeforeAll static void open() { db = SuiteDataSources.open(); }\n")
        .append("  @AfterAll static void close() { SuiteDataSources.close(db); }\n");
    for (int t = 1; t <= tests; t++) {
      java.append(
          String.format(
              Locale.ROOT,
              "  @Test void test%d() throws Exception { SuiteDataSources.work(db, %d, %d); }%n",
              t,
              suite,
              t));
    }
    return java.append("}\n").toString();
  }
}
