package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApplicationNameTest {
  @Test
  void isThePoolTheHostAndTheRun() {
    assertEquals(
        "poolguard-4711-1 ci-runner-7 build-812",
        ApplicationName.of("poolguard-4711-1", "ci-runner-7", "build-812"));
  }

  @Test
  void theHostIsMadeSafeAndShortened() {
    String name =
        ApplicationName.of(
            "poolguard-4711-1", "Build Agent.corp.example.com with a very long name", "local");
    assertEquals("poolguard-4711-1 build-agent-corp-example local", name);
  }

  @Test
  void neverExceedsWhatPostgresKeeps() {
    String name = ApplicationName.of("poolguard-4711-1", "h".repeat(40), "r".repeat(40));
    assertTrue(name.length() <= ApplicationName.MAX_LENGTH, name);
  }

  @Test
  void aNameOfOursIsReadBackAsTheJvmThatHoldsTheConnection() {
    String name = ApplicationName.of("poolguard-4711-1", "ci-runner-7", "build-812");
    assertEquals(
        Optional.of(new ApplicationName.Holder("4711", "ci-runner-7")),
        ApplicationName.parse(name));
    assertEquals("pid 4711 on ci-runner-7", ApplicationName.describeHolder(name));
  }

  @Test
  void anotherClientsNameIsShownAsItIs() {
    assertEquals(Optional.empty(), ApplicationName.parse("psql"));
    assertEquals("psql", ApplicationName.describeHolder("psql"));
    assertEquals(
        "PostgreSQL JDBC Driver", ApplicationName.describeHolder("PostgreSQL JDBC Driver"));
  }

  @Test
  void aMissingNameSaysSo() {
    assertEquals("(no application name)", ApplicationName.describeHolder(""));
  }
}
