package dev.poolguard.spring.app.contexts;

import org.junit.jupiter.api.Order;
import org.springframework.test.context.TestPropertySource;

/** A signature of its own through a test property. */
@Order(2)
@TestPropertySource(properties = "fixture.signature=property")
class PropertyContext extends CachedContextBase {}
