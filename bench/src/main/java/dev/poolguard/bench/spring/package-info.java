/**
 * The Spring benchmark: the example Spring suite with Boot's defaults, Spring's own knobs and
 * poolguard-spring.
 */
@NullMarked
package dev.poolguard.bench.spring;

import org.jspecify.annotations.NullMarked;
