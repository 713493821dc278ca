package dev.poolguard.checks.common;

import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.sun.tools.javac.model.JavacElements;
import java.util.HashMap;
import java.util.Map;

/**
 * Names in {@code poolguard-runtime} the checks refer to. They are matched by name, never linked:
 * the checks jar must load on a processor path that holds only Error Prone and PoolGuard's checks.
 *
 * <p>Internal: public only so that the checks' feature packages can use it. Not an API.
 */
public final class RuntimeApi {
  public static final String SHARED_TEST_DATA_SOURCE = "dev.poolguard.runtime.SharedTestDataSource";
  public static final String UNIQUE_SLUGS = "dev.poolguard.runtime.UniqueSlugs";

  // Asked for every finding that may get a fix; the classpath does not change within a compilation.
  private static final Supplier<Map<String, Boolean>> ON_CLASSPATH =
      VisitorState.memoize(unused -> new HashMap<>());

  private RuntimeApi() {}

  /**
   * Whether {@code className} is on the compilation's classpath, so a fix may refer to it. Unlike
   * {@code VisitorState#getTypeFromString}, which sees only classes javac has already loaded, this
   * loads the class if the source never mentions it.
   */
  public static boolean isOnClasspath(String className, VisitorState state) {
    return ON_CLASSPATH
        .get(state)
        .computeIfAbsent(
            className, name -> JavacElements.instance(state.context).getTypeElement(name) != null);
  }
}
