package dev.poolguard.checks.common;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.file.PathFileObject;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.JCTree.JCFieldAccess;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.util.Name;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;

/**
 * Decides whether the compilation unit being checked is test code ({@link UnitTrees} keeps the
 * answer for the unit's other checks).
 *
 * <p>Test code is, in order: everything when {@code PoolGuard:AllCode} is set; a compilation Error
 * Prone was told is test-only ({@code -XepCompilingTestOnlyCode}); a file under a test source path;
 * a file that declares tests or imports a test framework; and, outside {@code /src/main/}, a file
 * whose top-level class is named like a test or fixture.
 *
 * <p>Internal: public only so that the checks' feature packages can use it. Not an API.
 */
public final class TestCodeDetector {
  private static final Pattern TEST_LIKE_CLASS_NAME =
      Pattern.compile(
          "Test|Test[A-Z0-9_].*|.*(Test|Tests|TestCase|IT|ITCase|Fixture|Fixtures|TestSupport|TestBase)");

  // javac's file objects are internal API: read only where the build exports their package to the
  // checks (Error Prone's documented flags do). Asked of a public class of javac's module: naming
  // the internal class would fail where it is not exported.
  private static final boolean PATH_FILE_OBJECTS_READABLE =
      CompilationUnitTree.class
          .getModule()
          .isExported("com.sun.tools.javac.file", TestCodeDetector.class.getModule());

  // Per package or class imports are made from: whether it is in a test library.
  private static final Supplier<Map<Symbol, Boolean>> TEST_LIBRARY_QUALIFIERS =
      VisitorState.memoize(unused -> new IdentityHashMap<>());

  private final boolean allCode;
  // An array: every unit of a compilation runs this loop, mostly before the JIT reaches it, and an
  // interpreted loop over a list pays an iterator and two interface calls per fragment.
  private final String[] testSourcePaths;

  public TestCodeDetector(PoolGuardConfig config) {
    this.allCode = config.allCode();
    this.testSourcePaths = config.testSourcePaths().toArray(new String[0]);
  }

  public boolean isTestCode(VisitorState state) {
    if (allCode || state.errorProneOptions().isTestOnlyTarget()) {
      return true;
    }
    JCCompilationUnit unit = (JCCompilationUnit) state.getPath().getCompilationUnit();
    String path = sourcePath(unit);
    for (String fragment : testSourcePaths) {
      if (path.contains(fragment)) {
        return true;
      }
    }
    if (importsTestFramework(unit, state) || declaresTests(unit, state)) {
      return true;
    }
    return !path.contains("/src/main/") && hasTestLikeClassName(unit);
  }

  private static String sourcePath(CompilationUnitTree unit) {
    JavaFileObject file = unit.getSourceFile();
    if (file == null) {
      return "";
    }
    String path = pathName(file);
    if (path.indexOf('\\') >= 0) { // a Windows path (replace() on every path showed in the profile)
      path = path.replace('\\', '/');
    }
    return path.startsWith("/") ? path : "/" + path;
  }

  /**
   * The file's path as a string. For javac's own file objects (what Maven and Gradle compile) the
   * path is read directly and turned into a string through {@code Object}: {@code getName()} does
   * the same through the {@code Path} interface, and the interpreter resolves an interface call of
   * an {@code Object} method anew at every call (the costliest step of the whole classification, by
   * a profile). Other file objects give their name ({@code SimpleJavaFileObject}'s is its URI's
   * path); {@code toUri()} would normalise it into an absolute URI, which costs more still.
   */
  private static String pathName(JavaFileObject file) {
    if (PATH_FILE_OBJECTS_READABLE && file instanceof PathFileObject pathFile) {
      Object path = pathFile.getPath();
      return path.toString();
    }
    return file.getName();
  }

  private static boolean importsTestFramework(CompilationUnitTree unit, VisitorState state) {
    Map<Symbol, Boolean> byQualifier = TEST_LIBRARY_QUALIFIERS.get(state);
    for (ImportTree importTree : unit.getImports()) {
      JCTree imported = (JCTree) importTree.getQualifiedIdentifier();
      // What the import is in: a package (`org.junit.jupiter.api.Test`, `org.junit.*`) or a class
      // (`static org.junit.Assert.assertEquals`). A project's imports share a few hundred of them,
      // so each is decided once per compilation, and no import's name is put together or decoded.
      Symbol qualifier =
          imported instanceof JCFieldAccess select ? TreeInfo.symbol(select.selected) : null;
      if (qualifier == null) {
        if (isTestLibraryImport(imported)) {
          return true;
        }
        continue;
      }
      Boolean inTestLibrary = byQualifier.get(qualifier);
      if (inTestLibrary == null) {
        inTestLibrary = TestFrameworks.isTestLibrary(qualifier.getQualifiedName() + ".");
        byQualifier.put(qualifier, inTestLibrary);
      }
      if (inTestLibrary) {
        return true;
      }
    }
    return false;
  }

  /** An import javac did not resolve (or a module import), by its name. */
  private static boolean isTestLibraryImport(JCTree imported) {
    // The name as javac already holds it; Tree#toString would pretty-print the tree first.
    Name name = TreeInfo.fullName(imported);
    return name != null && TestFrameworks.isTestLibrary(name.toString());
  }

  private static boolean declaresTests(JCCompilationUnit unit, VisitorState state) {
    for (JCTree declaration : unit.defs) {
      if (declaration instanceof JCClassDecl classDecl && declaresTests(classDecl, state)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code classDecl} or a class nested in it is test code ({@link
   * TestFrameworks#isTestRelated}), read from its tree. A method's annotations are on its
   * declaration, so a method declared without any (most of the main code's) is passed over without
   * its symbol's annotations being asked for; javac's own members (a default constructor, an enum's
   * {@code values()}) carry none.
   */
  private static boolean declaresTests(JCClassDecl classDecl, VisitorState state) {
    ClassSymbol clazz = classDecl.sym;
    if (clazz == null) {
      return false;
    }
    if (TestFrameworks.isTestClassByDeclaration(clazz, state)) {
      return true;
    }
    for (JCTree member : classDecl.defs) {
      if (member instanceof JCMethodDecl method) {
        if (!method.mods.annotations.isEmpty()
            && method.sym != null
            && TestFrameworks.isTestOrLifecycleMethod(method.sym, state)) {
          return true;
        }
      } else if (member instanceof JCClassDecl nested && declaresTests(nested, state)) {
        return true;
      }
    }
    return false;
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
