package dev.poolguard.checks.keys;

import com.google.common.base.CharMatcher;
import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.CompletionFailure;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads one type's mapping from its symbols (source or class file alike): its persistent properties
 * (fields, record components and annotated getters, its superclasses' included, so that a
 * {@code @MappedSuperclass} or base entity counts) and the unique keys they form.
 *
 * <p>Keys, each a set of properties: an assigned {@code @Id} (JPA, or Spring Data's for JDBC, R2DBC
 * and MongoDB) — none when any {@code @Id} property is generated; several {@code @Id}s
 * ({@code @IdClass}) are one composite key; the properties of an {@code @EmbeddedId}'s type are one
 * composite key of that type; {@code @Column(unique = true)}; Hibernate's {@code @NaturalId} (all
 * of a type's together); each {@code @Table(uniqueConstraints)} and unique {@code @Table(indexes)};
 * MongoDB's {@code @Indexed(unique = true)} and unique {@code @CompoundIndex}. A constraint whose
 * columns do not all map back to properties ({@link ColumnNames}) is left out.
 */
final class EntityMapping {
  // The field names of a MongoDB index definition: {'tenant': 1, 'slug': -1}.
  private static final Pattern INDEX_FIELD =
      Pattern.compile("['\"]?([A-Za-z_$][\\w$.]*)['\"]?\\s*:");

  private static final Splitter COMMA = Splitter.on(',').trimResults().omitEmptyStrings();
  private static final Splitter WHITESPACE = Splitter.on(CharMatcher.whitespace());

  private final ClassSymbol type;
  private final VisitorState state;
  private final Map<Symbol, Object> decided;
  // By normalized name, in declaration order (subclass first).
  private final Map<String, Property> properties = new LinkedHashMap<>();
  private final EnumMap<MappingAnnotation, Attribute.Compound> typeAnnotations =
      new EnumMap<>(MappingAnnotation.class);
  private final List<Attribute.Compound> compoundIndexes = new ArrayList<>();
  private final Map<String, MappedKey> keys = new LinkedHashMap<>();

  /** One persistent property: its name, its mapping annotations and whether it holds text. */
  private record Property(
      String name, EnumMap<MappingAnnotation, Attribute.Compound> annotations, Type type) {}

  private EntityMapping(ClassSymbol type, VisitorState state, Map<Symbol, Object> decided) {
    this.type = type;
    this.state = state;
    this.decided = decided;
  }

  /**
   * The keys of {@code type}; {@code embeddedIdOf} names the entity whose {@code @EmbeddedId} this
   * type is, or is {@code null}.
   */
  static TypeKeys read(
      ClassSymbol type,
      @Nullable String embeddedIdOf,
      VisitorState state,
      Map<Symbol, Object> decided) {
    if (embeddedIdOf == null && !mayBeMapped(type, state, decided)) {
      return TypeKeys.UNMAPPED; // most types asked about: decided without collecting properties
    }
    EntityMapping mapping = new EntityMapping(type, state, decided);
    mapping.collect();
    boolean mapped =
        embeddedIdOf != null
            || MappingAnnotation.TYPE_MARKERS.stream()
                .anyMatch(mapping.typeAnnotations::containsKey)
            || mapping.properties.values().stream()
                .anyMatch(
                    p ->
                        MappingAnnotation.MEMBER_MARKERS.stream()
                            .anyMatch(p.annotations::containsKey));
    if (!mapped) {
      return TypeKeys.UNMAPPED;
    }
    return mapping.keys(embeddedIdOf);
  }

  /**
   * A necessary condition for {@link #read} to find a mapped type: the type or a superclass carries
   * a type-level mapping annotation, or one of their members a member-level one.
   */
  private static boolean mayBeMapped(
      ClassSymbol type, VisitorState state, Map<Symbol, Object> decided) {
    for (ClassSymbol c = type; c != null; c = superclass(c, state)) {
      if (MappingAnnotation.anyOn(c, MappingAnnotation.TYPE_MARKERS, decided)) {
        return true;
      }
      for (Symbol member : ASTHelpers.getEnclosedElements(c)) {
        if (MappingAnnotation.anyOn(member, MappingAnnotation.MEMBER_MARKERS, decided)) {
          return true;
        }
      }
    }
    return false;
  }

