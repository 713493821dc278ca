package dev.poolguard.spring.app.contexts;

import org.junit.jupiter.api.Order;

/** The base signature. */
@Order(1)
class PlainContext extends CachedContextBase {}
