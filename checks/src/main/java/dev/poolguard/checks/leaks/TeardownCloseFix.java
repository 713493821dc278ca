package dev.poolguard.checks.leaks;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.poolguard.checks.common.AnnotationSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The fix for a field borrowed in a setup method: close it at the end of the one teardown method of
 * the same lifecycle that its class already has ({@code @BeforeEach} → {@code @AfterEach},
 * {@code @BeforeAll} → {@code @AfterAll}, and the JUnit 4 and TestNG equivalents), guarded against
 * a setup that failed before assigning it. Nothing is added where the class has no such method, has
 * several, or where the close would not compile there.
 */
final class TeardownCloseFix {
  private static final AnnotationSet PER_TEST_SETUP =
      AnnotationSet.of(
          "org.junit.jupiter.api.BeforeEach",
          "org.junit.Before",
          "org.testng.annotations.BeforeMethod");
  private static final AnnotationSet PER_TEST_TEARDOWN =
      AnnotationSet.of(
          "org.junit.jupiter.api.AfterEach",
          "org.junit.After",
          "org.testng.annotations.AfterMethod");
  private static final AnnotationSet PER_CLASS_SETUP =
      AnnotationSet.of(
          "org.junit.jupiter.api.BeforeAll",
          "org.junit.BeforeClass",
          "org.testng.annotations.BeforeClass");
  private static final AnnotationSet PER_CLASS_TEARDOWN =
      AnnotationSet.of(
          "org.junit.jupiter.api.AfterAll",
          "org.junit.AfterClass",
          "org.testng.annotations.AfterClass");

  private TeardownCloseFix() {}

  static TryWithResourcesFix.Outcome forField(
      TreePath borrow, VarSymbol field, Resource resource, VisitorState state) {
    TreePath setUp = enclosingMethod(borrow);
    TreePath classPath = setUp == null ? null : setUp.getParentPath();
    if (setUp == null || classPath == null || !(classPath.getLeaf() instanceof ClassTree clazz)) {
      return none("the field is not assigned in a setup method of its class");
    }
    MethodSymbol setUpMethod = ASTHelpers.getSymbol((MethodTree) setUp.getLeaf());
    AnnotationSet teardowns;
    if (PER_TEST_SETUP.isOn(setUpMethod, state)) {
      teardowns = PER_TEST_TEARDOWN;
    } else if (PER_CLASS_SETUP.isOn(setUpMethod, state)) {
      teardowns = PER_CLASS_TEARDOWN;
    } else {
      return none("the field is not assigned in a @BeforeEach or @BeforeAll method");
    }
    if (!Objects.equals(field.owner, ASTHelpers.getSymbol(clazz))) {
      return none("the field is declared in another class");
    }
    List<MethodTree> matching = new ArrayList<>();
    for (Tree member : clazz.getMembers()) {
      if (member instanceof MethodTree method
          && teardowns.isOn(ASTHelpers.getSymbol(method), state)) {
        matching.add(method);
      }
    }
    if (matching.size() != 1) {
      return none(
          matching.isEmpty()
              ? "the class has no teardown method of the same lifecycle to close it in"
              : "the class has several teardown methods of that lifecycle");
    }
    MethodTree teardown = matching.get(0);
    BlockTree body = teardown.getBody();
    if (body == null
        || (ASTHelpers.getSymbol(teardown).isStatic() && !field.isStatic())
        || declares(body, field.getSimpleName().toString())) {
      return none("the teardown method cannot refer to the field as it is");
    }
    if (!CloseExceptions.declaredBy(teardown, resource, state)) {
      return none("the teardown method does not declare the exception close() throws");
    }
    CharSequence source = state.getSourceCode();
    int closingBrace = state.getEndPosition(body) - 1;
    if (source == null || closingBrace < 0 || source.charAt(closingBrace) != '}') {
      return none("the source positions of the teardown method are not known");
    }
    String methodIndent = Indentation.of(source, ASTHelpers.getStartPosition(teardown));
    String inner = methodIndent + Indentation.STEP;
    String name = field.getSimpleName().toString();
    int insertAt = closingBrace;
    while (insertAt > 0
        && (source.charAt(insertAt - 1) == ' ' || source.charAt(insertAt - 1) == '\t')) {
      insertAt--;
    }
    boolean braceOnItsOwnLine = insertAt > 0 && source.charAt(insertAt - 1) == '\n';
    String close =
        String.format(
            "%sif (%s != null) {\n%s%s%s.close();\n%s}\n%s",
            inner, name, inner, Indentation.STEP, name, inner, methodIndent);
    return TryWithResourcesFix.Outcome.of(
        SuggestedFix.replace(insertAt, closingBrace, braceOnItsOwnLine ? close : "\n" + close));
  }

  /** The method whose own code (not a lambda or class inside it) makes the borrow. */
  private static @Nullable TreePath enclosingMethod(TreePath borrow) {
    for (TreePath p = borrow; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree) {
        return p;
      }
      if (leaf instanceof ClassTree || leaf instanceof LambdaExpressionTree) {
        return null;
      }
    }
    return null;
  }

  private static boolean declares(Tree tree, String name) {
    boolean[] found = new boolean[1];
    new TreeScanner<@Nullable Void, @Nullable Void>() {
      @Override
      public @Nullable Void visitVariable(VariableTree variable, @Nullable Void unused) {
        found[0] |= variable.getName().contentEquals(name);
        return super.visitVariable(variable, null);
      }
    }.scan(tree, null);
    return found[0];
  }

  private static TryWithResourcesFix.Outcome none(String reason) {
    return TryWithResourcesFix.Outcome.none(reason);
  }
}
