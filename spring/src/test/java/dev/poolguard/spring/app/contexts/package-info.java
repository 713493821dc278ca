/**
 * Test classes of different cached contexts, run together to see that evicting a context never
 * closes the shared pool.
 */
@NullMarked
package dev.poolguard.spring.app.contexts;

import org.jspecify.annotations.NullMarked;
