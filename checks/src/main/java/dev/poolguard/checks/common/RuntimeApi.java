package dev.poolguard.checks.common;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.model.JavacElements;

/**
 * Names in {@code poolguard-runtime} the checks refer to. They are matched by name, never linked:
 * the checks jar must load on a processor path that holds only Error Prone and PoolGuard's checks.
 */
public final class RuntimeApi {
  public static final String SHARED_TEST_DATA_SOURCE = "dev.poolguard.runtime.SharedTestDataSource";
  public static final String UNIQUE_SLUGS = "dev.poolguard.runtime.UniqueSlugs";

  private RuntimeApi() {}

  /**
   * Whether {@code className} is on the compilation's classpath, so a fix may refer to it. Unlike
   * {@code VisitorState#getTypeFromString}, which sees only classes javac has already loaded, this
   * loads the class if the source never mentions it.
   */
  public static boolean isOnClasspath(String className, VisitorState state) {
    return JavacElements.instance(state.context).getTypeElement(className) != null;
  }
}
