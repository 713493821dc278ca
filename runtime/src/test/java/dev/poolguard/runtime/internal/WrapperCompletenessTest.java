package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The written-out wrappers pass every call of their JDBC interface on: none is left to an
 * interface's default method, which would answer for the driver without asking it (a JDBC default
 * such as {@code executeLargeUpdate} throws where the driver implements it).
 */
class WrapperCompletenessTest {
  static Stream<Arguments> wrappers() {
    return Stream.of(
        Arguments.of(ConnectionProxy.class, Connection.class),
        Arguments.of(TappedStatement.class, Statement.class),
        Arguments.of(TappedPreparedStatement.class, PreparedStatement.class),
        Arguments.of(TappedCallableStatement.class, CallableStatement.class));
  }

  @ParameterizedTest(name = "{0} declares every method of {1}")
  @MethodSource("wrappers")
  void everyInterfaceMethodIsImplementedByTheWrapper(Class<?> wrapper, Class<?> jdbc) {
    List<String> notPassedOn = new ArrayList<>();
    for (Method method : jdbc.getMethods()) {
      if (Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      try {
        Method implementation = wrapper.getMethod(method.getName(), method.getParameterTypes());
        if (implementation.getDeclaringClass().isInterface()) {
          notPassedOn.add(method.toString());
        }
      } catch (NoSuchMethodException e) {
        notPassedOn.add(method.toString());
      }
    }
    assertEquals(List.of(), notPassedOn);
  }
}
