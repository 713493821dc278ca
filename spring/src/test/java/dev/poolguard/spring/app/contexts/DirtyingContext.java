package dev.poolguard.spring.app.contexts;

import org.junit.jupiter.api.Order;
import org.springframework.test.annotation.DirtiesContext;

/** The base signature again (rebuilt: the cache of 3 evicted it), closed after this class. */
@Order(5)
@DirtiesContext
class DirtyingContext extends CachedContextBase {}
