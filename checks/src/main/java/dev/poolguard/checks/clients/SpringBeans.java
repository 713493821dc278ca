package dev.poolguard.checks.clients;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import dev.poolguard.checks.common.TestFrameworks;

/**
 * Spring bean definitions in test code ({@code @Bean} methods, {@code @Configuration} and
 * {@code @TestConfiguration} classes). A client they build is one per cached test context, which
 * {@code poolguard-spring} puts on the shared pool without a code change; the message says so.
 */
final class SpringBeans {
  /** Matched by name: Spring need not be on the processor path. */
  private static final ImmutableSet<String> BEAN_METHOD =
      ImmutableSet.of("org.springframework.context.annotation.Bean");

  /** {@code @TestConfiguration} and {@code @SpringBootConfiguration} are meta-annotated with it. */
  private static final ImmutableSet<String> CONFIGURATION_CLASS =
      ImmutableSet.of("org.springframework.context.annotation.Configuration");

  private SpringBeans() {}

  /**
   * Whether the code at {@code state.getPath()} is in a {@code @Bean} method or a configuration
   * class.
   */
  static boolean isInBean(VisitorState state) {
    MethodTree method = state.findEnclosing(MethodTree.class);
    if (method != null
        && TestFrameworks.hasAnyAnnotation(ASTHelpers.getSymbol(method), BEAN_METHOD)) {
      return true;
    }
    ClassTree clazz = state.findEnclosing(ClassTree.class);
    return clazz != null
        && TestFrameworks.hasAnyAnnotation(ASTHelpers.getSymbol(clazz), CONFIGURATION_CLASS);
  }
}
