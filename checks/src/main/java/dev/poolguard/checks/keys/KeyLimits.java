package dev.poolguard.checks.keys;

import com.sun.tools.javac.code.Attribute;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a key property's values must satisfy, as its mapping and Bean Validation declare it: a
 * maximum length ({@code @Column(length)}, JPA's default of 255 for a string column,
 * {@code @Size(max)}, Hibernate Validator's {@code @Length(max)}), a {@code @Pattern}, an
 * {@code @Email} shape. The fix generates a value only where it keeps them.
 *
 * @param maxLength the smallest declared maximum, {@link Integer#MAX_VALUE} for none
 * @param lengthSource the annotation that declares {@code maxLength}, as the message names it
 * @param pattern the {@code @Pattern(regexp)}, or {@code null}
 * @param email whether the value must be an e-mail address
 */
record KeyLimits(int maxLength, String lengthSource, @Nullable String pattern, boolean email) {
  static final KeyLimits NONE = new KeyLimits(Integer.MAX_VALUE, "", null, false);

  /** JPA's {@code @Column(length)} default: what a generated schema gives a string column. */
  private static final int JPA_DEFAULT_LENGTH = 255;

  /**
   * The limits of a property with {@code annotations}; {@code jpaString} for a string property of a
   * JPA entity, whose column has JPA's default length when none is written.
   */
  static KeyLimits of(Map<MappingAnnotation, Attribute.Compound> annotations, boolean jpaString) {
    int max = Integer.MAX_VALUE;
    String source = "";
    Attribute.Compound column = annotations.get(MappingAnnotation.COLUMN);
    Integer columnLength = column == null ? null : AnnotationValues.integer(column, "length");
    if (columnLength != null) {
      max = columnLength;
      source = "@Column(length = " + columnLength + ")";
    } else if (jpaString) {
      max = JPA_DEFAULT_LENGTH;
      source = "JPA's default column length of " + JPA_DEFAULT_LENGTH;
    }
    for (MappingAnnotation sized :
        new MappingAnnotation[] {MappingAnnotation.SIZE, MappingAnnotation.LENGTH}) {
      Attribute.Compound size = annotations.get(sized);
      Integer sizeMax = size == null ? null : AnnotationValues.integer(size, "max");
      if (sizeMax != null && sizeMax < max) {
        max = sizeMax;
        source =
            (sized == MappingAnnotation.SIZE ? "@Size" : "@Length") + "(max = " + sizeMax + ")";
      }
    }
    Attribute.Compound pattern = annotations.get(MappingAnnotation.PATTERN);
    return new KeyLimits(
        max,
        source,
        pattern == null ? null : AnnotationValues.string(pattern, "regexp"),
        annotations.containsKey(MappingAnnotation.EMAIL));
  }
}
