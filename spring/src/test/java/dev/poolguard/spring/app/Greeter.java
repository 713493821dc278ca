package dev.poolguard.spring.app;

import org.springframework.stereotype.Service;

/** A bean the tests replace with {@code @MockitoBean}, so their contexts differ. */
@Service
public class Greeter {
  public String greet(String name) {
    return "hello " + name;
  }
}
