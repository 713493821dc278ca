package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
  @Test
  void aPostgresUriBecomesAJdbcUrlWithoutCredentials() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://app:s3cret@db.example:6543/shop");
    assertEquals(DatabaseKind.POSTGRESQL, url.kind());
    assertEquals("jdbc:postgresql://db.example:6543/shop", url.jdbcUrl());
    assertEquals("app", url.user());
    assertEquals("s3cret", url.password());
  }

  @Test
  void percentEscapesInTheUriCredentialsAreDecodedAndPlusStaysAPlus() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://app%40corp:p%2Fss+word@db/shop");
    assertEquals("app@corp", url.user());
    assertEquals("p/ss+word", url.password());
  }

  @Test
  void aUriWithoutAPortGetsTheDatabasesDefaultPort() {
    assertEquals(5432, DatabaseUrl.parse("postgres://db/shop").port());
    assertEquals(3306, DatabaseUrl.parse("mariadb://db/shop").port());
  }

  @Test
  void anIpv6HostKeepsItsBracketsAndPort() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://[::1]:5433/shop");
    assertEquals("[::1]", url.host());
    assertEquals(5433, url.port());
    assertEquals("[::1]:5433/shop", url.target());
  }

  @Test
  void prismaPoolOptionsAreTakenOutAndOtherParametersGoToTheDriver() {
    DatabaseUrl url =
        DatabaseUrl.parse(
            "postgres://db/shop?sslmode=require&connection_limit=4&pool_timeout=10&schema=sales");
    assertEquals(Map.of("connection_limit", "4", "pool_timeout", "10"), url.poolOptions());
    assertEquals(Map.of("sslmode", "require", "currentSchema", "sales"), url.driverProperties());
  }

  @Test
  void aJdbcUrlLosesItsCredentialParametersAndPoolOptionsButKeepsTheRest() {
    DatabaseUrl url =
        DatabaseUrl.parse(
            "jdbc:postgresql://db:5432/shop?user=app&password=s3cret&budget=6&ssl=true");
    assertEquals("jdbc:postgresql://db:5432/shop?ssl=true", url.jdbcUrl());
    assertEquals("app", url.user());
    assertEquals("s3cret", url.password());
    assertEquals(Map.of("budget", "6"), url.poolOptions());
  }

  @Test
  void anH2UrlKeepsItsSemicolonSettingsAndIsItsOwnTarget() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1;PASSWORD=s3cret");
    assertEquals(DatabaseKind.H2, url.kind());
    assertEquals("jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1", url.jdbcUrl());
    assertEquals("s3cret", url.password());
    assertEquals(url.jdbcUrl(), url.target());
  }

  @Test
  void aUrlWithoutUserLeavesItUnset() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db/shop");
    assertNull(url.user());
    assertNull(url.password());
  }

  @Test
  void toStringNamesTheUserAndNeverThePassword() {
    String text = DatabaseUrl.parse("postgres://app:s3cret@db/shop?sslmode=require").toString();
    assertTrue(text.contains("db:5432/shop"), text);
    assertTrue(text.contains("(user app)"), text);
    assertFalse(text.contains("s3cret"), text);
  }

  @Test
  void aUrlThatIsNeitherJdbcNorAUriIsRefusedSayingWhatIsAccepted() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("db.example/shop"));
    assertTrue(String.valueOf(e.getMessage()).contains("neither a JDBC URL"), e.getMessage());
  }

  @Test
  void anUnknownSchemeIsRefusedNamingItAndTheSupportedOnes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> DatabaseUrl.parse("oracle://db:1521/shop"));
    assertTrue(String.valueOf(e.getMessage()).contains("'oracle://'"), e.getMessage());
    assertTrue(String.valueOf(e.getMessage()).contains("postgres://"), e.getMessage());
  }

  @Test
  void aPortOutOfRangeIsRefusedQuotingThePort() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> DatabaseUrl.parse("postgres://db:70000/shop"));
    assertTrue(String.valueOf(e.getMessage()).contains("'70000'"), e.getMessage());
  }

  @Test
  void aUriWithoutHostIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> DatabaseUrl.parse("postgres://app:s3cret@/shop"));
    assertEquals("it names no host", e.getMessage());
  }

  @Test
  void aBadEscapeInThePasswordIsRefusedWithoutQuotingThePassword() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DatabaseUrl.parse("postgres://app:s3cret%zz@db/shop"));
    assertEquals("the password has an invalid %-escape", e.getMessage());
  }
}
