package dev.poolguard.checks.keys;

import org.jspecify.annotations.Nullable;

/**
 * A key a name denotes: as spelled by the flag or the mapping, with the mapping that makes it one
 * ({@code null} for a configured name), and whether the name only carries it by name to the mapped
 * type (a DTO's {@code username}) rather than being the mapped type's own property.
 */
record UniqueKey(String name, @Nullable MappedKey mapping, boolean byName) {}
