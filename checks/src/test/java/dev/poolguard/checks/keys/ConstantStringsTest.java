package dev.poolguard.checks.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link ConstantStrings} on a real, attributed javac tree: each {@code probe*} field's value. */
final class ConstantStringsTest {
  private static final String SOURCE =
      """
      class Probes {
        static final String CONSTANT = "acme";
        static String neverReassigned = "tenant";
        static String reassigned = "first";
        static { reassigned = "second"; }
        volatile String shared = "volatile";
        String own = "mine";
        final int number = 7;

        String probeLiteral = "test-package";
        String probeTextBlock = \"""
            block\""";
        String probeConstant = CONSTANT;
        String probeConcatenation = CONSTANT + "-" + number;
        String probeField = neverReassigned;
        String probeReassigned = reassigned;
        String probeVolatile = shared;
        String probeThisField = this.own;
        String probeOtherObject = new Probes().own;
        String probeLowerCase = "ACME".toLowerCase();
        String probeFormat = String.format("%s-%d", CONSTANT, 2);
        String probeJoin = String.join("-", "a", "b");
        String probeFormatted = "%s!".formatted(CONSTANT);
        String probeCast = (String) (Object) "cast";
        String probeRuntime = java.util.UUID.randomUUID().toString();
        String probeBadFormat = String.format("%d", "x");

        String method() {
          String local = "local";
          String changed = "a";
          changed = "b";
          String probeLocal = local;
          String probeChangedLocal = changed;
          return probeLocal + probeChangedLocal;
        }
      }
      """;

  private static final Map<String, ExpressionTree> PROBES = new HashMap<>();
  private static @Nullable ConstantStrings constants;

  @BeforeAll
  static void compile() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    JavaFileObject file =
        new SimpleJavaFileObject(URI.create("string:///Probes.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return SOURCE;
          }
        };
    JavacTask task =
        (JavacTask) javac.getTask(null, null, null, List.of("-proc:none"), null, List.of(file));
    CompilationUnitTree unit = task.parse().iterator().next();
    task.analyze();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        String name = tree.getName().toString();
        if (name.startsWith("probe") && tree.getInitializer() != null) {
          PROBES.put(name, tree.getInitializer());
        }
        return super.visitVariable(tree, null);
      }
    }.scan(unit, null);
    constants = new ConstantStrings(unit);
  }

  private static @Nullable String valueOf(String probe) {
    ExpressionTree expression = PROBES.get(probe);
    if (expression == null || constants == null) {
      throw new UncheckedIOException(new IOException("no probe " + probe));
    }
    return constants.stringValue(expression);
  }

  @Test
  void aLiteralIsItsValue() {
    assertEquals("test-package", valueOf("probeLiteral"));
  }

  @Test
  void aTextBlockIsItsValue() {
    assertEquals("block", valueOf("probeTextBlock"));
  }

  @Test
  void aCompileTimeConstantIsItsValue() {
    assertEquals("acme", valueOf("probeConstant"));
  }

  @Test
  void aConcatenationOfFixedValuesIsFixed() {
    assertEquals("acme-7", valueOf("probeConcatenation"));
  }

  @Test
  void aFieldNeverReassignedHasItsInitialValue() {
    assertEquals("tenant", valueOf("probeField"));
  }

  @Test
  void aReassignedFieldHasNoFixedValue() {
    assertNull(valueOf("probeReassigned"));
  }

  @Test
  void aVolatileFieldHasNoFixedValue() {
    assertNull(valueOf("probeVolatile"));
  }

  @Test
  void thisObjectsFieldHasItsInitialValue() {
    assertEquals("mine", valueOf("probeThisField"));
  }

  @Test
  void anotherObjectsFieldHasNoFixedValue() {
    assertNull(valueOf("probeOtherObject"));
  }

  @Test
  void pureStringOperationsAreEvaluated() {
    assertEquals("acme", valueOf("probeLowerCase"));
    assertEquals("acme-2", valueOf("probeFormat"));
    assertEquals("a-b", valueOf("probeJoin"));
    assertEquals("acme!", valueOf("probeFormatted"));
  }

  @Test
  void castsAndParenthesesAreSeenThrough() {
    assertEquals("cast", valueOf("probeCast"));
  }

  @Test
  void aRunTimeValueHasNoFixedValue() {
    assertNull(valueOf("probeRuntime"));
  }

  @Test
  void aFormatThatWouldThrowHasNoFixedValue() {
    assertNull(valueOf("probeBadFormat"));
  }

  @Test
  void aLocalNeverReassignedHasItsInitialValue() {
    assertEquals("local", valueOf("probeLocal"));
  }

  @Test
  void aReassignedLocalHasNoFixedValue() {
    assertNull(valueOf("probeChangedLocal"));
  }
}
