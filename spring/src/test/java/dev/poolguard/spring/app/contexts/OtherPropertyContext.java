package dev.poolguard.spring.app.contexts;

import org.junit.jupiter.api.Order;
import org.springframework.test.context.TestPropertySource;

/** Another signature of its own. */
@Order(6)
@TestPropertySource(properties = "fixture.signature=other")
class OtherPropertyContext extends CachedContextBase {}
