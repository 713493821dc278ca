package dev.poolguard.checks.keys;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.poolguard.checks.common.Trees;
import org.jspecify.annotations.Nullable;

/**
 * Whether a file's test data can reach a database: a plain unit test of domain objects (an entity
 * mapped to a DTO, {@code equals} of two samples) writes an entity's key into no table, so a key
 * learnt from the mapping is not reported there. A file reaches a database when it uses a database
 * or persistence API (JDBC, JPA, Hibernate, Spring's JDBC/ORM/Data/R2DBC, Jdbi, jOOQ, MongoDB,
 * PoolGuard's runtime) or a Spring Data repository, calls a method named for storing ({@code
 * save..}, {@code persist..}, {@code insert..}, {@code store..}, {@code upsert..}, {@code merge..},
 * {@code flush..}, {@code seed..}), or runs with the application's database:
 * {@code @SpringBootTest}, a data slice ({@code @DataJpaTest}, {@code @JdbcTest}, …), {@code @Sql},
 * {@code @Transactional}, {@code @ContextConfiguration}, {@code @Testcontainers},
 * {@code @QuarkusTest}, {@code @MicronautTest}, or an annotation annotated with one, on its
 * classes, their superclasses, fields or methods. A {@code @WebMvcTest} slice with mocked services
 * reaches none. Decided once per file, and only when such a key is about to be reported.
 */
final class DatabaseUse {
  private static final ImmutableList<String> DATABASE_PACKAGES =
      ImmutableList.of(
          "java.sql.",
          "javax.sql.",
          "jakarta.persistence.",
          "javax.persistence.",
          "org.hibernate.",
          "org.springframework.jdbc.",
          "org.springframework.orm.",
          "org.springframework.data.",
          "org.springframework.r2dbc.",
          "io.r2dbc.",
          "org.jdbi.",
          "org.jooq.",
          "com.mongodb.",
          "org.bson.",
          "dev.poolguard.runtime.");

  /**
   * Test annotations that start an application with its database, or a transaction in it, by simple
   * name (Spring Boot 4 moved the test slices' packages): Spring's, Jakarta's, javax's,
   * Testcontainers', Quarkus' and Micronaut's.
   */
  private static final ImmutableSet<String> CONTEXT_ANNOTATIONS =
      ImmutableSet.of(
          "SpringBootTest",
          "DataJpaTest",
          "JdbcTest",
          "DataJdbcTest",
          "DataMongoTest",
          "DataR2dbcTest",
          "JooqTest",
          "AutoConfigureTestDatabase",
          "Sql",
          "SqlGroup",
          "Transactional",
          "ContextConfiguration",
          "SpringJUnitConfig",
          "SpringJUnitWebConfig",
          "PersistenceContext",
          "Testcontainers",
          "QuarkusTest",
          "MicronautTest");

  private static final ImmutableList<String> CONTEXT_ANNOTATION_PACKAGES =
      ImmutableList.of(
          "org.springframework.",
          "jakarta.",
          "javax.",
          "org.testcontainers.",
          "io.quarkus.",
          "io.micronaut.");

  private static final String SPRING_DATA_REPOSITORY =
      "org.springframework.data.repository.Repository";

  private static final ImmutableList<String> APPLICATION_CLIENT_PACKAGES =
      ImmutableList.of(
          "org.springframework.test.web.",
          "org.springframework.boot.test.web.",
          "org.springframework.web.client.",
          "org.springframework.web.reactive.function.client.",
          "io.restassured.");

  private static final ImmutableSet<String> APPLICATION_WRITE_WORDS =
      ImmutableSet.of(
          "save",
          "persist",
          "insert",
          "store",
          "upsert",
          "merge",
          "flush",
          "seed",
          "create",
          "register",
          "add",
          "update",
          "put",
          "post",
          "import",
          "activate",
          "change",
          "complete",
          "finish",
          "given");

  // Libraries whose "add"/"create"/"put" methods build collections, mocks and assertions.
  private static final ImmutableList<String> TEST_LIBRARY_PACKAGES =
      ImmutableList.of(
          "java.",
          "javax.",
          "jdk.",
          "org.junit.",
          "org.assertj.",
          "org.mockito.",
          "org.hamcrest.",
          "com.google.common.");

  private static final ImmutableSet<String> TEST_ANNOTATIONS =
      ImmutableSet.of("Test", "ParameterizedTest", "RepeatedTest", "TestFactory", "TestTemplate");

