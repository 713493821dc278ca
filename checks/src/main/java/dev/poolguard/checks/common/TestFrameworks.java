package dev.poolguard.checks.common;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.sun.tools.javac.code.Scope;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.ElementKind;

/**
 * What JUnit 4, JUnit 5 and TestNG (and Spring's test slices) mark tests and test classes with.
 *
 * <p>Internal: public only so that the checks' feature packages can use it. Not an API.
 */
public final class TestFrameworks {
  /** Method annotations that make a method a test. */
  private static final AnnotationSet TEST_METHOD_ANNOTATIONS =
      AnnotationSet.of(
          "org.junit.Test",
          "org.junit.jupiter.api.Test",
          "org.junit.jupiter.api.RepeatedTest",
          "org.junit.jupiter.api.TestFactory",
          "org.junit.jupiter.api.TestTemplate",
          "org.junit.jupiter.params.ParameterizedTest",
          "org.testng.annotations.Test");

  /** Lifecycle annotations on methods that run after tests: where teardown code lives. */
  private static final AnnotationSet TEARDOWN_ANNOTATIONS =
      AnnotationSet.of(
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
  private static final AnnotationSet SETUP_ANNOTATIONS =
      AnnotationSet.of(
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
  private static final AnnotationSet TEST_RELATED_METHOD_ANNOTATIONS =
      AnnotationSet.union(TEST_METHOD_ANNOTATIONS, TEARDOWN_ANNOTATIONS, SETUP_ANNOTATIONS);

  /** Class annotations that make a class a test class even before its methods are read. */
  private static final AnnotationSet TEST_CLASS_ANNOTATIONS =
      AnnotationSet.of(
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

  // Per class: whether it or a class above it is one of TEST_BASE_CLASSES.
  private static final Supplier<Map<ClassSymbol, Boolean>> EXTENDS_TEST_BASE =
      VisitorState.memoize(unused -> new IdentityHashMap<>());

  /**
   * Field annotations through which a container (Spring, CDI, Guice, Jakarta EE) injects a value.
   */
  private static final AnnotationSet INJECTION_ANNOTATIONS =
      AnnotationSet.of(
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
  public static boolean isInjected(Symbol field, VisitorState state) {
    return INJECTION_ANNOTATIONS.isOn(field, state);
  }

  public static boolean isTestOrLifecycleMethod(Symbol method, VisitorState state) {
    return TEST_RELATED_METHOD_ANNOTATIONS.isOn(method, state);
  }

  /**
   * Whether {@code clazz} is test code of any kind: it has a test or lifecycle method, a test-class
   * annotation, or a JUnit 3 / framework test base class.
   */
  public static boolean isTestRelated(ClassSymbol clazz, VisitorState state) {
    return isTestClassByDeclaration(clazz, state)
        || declaresMethodsWith(clazz, TEST_RELATED_METHOD_ANNOTATIONS, state);
  }

  /**
   * Whether {@code clazz} is a test class by its declaration alone: a test-class annotation, or a
   * JUnit 3 / framework test base class above it.
   */
  public static boolean isTestClassByDeclaration(ClassSymbol clazz, VisitorState state) {
    return TEST_CLASS_ANNOTATIONS.isOn(clazz, state) || extendsTestBase(clazz, state);
  }

  /**
   * Whether {@code clazz} declares tests: a test method, a test-class annotation, or a JUnit 3 /
   * framework test base class. A pool such a class keeps is that test class's pool. Lifecycle
   * methods alone do not count: an abstract base class's {@code static} pool is initialised once
   * per JVM and shared by every subclass.
   */
  public static boolean declaresTests(ClassSymbol clazz, VisitorState state) {
    return isTestClassByDeclaration(clazz, state)
        || declaresMethodsWith(clazz, TEST_METHOD_ANNOTATIONS, state);
  }

  private static boolean declaresMethodsWith(
      ClassSymbol clazz, AnnotationSet annotations, VisitorState state) {
    for (Symbol member : clazz.members().getSymbols(Scope.LookupKind.NON_RECURSIVE)) {
      if (member.getKind() == ElementKind.METHOD && annotations.isOn(member, state)) {
        return true;
      }
    }
    return false;
  }

  public static boolean isTeardownMethod(Symbol method, VisitorState state) {
    return TEARDOWN_ANNOTATIONS.isOn(method, state);
  }

  private static boolean extendsTestBase(ClassSymbol clazz, VisitorState state) {
    if (!(clazz.getSuperclass().tsym instanceof ClassSymbol superclass)
        || Objects.equals(superclass, state.getSymtab().objectType.tsym)) {
      return false; // interfaces and most classes: decided without the compilation's map
    }
    Map<ClassSymbol, Boolean> decided = EXTENDS_TEST_BASE.get(state);
    Boolean extendsBase = decided.get(clazz);
    if (extendsBase == null) {
      // Each class's superclass chain decided once: a suite's classes share their superclasses.
      extendsBase =
          TEST_BASE_CLASSES.contains(superclass.getQualifiedName().toString())
              || extendsTestBase(superclass, state);
      decided.put(clazz, extendsBase);
    }
    return extendsBase;
  }
}
