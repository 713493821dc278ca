package dev.poolguard.checks.common;

import static com.google.errorprone.util.ASTHelpers.getEnclosedElements;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Type;
import java.util.function.Predicate;
import javax.lang.model.element.ElementKind;

/**
 * What JUnit 4, JUnit 5 and TestNG (and Spring's test slices) mark tests and test classes with.
 *
 * <p>Internal: public only so that the checks' feature packages can use it. Not an API.
 */
public final class TestFrameworks {
  /** Method annotations that make a method a test. */
  static final ImmutableSet<String> TEST_METHOD_ANNOTATIONS =
      ImmutableSet.of(
          "org.junit.Test",
          "org.junit.jupiter.api.Test",
          "org.junit.jupiter.api.RepeatedTest",
          "org.junit.jupiter.api.TestFactory",
          "org.junit.jupiter.api.TestTemplate",
          "org.junit.jupiter.params.ParameterizedTest",
          "org.testng.annotations.Test");

  /** Lifecycle annotations on methods that run after tests: where teardown code lives. */
  static final ImmutableSet<String> TEARDOWN_ANNOTATIONS =
      ImmutableSet.of(
          "org.junit.jupiter.api.AfterAll",
          "org.junit.jupiter.api.AfterEach",
          "org.junit.AfterClass",
          "org.junit.After",
          "org.testng.annotations.AfterClass",
          "org.testng.annotations.AfterMethod",
          "org.testng.annotations.AfterSuite",
          "org.testng.annotations.AfterTest",
          "org.testng.annotations.AfterGroups");

  /** Lifecycle annotations on methods that run before tests. */
  static final ImmutableSet<String> SETUP_ANNOTATIONS =
      ImmutableSet.of(
          "org.junit.jupiter.api.BeforeAll",
          "org.junit.jupiter.api.BeforeEach",
          "org.junit.BeforeClass",
          "org.junit.Before",
          "org.testng.annotations.BeforeClass",
          "org.testng.annotations.BeforeMethod",
          "org.testng.annotations.BeforeSuite",
          "org.testng.annotations.BeforeTest",
          "org.testng.annotations.BeforeGroups");

  /** Any of the method annotations above: one pass over a method's annotations answers all. */
  private static final ImmutableSet<String> TEST_RELATED_METHOD_ANNOTATIONS =
      ImmutableSet.<String>builder()
          .addAll(TEST_METHOD_ANNOTATIONS)
          .addAll(TEARDOWN_ANNOTATIONS)
          .addAll(SETUP_ANNOTATIONS)
          .build();

  /** Class annotations that make a class a test class even before its methods are read. */
  static final ImmutableSet<String> TEST_CLASS_ANNOTATIONS =
      ImmutableSet.of(
          "org.junit.runner.RunWith",
          "org.junit.jupiter.api.Nested",
          "org.junit.jupiter.api.TestInstance",
          "org.junit.jupiter.api.extension.ExtendWith",
          "org.testng.annotations.Test",
          "org.springframework.boot.test.context.SpringBootTest",
          "org.springframework.test.context.junit.jupiter.SpringJUnitConfig",
          "org.springframework.boot.test.autoconfigure.jdbc.JdbcTest",
          "org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest",
          "org.testcontainers.junit.jupiter.Testcontainers");

  /** Base classes of JUnit 3 style and framework-provided test classes. */
  private static final ImmutableSet<String> TEST_BASE_CLASSES =
      ImmutableSet.of(
          "junit.framework.TestCase",
          "org.testng.Assert",
          "org.springframework.test.context.testng.AbstractTestNGSpringContextTests");

  /**
   * Field annotations through which a container (Spring, CDI, Guice, Jakarta EE) injects a value.
   */
  private static final ImmutableSet<String> INJECTION_ANNOTATIONS =
      ImmutableSet.of(
          "org.springframework.beans.factory.annotation.Autowired",
          "javax.inject.Inject",
          "jakarta.inject.Inject",
          "com.google.inject.Inject",
          "javax.annotation.Resource",
          "jakarta.annotation.Resource");

