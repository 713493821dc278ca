/**
 * {@code PerTestDatabaseClient}: test code that builds its own pool, raw connection or URL-built
 * client, with the catalogue of client APIs, embedded-URL and sanctioned-holder recognition and the
 * fix.
 *
 * <p>Types other than the check are public only for the teardown package; they are internal, not
 * API.
 */
@NullMarked
package dev.poolguard.checks.clients;

import org.jspecify.annotations.NullMarked;
