package dev.poolguard.spring.app.contexts;

import org.junit.jupiter.api.Order;
import org.springframework.test.context.ActiveProfiles;

/** A signature of its own through a profile. */
@Order(3)
@ActiveProfiles("fixture")
class ProfileContext extends CachedContextBase {}
