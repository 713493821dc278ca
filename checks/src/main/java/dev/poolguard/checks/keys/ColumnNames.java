package dev.poolguard.checks.keys;

import com.sun.tools.javac.code.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a column named in a constraint ({@code @UniqueConstraint(columnNames)},
 * {@code @Index(columnList)}, a MongoDB index definition) maps back to a property. Ignoring case,
 * quotes and underscores, the column names a property when it is the property's explicit column
 * name ({@code @Column(name)}, {@code @JoinColumn(name)}, Spring Data's
 * {@code @Column}/{@code @Field}) or its name as the physical naming strategies write it: as is
 * (JPA's default), in snake case (Spring Boot's default, {@code user_name} for {@code userName}),
 * or, for an association, followed by {@code id} (JPA's default join column, {@code owner_id} for
 * {@code owner}).
 */
final class ColumnNames {
  private ColumnNames() {}

  static boolean matches(
      String column, String property, Map<MappingAnnotation, Attribute.Compound> annotations) {
    String wanted = KeyNames.normalized(column.replace("\"", "").replace("`", ""));
    List<String> explicit = explicit(annotations);
    if (explicit.contains(wanted)) {
      return true;
    }
    String name = KeyNames.normalized(property);
    return wanted.equals(name) || wanted.equals(name + "id");
  }

  /** The property's explicitly written column names, normalized. */
  static List<String> explicit(Map<MappingAnnotation, Attribute.Compound> annotations) {
    List<String> names = new ArrayList<>(1);
    add(annotations.get(MappingAnnotation.COLUMN), "name", names);
    add(annotations.get(MappingAnnotation.JOIN_COLUMN), "name", names);
    add(annotations.get(MappingAnnotation.DATA_COLUMN), "value", names);
    add(annotations.get(MappingAnnotation.DATA_COLUMN), "name", names);
    return names;
  }

  private static void add(
      Attribute.@Nullable Compound annotation, String member, List<String> names) {
    if (annotation != null) {
      String name = AnnotationValues.string(annotation, member);
      if (name != null) {
        names.add(KeyNames.normalized(name.replace("\"", "").replace("`", "")));
      }
    }
  }
}
