/**
 * {@code HardcodedTestSlug}: fixed strings written into unique-key slots of test data, with the
 * fix.
 */
package dev.poolguard.checks.keys;
