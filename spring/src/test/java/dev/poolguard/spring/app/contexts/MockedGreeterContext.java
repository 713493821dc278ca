package dev.poolguard.spring.app.contexts;

import dev.poolguard.spring.app.Greeter;
import org.junit.jupiter.api.Order;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** A signature of its own through a mocked bean. */
@Order(4)
class MockedGreeterContext extends CachedContextBase {
  @MockitoBean Greeter greeter;
}
