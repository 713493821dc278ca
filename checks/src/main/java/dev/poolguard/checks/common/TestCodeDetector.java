package dev.poolguard.checks.common;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import java.util.regex.Pattern;

/**
 * Decides whether the compilation unit being checked is test code, once per compilation unit.
 *
 * <p>Test code is, in order: everything when {@code PoolGuard:AllCode} is set; a compilation Error
 * Prone was told is test-only ({@code -XepCompilingTestOnlyCode}); a file under a test source path;
 * a file that declares tests or imports a test framework; and, outside {@code /src/main/}, a file
 * whose top-level class is named like a test or fixture.
 */
public final class TestCodeDetector {
  private static final ImmutableSet<String> TEST_FRAMEWORK_PACKAGES =
      ImmutableSet.of(
          "org.junit.",
          "org.testng.",
          "junit.framework.",
          "org.assertj.",
          "org.hamcrest.",
          "org.mockito.",
          "org.testcontainers.",
          "org.springframework.test.",
          "org.springframework.boot.test.");

  private static final Pattern TEST_LIKE_CLASS_NAME =
      Pattern.compile(
          "Test|Test[A-Z0-9_].*|.*(Test|Tests|TestCase|IT|ITCase|Fixture|Fixtures|TestSupport|TestBase)");

  private final PoolGuardConfig options;
  // Checks visit many trees per compilation unit; classify each unit once.
  private CompilationUnitTree lastUnit;
  private boolean lastResult;

  public TestCodeDetector(PoolGuardConfig options) {
    this.options = options;
  }

  public boolean isTestCode(VisitorState state) {
    if (options.allCode() || state.errorProneOptions().isTestOnlyTarget()) {
      return true;
    }
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    if (unit != lastUnit) {
      lastResult = classify(unit);
      lastUnit = unit;
    }
    return lastResult;
  }

  private boolean classify(CompilationUnitTree unit) {
    String path = sourcePath(unit);
    for (String fragment : options.testSourcePaths()) {
      if (path.contains(fragment)) {
        return true;
      }
    }
    if (importsTestFramework(unit) || declaresTests(unit)) {
      return true;
    }
    return !path.contains("/src/main/") && hasTestLikeClassName(unit);
  }

  private static String sourcePath(CompilationUnitTree unit) {
    if (unit.getSourceFile() == null) {
      return "";
    }
    // The name the build tool gave (an absolute path in Maven and Gradle; SimpleJavaFileObject's is
    // its
    // URI's path). toUri() would normalise it into an absolute URI, which costs more than the rest
    // of
    // the classification.
    String path = unit.getSourceFile().getName().replace('\\', '/');
    return path.startsWith("/") ? path : "/" + path;
  }

  private static boolean importsTestFramework(CompilationUnitTree unit) {
    for (ImportTree importTree : unit.getImports()) {
      String imported = importTree.getQualifiedIdentifier().toString();
      for (String prefix : TEST_FRAMEWORK_PACKAGES) {
        if (imported.startsWith(prefix)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean declaresTests(CompilationUnitTree unit) {
    for (Tree decl : unit.getTypeDecls()) {
      if (decl instanceof JCClassDecl && declaresTestsDeep(((JCClassDecl) decl).sym)) {
        return true;
      }
    }
    return false;
  }

  private static boolean declaresTestsDeep(ClassSymbol clazz) {
    if (clazz == null) {
      return false;
    }
    if (TestFrameworks.isTestRelated(clazz)) {
      return true;
    }
    return clazz.getEnclosedElements().stream()
        .anyMatch(m -> m instanceof ClassSymbol && declaresTestsDeep((ClassSymbol) m));
  }

  private static boolean hasTestLikeClassName(CompilationUnitTree unit) {
    ImmutableList<String> names =
        unit.getTypeDecls().stream()
            .filter(ClassTree.class::isInstance)
            .map(t -> ((ClassTree) t).getSimpleName().toString())
            .collect(ImmutableList.toImmutableList());
    return names.stream().anyMatch(n -> TEST_LIKE_CLASS_NAME.matcher(n).matches());
  }
}