  private static final String INJECT_MOCKS = "org.mockito.InjectMocks";

  private static final ImmutableSet<String> MOCK_ANNOTATIONS =
      ImmutableSet.of(
          "org.mockito.Mock",
          "org.mockito.Spy",
          "org.springframework.boot.test.mock.mockito.MockBean",
          "org.springframework.test.context.bean.override.mockito.MockitoBean");

  private static final ImmutableSet<String> STORING_WORDS =
      ImmutableSet.of("save", "persist", "insert", "store", "upsert", "merge", "flush", "seed");

  private DatabaseUse() {}

  /**
   * Whether the test method that writes at {@code path} stores anything: it calls a database or
   * persistence API, a repository, the application under test (MockMvc, WebTestClient, a REST
   * client) or a method of its own project named for writing ({@code save..}, {@code create..},
   * {@code register..}, {@code add..}, {@code update..}, …). Data built outside a test method (a
   * set-up method, a helper, a field) is given to tests, and counts as stored.
   */
  static boolean inWritingMethod(TreePath path, VisitorState state) {
    MethodTree method = null;
    for (TreePath p = path; p != null && method == null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree m) {
        method = m;
      }
    }
    if (method == null || method.getBody() == null || !isTestMethod(method)) {
      return true;
    }
    Finder finder = new Finder(state);
    finder.inMethod = true;
    finder.scan(method.getBody(), null);
    return finder.found;
  }

  private static boolean isTestMethod(MethodTree method) {
    MethodSymbol symbol = ASTHelpers.getSymbol(method);
    for (Attribute.Compound annotation : symbol.getAnnotationMirrors()) {
      if (annotation.type != null
          && annotation.type.tsym != null
          && TEST_ANNOTATIONS.contains(annotation.type.tsym.getSimpleName().toString())) {
        return true;
      }
    }
    return false;
  }

  static boolean inUnit(CompilationUnitTree unit, VisitorState state) {
    Finder finder = new Finder(state);
    finder.scan(unit, null);
    return finder.found && !finder.storageMocked;
  }

  private static final class Finder extends TreeScanner<@Nullable Void, @Nullable Void> {
    private final VisitorState state;
    boolean found;
    boolean storageMocked;
    // Inside one test method: calls into the application and the project's writing methods count.
    boolean inMethod;

    Finder(VisitorState state) {
      this.state = state;
    }

    @Override
    public @Nullable Void scan(com.sun.source.tree.@Nullable Tree tree, @Nullable Void unused) {
      return storageMocked ? null : super.scan(tree, null);
    }

    @Override
    public @Nullable Void visitVariable(VariableTree tree, @Nullable Void unused) {
      Symbol variable = ASTHelpers.getSymbol(tree);
      if (variable != null) {
        for (Attribute.Compound annotation : variable.getAnnotationMirrors()) {
          String name =
              annotation.type == null || annotation.type.tsym == null
                  ? ""
                  : annotation.type.tsym.getQualifiedName().toString();
          storageMocked |=
              name.equals(INJECT_MOCKS)
                  || (MOCK_ANNOTATIONS.contains(name) && isStorage(variable.type));
        }
      }
      return super.visitVariable(tree, null);
    }

    /** A repository or DAO: a Spring Data repository, or a type so named. */
    private boolean isStorage(@Nullable Type type) {
      if (type == null || type.tsym == null) {
        return false;
      }
      String name = type.tsym.getSimpleName().toString();
      if (name.endsWith("Repository") || name.endsWith("Dao") || name.endsWith("DAO")) {
        return true;
      }
      for (Type supertype : state.getTypes().closure(type)) {
        if (supertype.tsym != null
            && supertype.tsym.getQualifiedName().contentEquals(SPRING_DATA_REPOSITORY)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public @Nullable Void visitClass(ClassTree tree, @Nullable Void unused) {
      ClassSymbol symbol = ASTHelpers.getSymbol(tree);
      for (ClassSymbol c = symbol; c != null && !found; c = superclass(c)) {
        for (Attribute.Compound annotation : c.getAnnotationMirrors()) {
          found |= isContextAnnotation(annotation);
        }
      }
      return super.visitClass(tree, null);
    }

    @Override
    public @Nullable Void visitAnnotation(AnnotationTree tree, @Nullable Void unused) {
      Type type = ASTHelpers.getType(tree.getAnnotationType());
      if (type != null && type.tsym != null) {
        found |= isContextType(type.tsym);
      }
      return super.visitAnnotation(tree, null);
    }

    @Override
    public @Nullable Void visitMethodInvocation(MethodInvocationTree tree, @Nullable Void unused) {
      // A repository mocked by Mockito stores nothing.
      if (!onMock(tree)) {
        MethodSymbol method = ASTHelpers.getSymbol(tree);
        found |= isDatabaseCall(method) || (inMethod && isApplicationWrite(method));
      }
      return super.visitMethodInvocation(tree, null);
    }

    /** A call on a mock field, or on Mockito's verification ({@code then(repository).should()}). */
    private static boolean onMock(MethodInvocationTree call) {
      for (ExpressionTree receiver : Trees.receiverChain(call)) {
        Symbol symbol = ASTHelpers.getSymbol(receiver);
        if (isMock(symbol)
            || (receiver instanceof MethodInvocationTree
                && symbol != null
                && symbol.owner != null
                && symbol.owner.getQualifiedName().toString().startsWith("org.mockito."))) {
          return true;
        }
      }
      return false;
    }

    private static boolean isMock(@Nullable Symbol variable) {
      if (variable == null) {
        return false;
      }
      for (Attribute.Compound annotation : variable.getAnnotationMirrors()) {
        if (annotation.type != null
            && annotation.type.tsym != null
            && MOCK_ANNOTATIONS.contains(annotation.type.tsym.getQualifiedName().toString())) {
          return true;
        }
      }
      return false;
    }

    @Override
    public @Nullable Void visitNewClass(NewClassTree tree, @Nullable Void unused) {
      found |= isDatabaseCall(ASTHelpers.getSymbol(tree));
      return super.visitNewClass(tree, null);
    }

    /** A call into the application under test, or a writing method of the project's own. */
    private static boolean isApplicationWrite(@Nullable MethodSymbol method) {
      if (method == null || !(method.owner instanceof ClassSymbol owner)) {
        return false;
      }
      if (inPackages(owner, APPLICATION_CLIENT_PACKAGES)) {
        return true;
      }
      return APPLICATION_WRITE_WORDS.contains(KeyNames.firstWord(method.getSimpleName().toString()))
          && !inPackages(owner, TEST_LIBRARY_PACKAGES);
    }

    private boolean isDatabaseCall(@Nullable Symbol method) {
      if (method == null) {
        return false;
      }
      if (STORING_WORDS.contains(KeyNames.firstWord(method.getSimpleName().toString()))) {
        return true;
      }
      if (!(method.owner instanceof ClassSymbol owner)) {
        return false;
      }
      if (inPackages(owner, DATABASE_PACKAGES)) {
        return true;
      }
      // A query method declared on the project's own repository interface. Only interfaces: an
      // entity implementing Spring Data's Persistable is a plain object until it is stored.
      if (!method.isConstructor() && owner.isInterface()) {
        for (Type supertype : state.getTypes().closure(owner.type)) {
          if (supertype.tsym != null
              && supertype.tsym.getQualifiedName().contentEquals(SPRING_DATA_REPOSITORY)) {
            return true;
          }
        }
      }
      return false;
    }

    private @Nullable ClassSymbol superclass(ClassSymbol c) {
      Type superclass = c.getSuperclass();
      return superclass != null && superclass.tsym instanceof ClassSymbol parent ? parent : null;
    }

    private static boolean isContextAnnotation(Attribute.Compound annotation) {
      return annotation.type != null
          && annotation.type.tsym != null
          && isContextType(annotation.type.tsym);
    }

    /** A context annotation, or one annotated with one ({@code @IntegrationTest}). */
    private static boolean isContextType(Symbol annotationType) {
      if (isContextAnnotationType(annotationType)) {
        return true;
      }
      for (Attribute.Compound meta : annotationType.getAnnotationMirrors()) {
        if (meta.type != null
            && meta.type.tsym != null
            && isContextAnnotationType(meta.type.tsym)) {
          return true;
        }
      }
      return false;
    }

    private static boolean isContextAnnotationType(Symbol annotationType) {
      return CONTEXT_ANNOTATIONS.contains(annotationType.getSimpleName().toString())
          && inPackages(annotationType, CONTEXT_ANNOTATION_PACKAGES);
    }

    private static boolean inPackages(Symbol type, ImmutableList<String> packages) {
      String name = type.getQualifiedName().toString();
      for (String prefix : packages) {
        if (name.startsWith(prefix)) {
          return true;
        }
      }
      return false;
    }
  }
}
