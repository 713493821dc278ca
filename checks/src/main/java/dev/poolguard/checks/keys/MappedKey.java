package dev.poolguard.checks.keys;

import com.google.common.collect.ImmutableList;

/**
 * A property that its type's mapping makes a unique key, or a part of one: {@code User.username} as
 * the entity's assigned {@code @Id}, {@code Membership.slug} as one column of a composite
 * {@code @UniqueConstraint}.
 *
 * @param type the mapped type's simple name
 * @param property the property's name
 * @param reason what makes it a key, as the message says it ({@code "is the entity's @Id"})
 * @param otherParts the other properties of a composite key, empty for a single-column one
 * @param limits what the property's values must satisfy, for the fix
 */
record MappedKey(
    String type,
    String property,
    String reason,
    ImmutableList<String> otherParts,
    KeyLimits limits) {

  /** {@code User.username is the entity's @Id}. */
  String describe() {
    return type + "." + property + " " + reason;
  }

  boolean isComposite() {
    return !otherParts.isEmpty();
  }
}