  private void collect() {
    for (ClassSymbol c = type; c != null; c = superclass(c, state)) {
      EnumMap<MappingAnnotation, Attribute.Compound> own = MappingAnnotation.on(c, decided);
      own.forEach(typeAnnotations::putIfAbsent); // the subclass's own wins
      Attribute.Compound indexes = own.get(MappingAnnotation.COMPOUND_INDEXES);
      for (Attribute.Compound annotation : c.getRawAttributes()) {
        if (MappingAnnotation.of(annotation, decided) == MappingAnnotation.COMPOUND_INDEX) {
          compoundIndexes.add(annotation);
        }
      }
      if (indexes != null) {
        compoundIndexes.addAll(AnnotationValues.annotations(indexes, "value"));
      }
      for (Symbol member : ASTHelpers.getEnclosedElements(c)) {
        collectMember(member);
      }
    }
  }

  private void collectMember(Symbol member) {
    if ((member.flags() & Flags.STATIC) != 0) {
      return;
    }
    String name;
    if (member instanceof VarSymbol field) {
      name = field.getSimpleName().toString();
    } else if (member instanceof MethodSymbol method && method.getParameters().isEmpty()) {
      name = getterProperty(method.getSimpleName().toString());
      if (name == null || method.getRawAttributes().isEmpty()) {
        return; // property access is declared by annotating getters; other getters say nothing
      }
    } else {
      return;
    }
    EnumMap<MappingAnnotation, Attribute.Compound> annotations =
        MappingAnnotation.on(member, decided);
    if (annotations.containsKey(MappingAnnotation.TRANSIENT)
        || (member instanceof VarSymbol && (member.flags() & Flags.TRANSIENT) != 0)) {
      return;
    }
    String normalized = KeyNames.normalized(name);
    Property known = properties.get(normalized);
    if (known == null) {
      Type propertyType =
          member instanceof MethodSymbol method ? method.getReturnType() : member.type;
      properties.put(normalized, new Property(name, annotations, propertyType));
    } else {
      annotations.forEach(known.annotations::putIfAbsent); // field and getter of one property
    }
  }

  private static @Nullable String getterProperty(String method) {
    int prefix = method.startsWith("get") ? 3 : method.startsWith("is") ? 2 : 0;
    if (prefix == 0 || method.length() == prefix || !Character.isUpperCase(method.charAt(prefix))) {
      return null;
    }
    return Character.toLowerCase(method.charAt(prefix)) + method.substring(prefix + 1);
  }

  private static @Nullable ClassSymbol superclass(ClassSymbol c, VisitorState state) {
    Type superclass = c.getSuperclass();
    if (superclass == null
        || !(superclass.tsym instanceof ClassSymbol parent)
        || Objects.equals(parent, state.getSymtab().objectType.tsym)
        || Objects.equals(parent, state.getSymtab().recordType.tsym)) {
      return null;
    }
    try {
      parent.complete();
      return parent;
    } catch (CompletionFailure missing) {
      return null; // a superclass missing from the classpath maps nothing we can read
    }
  }

  private TypeKeys keys(@Nullable String embeddedIdOf) {
    if (embeddedIdOf != null) {
      constraint(
          List.copyOf(properties.values()),
          "is part of " + embeddedIdOf + "'s @EmbeddedId",
          "is " + embeddedIdOf + "'s @EmbeddedId");
    }
    ids();
    List<Property> naturalIds = new ArrayList<>();
    for (Property property : properties.values()) {
      Attribute.Compound column = property.annotations().get(MappingAnnotation.COLUMN);
      if (column != null && AnnotationValues.isTrue(column, "unique")) {
        constraint(List.of(property), "", "is @Column(unique = true)");
      }
      Attribute.Compound indexed = property.annotations().get(MappingAnnotation.INDEXED);
      if (indexed != null && AnnotationValues.isTrue(indexed, "unique")) {
        constraint(List.of(property), "", "is @Indexed(unique = true)");
      }
      if (property.annotations().containsKey(MappingAnnotation.NATURAL_ID)) {
        naturalIds.add(property);
      }
    }
    constraint(naturalIds, "is part of the entity's @NaturalId", "is the entity's @NaturalId");
    tableConstraints();
    for (Attribute.Compound index : compoundIndexes) {
      String definition = AnnotationValues.string(index, "def");
      if (definition != null && AnnotationValues.isTrue(index, "unique")) {
        List<String> fields = new ArrayList<>();
        Matcher field = INDEX_FIELD.matcher(definition);
        while (field.find()) {
          fields.add(field.group(1));
        }
        columns(fields, "a unique @CompoundIndex(def = \"" + definition + "\")");
      }
    }
    ImmutableMap.Builder<String, String> aliases = ImmutableMap.builder();
    for (String key : keys.keySet()) {
      Property property = properties.get(key);
      if (property == null) {
        continue;
      }
      for (String column : ColumnNames.explicit(property.annotations())) {
        if (!keys.containsKey(column)) {
          aliases.put(column, key);
        }
      }
    }
    return new TypeKeys(
        true,
        ImmutableMap.copyOf(keys),
        aliases.buildKeepingLast(),
        ImmutableList.copyOf(properties.keySet()),
        embeddedIds());
  }

