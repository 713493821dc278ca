package dev.poolguard.checks.clients;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import dev.poolguard.checks.common.AnnotationSet;

/**
 * Spring bean definitions in test code ({@code @Bean} methods, {@code @Configuration} and
 * {@code @TestConfiguration} classes). A client they build is one per cached test context, which
 * {@code poolguard-spring} puts on the shared pool without a code change; the message says so.
 */
final class SpringBeans {
  /** Matched by name: Spring need not be on the processor path. */
  private static final AnnotationSet BEAN_METHOD =
      AnnotationSet.of("org.springframework.context.annotation.Bean");

  /** {@code @TestConfiguration} and {@code @SpringBootConfiguration} are meta-annotated with it. */
  private static final AnnotationSet CONFIGURATION_CLASS =
      AnnotationSet.of("org.springframework.context.annotation.Configuration");

  private SpringBeans() {}

  /**
   * Whether the code at {@code state.getPath()} is in a {@code @Bean} method or a configuration
   * class.
   */
  static boolean isInBean(VisitorState state) {
    MethodTree method = state.findEnclosing(MethodTree.class);
    if (method != null && BEAN_METHOD.isOn(ASTHelpers.getSymbol(method), state)) {
      return true;
    }
    ClassTree clazz = state.findEnclosing(ClassTree.class);
    return clazz != null && CONFIGURATION_CLASS.isOn(ASTHelpers.getSymbol(clazz), state);
  }
}
