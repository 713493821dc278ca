package dev.poolguard.checks.keys;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Sets;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symtab;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The annotations of JPA (Jakarta and javax), Hibernate, Spring Data (JDBC, R2DBC, MongoDB) and
 * Bean Validation that say whether a property of a domain type is a unique key and what values it
 * takes. Named by qualified name, so that none of those frameworks need be on the processor path.
 */
enum MappingAnnotation {
  ENTITY("jakarta.persistence.Entity", "javax.persistence.Entity"),
  MAPPED_SUPERCLASS("jakarta.persistence.MappedSuperclass", "javax.persistence.MappedSuperclass"),
  EMBEDDABLE("jakarta.persistence.Embeddable", "javax.persistence.Embeddable"),
  JPA_TABLE("jakarta.persistence.Table", "javax.persistence.Table"),
  ID_CLASS("jakarta.persistence.IdClass", "javax.persistence.IdClass"),
  JPA_ID("jakarta.persistence.Id", "javax.persistence.Id"),
  EMBEDDED_ID("jakarta.persistence.EmbeddedId", "javax.persistence.EmbeddedId"),
  GENERATED(
      "jakarta.persistence.GeneratedValue",
      "javax.persistence.GeneratedValue",
      "org.hibernate.annotations.UuidGenerator",
      "org.hibernate.annotations.GenericGenerator",
      "org.hibernate.annotations.Generated"),
  COLUMN("jakarta.persistence.Column", "javax.persistence.Column"),
  JOIN_COLUMN("jakarta.persistence.JoinColumn", "javax.persistence.JoinColumn"),
  TRANSIENT(
      "jakarta.persistence.Transient",
      "javax.persistence.Transient",
      "org.springframework.data.annotation.Transient"),
  NATURAL_ID("org.hibernate.annotations.NaturalId"),
  DATA_ID(
      "org.springframework.data.annotation.Id",
      "org.springframework.data.mongodb.core.mapping.MongoId"),
  DOCUMENT("org.springframework.data.mongodb.core.mapping.Document"),
  RELATIONAL_TABLE("org.springframework.data.relational.core.mapping.Table"),
  DATA_COLUMN(
      "org.springframework.data.relational.core.mapping.Column",
      "org.springframework.data.mongodb.core.mapping.Field"),
  INDEXED("org.springframework.data.mongodb.core.index.Indexed"),
  COMPOUND_INDEX("org.springframework.data.mongodb.core.index.CompoundIndex"),
  COMPOUND_INDEXES("org.springframework.data.mongodb.core.index.CompoundIndexes"),
  SIZE("jakarta.validation.constraints.Size", "javax.validation.constraints.Size"),
  LENGTH("org.hibernate.validator.constraints.Length"),
  PATTERN("jakarta.validation.constraints.Pattern", "javax.validation.constraints.Pattern"),
  EMAIL(
      "jakarta.validation.constraints.Email",
      "javax.validation.constraints.Email",
      "org.hibernate.validator.constraints.Email");

  /** Class annotations that make a type a mapped domain type by themselves. */
  static final Set<MappingAnnotation> TYPE_MARKERS =
      Sets.immutableEnumSet(
          ENTITY, MAPPED_SUPERCLASS, EMBEDDABLE, JPA_TABLE, DOCUMENT, RELATIONAL_TABLE);

  /** Member annotations that make the declaring type a mapped domain type. */
  static final Set<MappingAnnotation> MEMBER_MARKERS =
      Sets.immutableEnumSet(
          JPA_ID, EMBEDDED_ID, COLUMN, JOIN_COLUMN, NATURAL_ID, DATA_ID, DATA_COLUMN, INDEXED);

  private static final ImmutableMap<String, MappingAnnotation> BY_NAME;

  // The qualified names of the marker annotations: a compilation that knows none maps nothing.
  private static final ImmutableList<String> MARKER_NAMES;

  static {
    ImmutableMap.Builder<String, MappingAnnotation> byName = ImmutableMap.builder();
    for (MappingAnnotation annotation : values()) {
      for (String name : annotation.names) {
        byName.put(name, annotation);
      }
    }
    BY_NAME = byName.buildOrThrow();
    ImmutableList.Builder<String> markers = ImmutableList.builder();
    for (MappingAnnotation annotation : values()) {
      if (TYPE_MARKERS.contains(annotation) || MEMBER_MARKERS.contains(annotation)) {
        markers.addAll(annotation.names);
      }
    }
    MARKER_NAMES = markers.build();
  }

  // Per annotation type, decided once per compilation: its qualified name is decoded only then.
  private static final Supplier<Map<Symbol, Object>> BY_TYPE =
      VisitorState.memoize(unused -> new IdentityHashMap<>());
  private static final Object NONE = new Object();

  private final ImmutableList<String> names;

  MappingAnnotation(String... names) {
    this.names = ImmutableList.copyOf(names);
  }

  /**
   * The compilation's decisions by annotation type, fetched once by a caller that asks about many
   * annotations (a {@code VisitorState.memoize} fetch per annotation costs more than the answer).
   */
  static Map<Symbol, Object> decided(VisitorState state) {
    return BY_TYPE.get(state);
  }

  /**
   * Whether the compilation can have a mapped type at all: whether javac's symbol table holds one
   * of the marker annotation types ({@link #TYPE_MARKERS}, {@link #MEMBER_MARKERS}). javac enters
   * an annotation's type there when it reads the annotation, from a source file or from a class
   * file it loads (resolvable or not), and Error Prone runs after every file is attributed, so a
   * compilation whose sources and used classes carry no JPA, Spring Data or MongoDB mapping is
   * decided here, without reading any of its types. A type whose mapping only a class javac never
   * loaded could give (a superclass no call reached) is left unread, like the classes of the
   * classpath that the compilation does not use.
   */
  static boolean anyMarkerKnown(VisitorState state) {
    Symtab symtab = state.getSymtab();
    for (String name : MARKER_NAMES) {
      if (symtab.getClassesForName(state.getName(name)).iterator().hasNext()) {
        return true;
      }
    }
    return false;
  }

  /** The mapping annotations on {@code symbol}, with their values. */
  static EnumMap<MappingAnnotation, Attribute.Compound> on(
      Symbol symbol, Map<Symbol, Object> decided) {
    EnumMap<MappingAnnotation, Attribute.Compound> found = new EnumMap<>(MappingAnnotation.class);
    for (Attribute.Compound annotation : symbol.getRawAttributes()) {
      MappingAnnotation kind = of(annotation, decided);
      if (kind != null) {
        found.putIfAbsent(kind, annotation);
      }
    }
    return found;
  }

  /** Whether {@code symbol} carries one of {@code kinds}. */
  static boolean anyOn(Symbol symbol, Set<MappingAnnotation> kinds, Map<Symbol, Object> decided) {
    for (Attribute.Compound annotation : symbol.getRawAttributes()) {
      MappingAnnotation kind = of(annotation, decided);
      if (kind != null && kinds.contains(kind)) {
        return true;
      }
    }
    return false;
  }

  static @Nullable MappingAnnotation of(Attribute.Compound annotation, Map<Symbol, Object> byType) {
    Symbol type = annotation.type == null ? null : annotation.type.tsym;
    if (type == null) {
      return null;
    }
    Object kind = byType.get(type);
    if (kind == null) {
      MappingAnnotation named = BY_NAME.get(type.getQualifiedName().toString());
      kind = named == null ? NONE : named;
      byType.put(type, kind);
    }
    return kind == NONE ? null : (MappingAnnotation) kind;
  }
}