  private void ids() {
    List<Property> ids = new ArrayList<>();
    boolean generated = false;
    boolean springData = false;
    for (Property property : properties.values()) {
      Map<MappingAnnotation, Attribute.Compound> annotations = property.annotations();
      if (annotations.containsKey(MappingAnnotation.JPA_ID)
          || annotations.containsKey(MappingAnnotation.DATA_ID)) {
        ids.add(property);
        generated |= annotations.containsKey(MappingAnnotation.GENERATED);
        springData |= !annotations.containsKey(MappingAnnotation.JPA_ID);
      }
    }
    if (!generated) {
      constraint(
          ids,
          "is part of the entity's composite @Id",
          springData ? "is the entity's Spring Data @Id" : "is the entity's @Id");
    }
  }

  private void tableConstraints() {
    Attribute.Compound table = typeAnnotations.get(MappingAnnotation.JPA_TABLE);
    if (table == null) {
      return;
    }
    for (Attribute.Compound unique : AnnotationValues.annotations(table, "uniqueConstraints")) {
      List<String> columns = AnnotationValues.strings(unique, "columnNames");
      columns(columns, "@UniqueConstraint(columnNames = " + quoted(columns) + ")");
    }
    for (Attribute.Compound index : AnnotationValues.annotations(table, "indexes")) {
      String columnList = AnnotationValues.string(index, "columnList");
      if (columnList != null && AnnotationValues.isTrue(index, "unique")) {
        List<String> columns = new ArrayList<>();
        for (String column : COMMA.split(columnList)) {
          // "slug ASC": the order is not part of the name.
          columns.add(WHITESPACE.split(column).iterator().next());
        }
        columns(columns, "a unique @Index(columnList = \"" + columnList + "\")");
      }
    }
  }

  /** A constraint over columns: kept only when every column maps back to a property. */
  private void columns(List<String> columns, String constraint) {
    List<Property> parts = new ArrayList<>();
    for (String column : columns) {
      Property property = propertyOf(column);
      if (property == null) {
        return;
      }
      parts.add(property);
    }
    constraint(parts, "is in " + constraint, "is " + constraint);
  }

  private @Nullable Property propertyOf(String column) {
    for (Property property : properties.values()) {
      if (ColumnNames.matches(column, property.name(), property.annotations())) {
        return property;
      }
    }
    return null;
  }

  private static String quoted(List<String> columns) {
    List<String> quoted = new ArrayList<>();
    columns.forEach(c -> quoted.add('"' + c + '"'));
    return columns.size() == 1 ? quoted.get(0) : "{" + String.join(", ", quoted) + "}";
  }

  /**
   * Records a key over {@code parts}: {@code single} the reason of a one-property key, {@code
   * composite} of a part of a larger one. A property in several keys keeps the one of fewest parts:
   * the easiest to collide on.
   */
  private void constraint(List<Property> parts, String composite, String single) {
    if (parts.isEmpty()) {
      return;
    }
    boolean jpa =
        typeAnnotations.containsKey(MappingAnnotation.ENTITY)
            || typeAnnotations.containsKey(MappingAnnotation.EMBEDDABLE);
    for (Property part : parts) {
      ImmutableList.Builder<String> others = ImmutableList.builder();
      for (Property other : parts) {
        if (!other.name().equals(part.name())) {
          others.add(other.name());
        }
      }
      ImmutableList<String> otherParts = others.build();
      String normalized = KeyNames.normalized(part.name());
      MappedKey known = keys.get(normalized);
      if (known == null || known.otherParts().size() > otherParts.size()) {
        boolean text =
            part.type() != null
                && Objects.equals(part.type().tsym, state.getSymtab().stringType.tsym);
        keys.put(
            normalized,
            new MappedKey(
                type.getSimpleName().toString(),
                part.name(),
                otherParts.isEmpty() ? single : composite,
                otherParts,
                KeyLimits.of(part.annotations(), jpa && text)));
      }
    }
  }

  private ImmutableList<ClassSymbol> embeddedIds() {
    ImmutableList.Builder<ClassSymbol> found = ImmutableList.builder();
    for (Property property : properties.values()) {
      if (property.annotations().containsKey(MappingAnnotation.EMBEDDED_ID)
          && property.type() != null
          && property.type().tsym instanceof ClassSymbol id) {
        found.add(id);
      }
    }
    return found.build();
  }
}
