package dev.poolguard.spring.app.contexts;

import org.junit.jupiter.api.Order;
import org.springframework.test.context.TestPropertySource;

/** The property signature again, evicted and rebuilt by now. */
@Order(8)
@TestPropertySource(properties = "fixture.signature=property")
class PropertyAgainContext extends CachedContextBase {}