  /**
   * Packages of test frameworks and test libraries: a file importing from one is test code. The
   * first {@link #ASSERTION_LIBRARY_COUNT} are also where assertion and mocking methods live.
   */
  private static final ImmutableList<String> TEST_LIBRARY_PACKAGES =
      ImmutableList.of(
          "org.junit.",
          "junit.framework.",
          "org.assertj.",
          "org.hamcrest.",
          "org.testng.Assert",
          "org.testng.asserts.",
          "com.google.common.truth.",
          "org.mockito.",
          // Test libraries that assert nothing themselves.
          "org.testng.",
          "org.testcontainers.",
          "org.springframework.test.",
          "org.springframework.boot.test.");

  private static final int ASSERTION_LIBRARY_COUNT = 8;

  private TestFrameworks() {}

  /** Whether {@code qualifiedName} (an import, a class) belongs to a test framework or library. */
  static boolean isTestLibrary(String qualifiedName) {
    for (String prefix : TEST_LIBRARY_PACKAGES) {
      if (qualifiedName.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code qualifiedName} (a class) belongs to an assertion or mocking library. */
  public static boolean isAssertionLibrary(String qualifiedName) {
    for (String prefix : TEST_LIBRARY_PACKAGES.subList(0, ASSERTION_LIBRARY_COUNT)) {
      if (qualifiedName.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code field} is filled in by a dependency-injection container. */
  public static boolean isInjected(Symbol field) {
    return hasAnyAnnotation(field, INJECTION_ANNOTATIONS);
  }

  public static boolean isTestOrLifecycleMethod(Symbol method) {
    return hasAnyAnnotation(method, TEST_RELATED_METHOD_ANNOTATIONS);
  }

  /**
   * Whether {@code clazz} is test code of any kind: it has a test or lifecycle method, a test-class
   * annotation, or a JUnit 3 / framework test base class.
   */
  public static boolean isTestRelated(ClassSymbol clazz) {
    return hasAnyAnnotation(clazz, TEST_CLASS_ANNOTATIONS)
        || extendsTestBase(clazz)
        || declaresMethodsMatching(clazz, TestFrameworks::isTestOrLifecycleMethod);
  }

  /**
   * Whether {@code clazz} declares tests: a test method, a test-class annotation, or a JUnit 3 /
   * framework test base class. A pool such a class keeps is that test class's pool. Lifecycle
   * methods alone do not count: an abstract base class's {@code static} pool is initialised once
   * per JVM and shared by every subclass.
   */
  public static boolean declaresTests(ClassSymbol clazz) {
    return hasAnyAnnotation(clazz, TEST_CLASS_ANNOTATIONS)
        || extendsTestBase(clazz)
        || declaresMethodsMatching(clazz, m -> hasAnyAnnotation(m, TEST_METHOD_ANNOTATIONS));
  }

  private static boolean declaresMethodsMatching(ClassSymbol clazz, Predicate<Symbol> predicate) {
    for (Symbol member : getEnclosedElements(clazz)) {
      if (member.getKind() == ElementKind.METHOD && predicate.test(member)) {
        return true;
      }
    }
    return false;
  }

  public static boolean isTeardownMethod(Symbol method) {
    return hasAnyAnnotation(method, TEARDOWN_ANNOTATIONS);
  }

  /**
   * Whether {@code symbol} carries one of {@code annotations}, directly or through one level of
   * meta-annotation (JUnit 5 composed annotations such as a team's own {@code @IntegrationTest}).
   */
  public static boolean hasAnyAnnotation(Symbol symbol, ImmutableSet<String> annotations) {
    for (Attribute.Compound annotation : symbol.getAnnotationMirrors()) {
      Symbol type = annotation.type.tsym;
      if (type == null) {
        continue;
      }
      // Decoded once: classifying a unit asks this of every method's every annotation.
      String name = type.getQualifiedName().toString();
      if (annotations.contains(name)) {
        return true;
      }
      if (!name.startsWith("java.lang.")) {
        for (Attribute.Compound meta : type.getAnnotationMirrors()) {
          if (meta.type.tsym != null
              && annotations.contains(meta.type.tsym.getQualifiedName().toString())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean extendsTestBase(ClassSymbol clazz) {
    for (Type t = clazz.getSuperclass(); t != null && t.tsym != null; ) {
      if (TEST_BASE_CLASSES.contains(t.tsym.getQualifiedName().toString())) {
        return true;
      }
      if (!(t.tsym instanceof ClassSymbol)) {
        return false;
      }
      t = ((ClassSymbol) t.tsym).getSuperclass();
    }
    return false;
  }
}
