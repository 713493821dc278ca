package dev.poolguard.checks.keys;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import org.jspecify.annotations.Nullable;

/**
 * What one type's mapping says about its properties: whether it is a mapped domain type at all,
 * which of its properties are (parts of) unique keys, and the names of all its persistent
 * properties and key columns (by {@link KeyNames#normalized} spelling).
 *
 * @param keys the key properties by normalized property name
 * @param columnAliases a key property's column names, normalized, to the normalized property name
 * @param properties every persistent property, normalized
 * @param embeddedIds the types of its {@code @EmbeddedId} properties
 */
record TypeKeys(
    boolean mapped,
    ImmutableMap<String, MappedKey> keys,
    ImmutableMap<String, String> columnAliases,
    ImmutableList<String> properties,
    ImmutableList<ClassSymbol> embeddedIds) {
  static final TypeKeys UNMAPPED =
      new TypeKeys(
          false, ImmutableMap.of(), ImmutableMap.of(), ImmutableList.of(), ImmutableList.of());

  /** The key a property (or a key's column) so named is, or {@code null}. */
  @Nullable MappedKey key(String normalizedName) {
    MappedKey key = keys.get(normalizedName);
    if (key == null) {
      String property = columnAliases.get(normalizedName);
      key = property == null ? null : keys.get(property);
    }
    return key;
  }
}
