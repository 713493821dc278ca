package dev.poolguard.checks.keys;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Kinds;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.Completer;
import com.sun.tools.javac.code.Symbol.CompletionFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.jspecify.annotations.Nullable;

/**
 * The mapped domain types of one compilation and what each says about its keys, each type read once
 * ({@link EntityMapping}), and the key names learnt from them.
 *
 * <p>The names are learnt from the types the compilation knows when the check first runs (Error
 * Prone runs after javac has attributed every file): the classes declared in it, and the classes
 * from the classpath it refers to that carry a type-level mapping annotation ({@code @Entity},
 * {@code @MappedSuperclass}, {@code @Embeddable}, {@code @Table}, {@code @Document}). A name is
 * learnt when it is a one-property key of some mapped type and no mapped type has a property so
 * named that is not one: {@code username}, the {@code @Id} of {@code User} and a column of no other
 * table, is learnt; {@code name}, unique on {@code Tag} and plain on {@code Pet}, is not.
 */
final class MappedTypes {
  private final VisitorState state;
  // The compilation's mapping annotation types, fetched once.
  private final Map<Symbol, Object> decided;
  private final Map<Symbol, TypeKeys> byType = new HashMap<>();
  // The @EmbeddedId types of the entities seen, to the entity's name.
  private final Map<Symbol, String> embeddedIdOf = new HashMap<>();
  // Normalized name to the key it names by itself (ambiguous names left out).
  private final Map<String, MappedKey> byName = new HashMap<>();
  private final ImmutableList<String> keyNames;
  // The first two names of the mapped types' packages: the project's own packages.
  private final Set<String> projectPackages = new HashSet<>();

  private MappedTypes(VisitorState state) {
    this.state = state;
    this.decided = MappingAnnotation.decided(state);
    this.keyNames = learn();
  }

  static MappedTypes of(VisitorState state) {
    return new MappedTypes(state);
  }

  /**
   * Every name of a key property or of its explicit column, on any mapped type (ambiguous ones
   * included: a setter of the type itself may still write one).
   */
  ImmutableList<String> keyNames() {
    return keyNames;
  }

  /** The unambiguous one-property key that {@code normalizedName} names, or {@code null}. */
  @Nullable MappedKey byName(String normalizedName) {
    return byName.get(normalizedName);
  }

  /**
   * The mapped type whose data a member of {@code owner} writes: {@code owner} itself, or the type
   * a nested builder builds (Lombok's {@code User.UserBuilder}), or {@code null}.
   */
  @Nullable TypeKeys mappedOwner(@Nullable Symbol owner) {
    if (!(owner instanceof ClassSymbol type) || isSystem(type)) {
      return null; // the JDK maps nothing
    }
    TypeKeys keys = of(type);
    if (!keys.mapped() && type.owner instanceof ClassSymbol enclosing) {
      keys = of(enclosing);
    }
    return keys.mapped() ? keys : null;
  }

  /**
   * Whether {@code owner} is one of the project's own types: its package begins with the same two
   * names as the package of a mapped type ({@code com.acme.web.UserDto} beside {@code
   * com.acme.domain.User}). A type of the JDK or a library is not.
   */
  boolean isProjectType(@Nullable Symbol owner) {
    if (!(owner instanceof ClassSymbol type)) {
      return false;
    }
    return projectPackages.contains(packagePrefix(type));
  }

  private static String packagePrefix(ClassSymbol type) {
    String name = type.getQualifiedName().toString();
    int first = name.indexOf('.');
    int second = first < 0 ? -1 : name.indexOf('.', first + 1);
    // A class in the unnamed package or a one-name package is compared by its whole package.
    return second < 0 ? name.substring(0, Math.max(first, 0)) : name.substring(0, second);
  }

  TypeKeys of(ClassSymbol type) {
    TypeKeys keys = byType.get(type);
    if (keys == null) {
      keys = EntityMapping.read(type, embeddedIdOf.get(type), state, decided);
      byType.put(type, keys);
    }
    return keys;
  }

  private ImmutableList<String> learn() {
    List<ClassSymbol> candidates = new ArrayList<>();
    // A snapshot: reading a type's superclasses may load classes into the table being walked.
    for (ClassSymbol c : state.getSymtab().getAllClasses()) {
      if (c.kind == Kinds.Kind.TYP
          && Objects.equals(c.completer, Completer.NULL_COMPLETER)
          && !isSystem(c)
          && (isSource(c) || MappingAnnotation.anyOn(c, MappingAnnotation.TYPE_MARKERS, decided))) {
        candidates.add(c);
      }
    }
    List<ClassSymbol> mapped = new ArrayList<>();
    for (ClassSymbol c : candidates) {
      TypeKeys keys = readSafely(c);
      if (keys.mapped()) {
        mapped.add(c);
        for (ClassSymbol id : keys.embeddedIds()) {
          embeddedIdOf.put(id, c.getSimpleName().toString());
          byType.remove(id); // read again as an id
        }
      }
    }
    Set<String> names = new LinkedHashSet<>();
    Set<String> plain = new HashSet<>();
    for (ClassSymbol c : mapped) {
      TypeKeys keys = readSafely(c);
      projectPackages.add(packagePrefix(c));
      for (String property : keys.properties()) {
        MappedKey key = keys.keys().get(property);
        if (key == null || key.isComposite()) {
          plain.add(property);
        } else {
          byName.putIfAbsent(property, key);
        }
      }
      keys.keys().values().forEach(k -> names.add(k.property()));
      keys.columnAliases()
          .forEach(
              (column, property) -> {
                MappedKey key = keys.keys().get(property);
                names.add(column);
                if (key != null && !key.isComposite()) {
                  byName.putIfAbsent(column, key);
                }
              });
    }
    byName.keySet().removeAll(plain);
    return ImmutableList.copyOf(names);
  }

  private TypeKeys readSafely(ClassSymbol c) {
    try {
      return of(c);
    } catch (CompletionFailure missing) {
      // A class whose members' types are missing from the classpath: nothing can be read from it.
      byType.put(c, TypeKeys.UNMAPPED);
      return TypeKeys.UNMAPPED;
    }
  }

  // javac's own accessor: ASTHelpers.enclosingPackage changed its return type between Error Prone
  // releases, so a call compiled against one fails to link on another.
  @SuppressWarnings("ASTHelpersSuggestions")
  private static boolean isSystem(ClassSymbol c) {
    Symbol.PackageSymbol packge = c.packge();
    return packge.modle != null && (packge.modle.flags() & Flags.SYSTEM_MODULE) != 0;
  }

  private static boolean isSource(ClassSymbol c) {
    return c.sourcefile != null
        && c.sourcefile.getKind() == JavaFileObject.Kind.SOURCE
        && (c.classfile == null || c.classfile.getKind() == JavaFileObject.Kind.SOURCE);
  }
}
