/**
 * {@code HardcodedTestSlug}: fixed strings written into unique-key slots of test data, with the
 * fix.
 */
@NullMarked
package dev.poolguard.checks.keys;

import org.jspecify.annotations.NullMarked;
