package dev.poolguard.checks.clients;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class EmbeddedUrlsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:h2:mem:test",
        "JDBC:H2:MEM:upper",
        "jdbc:hsqldb:mem:db",
        "jdbc:derby:memory:db;create=true",
        "jdbc:sqlite::memory:",
        "jdbc:sqlite:file::memory:?cache=shared",
        "r2dbc:h2:mem:///db",
        "jdbc:default:connection"
      })
  void anInMemoryUrlCostsTheServerNothing(String url) {
    assertTrue(EmbeddedUrls.isInMemoryUrl(url));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:postgresql://localhost:5432/test",
        "jdbc:h2:file:/tmp/db",
        "jdbc:h2:tcp://localhost/mem:test",
        "jdbc:mariadb://db/test?mem=true",
        "jdbc:sqlite:/tmp/app.db",
        ""
      })
  void aServerOrFileUrlIsNotInMemory(String url) {
    assertFalse(EmbeddedUrls.isInMemoryUrl(url));
  }
}
