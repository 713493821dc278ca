package dev.poolguard.spring.app.contexts;

import org.junit.jupiter.api.Order;

/** The base signature, rebuilt after the dirtied one was closed. */
@Order(7)
class PlainAgainContext extends CachedContextBase {}
