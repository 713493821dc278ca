/**
 * {@code HardcodedTestSlug}: fixed strings written into unique-key slots of test data, with the
 * fix. Keys are configured names and the unique keys the domain model's mapping declares (JPA,
 * Hibernate, Spring Data), read from the compilation's symbols.
 */
@NullMarked
package dev.poolguard.checks.keys;

import org.jspecify.annotations.NullMarked;
