package dev.poolguard.checks.keys;

import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The explicitly written values of an annotation, as javac keeps them for source and class files
 * alike. A member left at its default is absent: {@code @Column} without {@code unique} reads as
 * not unique, which is the default's meaning.
 */
final class AnnotationValues {
  private AnnotationValues() {}

  private static @Nullable Attribute member(Attribute.Compound annotation, String name) {
    for (Pair<MethodSymbol, Attribute> value : annotation.values) {
      if (value.fst.getSimpleName().contentEquals(name)) {
        return value.snd;
      }
    }
    return null;
  }

  static boolean isTrue(Attribute.Compound annotation, String name) {
    // Attribute.Constant#getValue decodes javac's int 1 of a boolean constant as true.
    return member(annotation, name) instanceof Attribute.Constant constant
        && Boolean.TRUE.equals(constant.getValue());
  }

  static @Nullable String string(Attribute.Compound annotation, String name) {
    return member(annotation, name) instanceof Attribute.Constant constant
            && constant.getValue() instanceof String text
            && !text.isEmpty()
        ? text
        : null;
  }

  static @Nullable Integer integer(Attribute.Compound annotation, String name) {
    return member(annotation, name) instanceof Attribute.Constant constant
            && constant.getValue() instanceof Integer number
        ? number
        : null;
  }

  /** A {@code String[]} member (or a single string written without braces). */
  static List<String> strings(Attribute.Compound annotation, String name) {
    List<String> texts = new ArrayList<>();
    for (Attribute element : elements(member(annotation, name))) {
      if (element instanceof Attribute.Constant constant
          && constant.getValue() instanceof String text) {
        texts.add(text);
      }
    }
    return texts;
  }

  /** An annotation-array member ({@code uniqueConstraints}, {@code indexes}). */
  static List<Attribute.Compound> annotations(Attribute.Compound annotation, String name) {
    List<Attribute.Compound> found = new ArrayList<>();
    for (Attribute element : elements(member(annotation, name))) {
      if (element instanceof Attribute.Compound compound) {
        found.add(compound);
      }
    }
    return found;
  }

  private static List<Attribute> elements(@Nullable Attribute value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Attribute.Array array) {
      return List.of(array.values);
    }
    return List.of(value);
  }
}
