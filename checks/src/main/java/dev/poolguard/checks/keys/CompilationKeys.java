package dev.poolguard.checks.keys;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The unique keys of one compilation: the configured names ({@code HardcodedTestSlug:Fields}) and,
 * unless {@code HardcodedTestSlug:KeysFromMapping=false}, the keys its domain model's mapping
 * declares ({@link MappedTypes}).
 *
 * <p>A member of a mapped type (its setter, builder method, constructor parameter or field) is a
 * key when the type's own mapping makes the property one, or when its name is a configured key. Any
 * other name (a DTO's or helper's parameter, a map key, a bind name) is a key when it is a
 * configured key, or when it is exactly the name of a learnt key: a one-property key of some mapped
 * type that no mapped type has as a plain property.
 */
final class CompilationKeys {
  private final KeyNames names;
  private final @Nullable MappedTypes mapped;

  private CompilationKeys(KeyNames names, @Nullable MappedTypes mapped) {
    this.names = names;
    this.mapped = mapped;
  }

  static CompilationKeys of(
      ImmutableList<String> configured, boolean fromMapping, VisitorState state) {
    // Most compilations (a suite on JDBC, a library's tests) map nothing: no type is read then.
    if (!fromMapping || !MappingAnnotation.anyMarkerKnown(state)) {
      return new CompilationKeys(new KeyNames(configured), null);
    }
    MappedTypes mapped = MappedTypes.of(state);
    return new CompilationKeys(new KeyNames(configured, mapped.keyNames()), mapped);
  }

  /** A cheap necessary condition for a name to denote any key (see {@link KeyNames}). */
  boolean mayDenoteKey(String name) {
    return names.mayDenoteKey(name);
  }

  /** The key {@code name} (a map key, a bind name) denotes by itself, or {@code null}. */
  @Nullable UniqueKey keyOf(CharSequence name) {
    String text = name.toString();
    return names.mayDenoteKey(text) ? keyOfWords(KeyNames.words(text)) : null;
  }

  /** Like {@link #keyOf}, for a name already split into words. */
  @Nullable UniqueKey keyOfWords(List<String> words) {
    if (mapped != null && names.exactKeyOfWords(words) != null) {
      MappedKey key = mapped.byName(String.join("", words));
      if (key != null) {
        return new UniqueKey(key.property(), key, true);
      }
    }
    return configured(words);
  }

  /**
   * The key a member of {@code owner} so named writes: the property's own mapping when {@code
   * owner} is a mapped type (or a mapped type's nested builder), the name alone otherwise.
   */
  @Nullable UniqueKey keyOfMember(List<String> words, @Nullable Symbol owner) {
    return keyOfMember(words, owner, true);
  }

  /**
   * Like {@link #keyOfMember(List, Symbol)}; {@code byName} whether a learnt name counts on a type
   * that is not mapped. Only parameters carry one by name (a DTO record's or a test-data helper's
   * {@code username}): a bean's setters fill requests that the application validates and often
   * rejects (the registration of an invalid or duplicate user), which store nothing.
   */
  @Nullable UniqueKey keyOfMember(List<String> words, @Nullable Symbol owner, boolean byName) {
    if (mapped != null) {
      TypeKeys type = mapped.mappedOwner(owner);
      if (type != null) {
        MappedKey key = type.key(String.join("", words));
        if (key != null) {
          return new UniqueKey(key.property(), key, false);
        }
        return configured(words);
      }
      UniqueKey learnt = keyOfWords(words);
      // A learnt name is carried only by the project's own types: a library's User(username, ..)
      // or a Principal's name is no test data of the domain model.
      if (learnt != null && learnt.mapping() != null && (!byName || !mapped.isProjectType(owner))) {
        return configured(words);
      }
      return learnt;
    }
    return keyOfWords(words);
  }

  private @Nullable UniqueKey configured(List<String> words) {
    String configured = names.configuredKeyOfWords(words);
    return configured == null ? null : new UniqueKey(configured, null, false);
  }

  @Nullable UniqueKey keyOfMember(CharSequence name, @Nullable Symbol owner, boolean byName) {
    String text = name.toString();
    return names.mayDenoteKey(text) ? keyOfMember(KeyNames.words(text), owner, byName) : null;
  }
}
