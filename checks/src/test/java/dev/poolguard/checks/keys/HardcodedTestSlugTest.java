package dev.poolguard.checks.keys;

import static dev.poolguard.checks.common.CheckTestSupport.assertFlagRejected;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import dev.poolguard.checks.common.CheckTestSupport;
import org.junit.jupiter.api.Test;

final class HardcodedTestSlugTest {
  private final CompilationTestHelper compilationHelper =
      CompilationTestHelper.newInstance(HardcodedTestSlug.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoringHelper =
      BugCheckerRefactoringTestHelper.newInstance(HardcodedTestSlug.class, getClass());

  /**
   * Production types the test inputs write: a bean, a hand-written (Lombok-style) builder, a
   * record.
   */
  private CompilationTestHelper withDomain(CompilationTestHelper helper) {
    return helper
        .addSourceLines(
            "src/main/java/com/acme/Product.java",
            "package com.acme;",
            "public class Product {",
            "  private String name;",
            "  private String tenantSlug;",
            "  private int slugLength;",
            "  public String slug;",
            "  public Product() {}",
            "  public Product(String name, String slug) { this.name = name; this.slug = slug; }",
            "  public String getSlug() { return slug; }",
            "  public void setSlug(String slug) { this.slug = slug; }",
            "  public void setTenantSlug(String tenantSlug) { this.tenantSlug = tenantSlug; }",
            "  public void setName(String name) { this.name = name; }",
            "  public void setSlugLength(int slugLength) { this.slugLength = slugLength; }",
            "  public Product withSlug(String slug) { this.slug = slug; return this; }",
            "  public static Builder builder() { return new Builder(); }",
            "  public static final class Builder {",
            "    private String name;",
            "    private String slug;",
            "    public Builder name(String name) { this.name = name; return this; }",
            "    public Builder slug(String slug) { this.slug = slug; return this; }",
            "    public Builder tenant_slug(String slug) { return this; }",
            "    public Builder slugPrefix(String prefix) { return this; }",
            "    public Product build() { return new Product(name, slug); }",
            "  }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/Tenant.java",
            "package com.acme;",
            "public record Tenant(String name, String slug) {}")
        .addSourceLines(
            "src/main/java/com/acme/Slugs.java",
            "package com.acme;",
            "import java.util.Optional;",
            "public final class Slugs {",
            "  public static String slug(String title) { return title.toLowerCase(); }",
            "  public static String slugify(String title) { return title; }",
            "  public static String toSlug(String title) { return title; }",
            "  public static String uniqueSlug(String base) { return base + System.nanoTime(); }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/ProductRepository.java",
            "package com.acme;",
            "import java.util.Optional;",
            "public interface ProductRepository {",
            "  Product save(Product p);",
            "  Optional<Product> findBySlug(String slug);",
            "  boolean existsBySlug(String slug);",
            "  void deleteBySlug(String slug);",
            "}");
  }

  @Test
  void productionCodeIsNotFlagged() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/main/java/com/acme/Seeder.java",
            "package com.acme;",
            "class Seeder {",
            "  Product seed() {",
            "    Product p = new Product(\"Demo\", \"demo\");",
            "    p.setSlug(\"demo\");",
            "    return p;",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void readsAndAssertionsAreNotFlagged() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/ReadsTest.java",
            "package com.acme;",
            "import static org.assertj.core.api.Assertions.assertThat;",
            "import static org.junit.jupiter.api.Assertions.assertEquals;",
            "import java.util.Map;",
            "import org.junit.jupiter.api.Test;",
            "import org.springframework.jdbc.core.JdbcTemplate;",
            "class ReadsTest {",
            "  ProductRepository repository;",
            "  JdbcTemplate jdbc;",
            "  @Test void readsAndAssertions(Product p) {",
            "    assertEquals(\"test-package\", p.getSlug());",
            "    assertThat(p.getSlug()).isEqualTo(\"test-package\");",
            "    repository.findBySlug(\"test-package\");",
            "    repository.existsBySlug(\"test-package\");",
            "    repository.deleteBySlug(\"test-package\");",
            "    jdbc.queryForObject(\"select id from product where slug = ?\", Long.class, \"acme\");",
            "    assertEquals(new Product(\"Name\", \"expected\"), p);",
            "    assertThat(p).isEqualTo(Product.builder().slug(\"expected\").build());",
            "    assertThat(Map.of(\"slug\", \"acme\")).containsKey(\"slug\");",
            "    Product expected = new Product(\"Name\", \"expected\");",
            "    assertEquals(expected, p);",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void queryParametersAndWhereClauseKeysAreNotFlagged() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/ReadsTest.java",
            "package com.acme;",
            "import java.util.Map;",
            "import org.junit.jupiter.api.Test;",
            "import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;",
            "import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;",
            "import org.jdbi.v3.core.Handle;",
            "class ReadsTest {",
            "  NamedParameterJdbcTemplate named;",
            "  Handle handle;",
            "  @Test void queries() {",
            "    named.queryForObject(",
            "        \"select id from product where slug = :slug\", Map.of(\"slug\", \"acme\"), Long.class);",
            "    named.queryForList(\"select * from product where slug = :slug\",",
            "        new MapSqlParameterSource(\"slug\", \"acme\"));",
            "    handle.createQuery(\"select id from product where slug = :slug\")",
            "        .bind(\"slug\", \"acme\").mapTo(Long.class).one();",
            "    handle.createUpdate(\"delete from product where slug = :slug\").bind(\"slug\", \"acme\").execute();",
            "    named.update(\"update product set name = :name where slug = :slug\",",
            "        Map.of(\"name\", \"New\", \"slug\", \"acme\"));",
            "    MapSqlParameterSource params = new MapSqlParameterSource().addValue(\"slug\", \"acme\");",
            "    named.queryForObject(\"select count(*) from product where slug = :slug\", params, Integer.class);",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void runTimeValuesAreNotFlagged() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/ReadsTest.java",
            "package com.acme;",
            "import java.util.UUID;",
            "import org.junit.jupiter.api.Test;",
            "import dev.poolguard.runtime.UniqueSlugs;",
            "class ReadsTest {",
            "  @Test void runTimeValues(String fromParameter) {",
            "    Product p = new Product();",
            "    p.setSlug(\"pkg-\" + UUID.randomUUID());",
            "    p.setSlug(\"pkg-\" + System.nanoTime());",
            "    p.setSlug(UniqueSlugs.of(\"test-package\"));",
            "    p.setSlug(Slugs.uniqueSlug(\"test-package\"));",
            "    p.setSlug(fromParameter);",
            "    p.setSlug(null);",
            "    p.setSlug(\"\");",
            "    String generated = UniqueSlugs.of(\"pkg\");",
            "    p.setSlug(generated);",
            "    String reassigned = \"a\";",
            "    reassigned = reassigned + UUID.randomUUID();",
            "    p.setSlug(reassigned);",
            "    new Product(\"Name\", UniqueSlugs.of(\"x\"));",
            "    new Tenant(\"Acme\", UniqueSlugs.of(\"acme\"));",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void stringsThatAreNotKeysAreNotFlagged() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/ReadsTest.java",
            "package com.acme;",
            "import java.util.Map;",
            "import org.junit.jupiter.api.Test;",
            "import org.springframework.jdbc.core.JdbcTemplate;",
            "class ReadsTest {",
            "  JdbcTemplate jdbc;",
            "  @Test void notKeys(Product p) {",
            "    p.setName(\"Test Package\");",
            "    p.setSlugLength(12);",
            "    Slugs.slug(\"Test Package\");",
            "    Slugs.slugify(\"Test Package\");",
            "    Slugs.toSlug(\"Test Package\");",
            "    Product.builder().name(\"x\").slugPrefix(\"pkg\");",
            "    Map.of(\"name\", \"slug\");",
            "    Map.of(\"slugs\", \"a\");",
            "    jdbc.update(\"insert into audit(message) values ('slug')\");",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void assertThrowsWithoutKeyWritesIsNotFlagged() {
    compilationHelper
        .addSourceLines(
            "src/test/java/com/acme/ReadsTest.java",
            "package com.acme;",
            "import static org.junit.jupiter.api.Assertions.assertThrows;",
            "import org.junit.jupiter.api.Test;",
            "class ReadsTest {",
            "  @Test void duplicateCheck() {",
            "    assertThrows(IllegalStateException.class, () -> {",
            "      throw new IllegalStateException();",
            "    });",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void suppressedClassesAndMembersAreNotFlagged() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/Suppressed.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "@SuppressWarnings(\"HardcodedTestSlug\")",
            "class SuppressedClassTest {",
            "  @Test void t(Product p) { p.setSlug(\"fixed\"); }",
            "}",
            "class SuppressedMembersTest {",
            "  @SuppressWarnings(\"HardcodedTestSlug\")",
            "  @Test void method(Product p) { p.setSlug(\"fixed\"); }",
            "  @Test void local() {",
            "    @SuppressWarnings(\"HardcodedTestSlug\")",
            "    Product p = new Product(\"Name\", \"fixed\");",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void mockStubbingAndVerificationAreNotFlagged() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/LegacyTest.java",
            "package com.acme;",
            "import org.junit.Test;",
            "import org.mockito.Mockito;",
            "public class LegacyTest {",
            "  ProductRepository repository = Mockito.mock(ProductRepository.class);",
            "  @Test public void mocks() {",
            "    Mockito.when(repository.findBySlug(\"legacy\"))",
            "        .thenReturn(java.util.Optional.of(new Product(\"N\", \"legacy\")));",
            "    Mockito.verify(repository).save(new Product(\"N\", \"legacy\"));",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void setUpMethodWritesAreFlagged() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/ProductTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.BeforeEach;",
            "class ProductTest {",
            "  Product product;",
            "  @BeforeEach void setUp() {",
            "    product = new Product();",
            "    // BUG: Diagnostic contains: The fixed value \"test-package\" is written into the unique key 'slug' (setSlug(..))",
            "    product.setSlug(\"test-package\");",
            "  }",
            "}")
        .addSourceLines(
            "src/test/java/com/acme/LegacyTest.java",
            "package com.acme;",
            "import org.junit.Before;",
            "public class LegacyTest {",
            "  Product product;",
            "  @Before public void setUp() {",
            "    product = new Product();",
            "    // BUG: Diagnostic contains: unique key 'slug' (setSlug(..))",
            "    product.setSlug(\"legacy\");",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void settersGivenFixedValuesAreFlagged() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/ProductTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class ProductTest {",
            "  private static final String SLUG = \"test-package\";",
            "  private static final String PREFIX = \"pkg\";",
            "  private static String mutableButNeverReassigned = \"never-reassigned\";",
            "  ProductRepository repository;",
            "  @Test void setters() {",
            "    Product p = new Product();",
            "    // BUG: Diagnostic contains: \"test-package\" is written into the unique key 'slug'",
            "    p.setSlug(SLUG);",
            "    // BUG: Diagnostic contains: \"pkg-1\"",
            "    p.setSlug(PREFIX + \"-1\");",
            "    // BUG: Diagnostic contains: unique key 'slug' (setTenantSlug(..))",
            "    p.setTenantSlug(\"acme\");",
            "    // BUG: Diagnostic contains: (withSlug(..))",
            "    repository.save(new Product().withSlug(\"acme\"));",
            "    // BUG: Diagnostic contains: \"never-reassigned\"",
            "    p.setSlug(mutableButNeverReassigned);",
            "    // BUG: Diagnostic contains: \"acme-2\"",
            "    p.setSlug(String.format(\"%s-%d\", \"acme\", 2));",
            "    // BUG: Diagnostic contains: \"acme\"",
            "    p.setSlug(\"ACME\".toLowerCase());",
            "    // BUG: Diagnostic contains: \"text-block\"",
            "    p.setSlug(\"\"\"",
            "        text-block\"\"\");",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void localsHoldingFixedValuesAreFlagged() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/ProductTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class ProductTest {",
            "  @Test void locals() {",
            "    String slug = \"local-slug\";",
            "    var inferred = slug + \"-2\";",
            "    Product p = new Product();",
            "    // BUG: Diagnostic contains: \"local-slug\"",
            "    p.setSlug(slug);",
            "    // BUG: Diagnostic contains: \"local-slug-2\"",
            "    p.setSlug(inferred);",
            "    final String finalLocal = \"final-local\";",
            "    // BUG: Diagnostic contains: \"final-local\"",
            "    p.setSlug(finalLocal);",
            "    Runnable r = () -> {",
            "      // BUG: Diagnostic contains: \"local-slug\"",
            "      new Product().setSlug(slug);",
            "    };",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void buildersConstructorsAndRecordsAreFlagged() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/ProductTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class ProductTest {",
            "  ProductRepository repository;",
            "  @Test void buildersConstructorsRecords() {",
            "    // BUG: Diagnostic contains: 'slug' (slug(..))",
            "    repository.save(Product.builder().name(\"Test\").slug(\"test-package\").build());",
            "    // BUG: Diagnostic contains: (tenant_slug(..))",
            "    Product.builder().tenant_slug(\"acme\").build();",
            "    // BUG: Diagnostic contains: (new Product(.., slug, ..))",
            "    repository.save(new Product(\"Test\", \"test-package\"));",
            "    // BUG: Diagnostic contains: (new Tenant(.., slug, ..))",
            "    Tenant tenant = new Tenant(\"Acme\", \"acme\");",
            "    // BUG: Diagnostic contains: unique key 'slug' (new Product(.., slug, ..))",
            "    Product anonymous = new Product(\"Test\", \"anon\") {};",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void fieldAssignmentsAreFlagged() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/ProductTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class ProductTest {",
            "  @Test void fields() {",
            "    Product p = new Product();",
            "    // BUG: Diagnostic contains: (field slug)",
            "    p.slug = \"direct\";",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void mapEntriesUnderKeyNamesAreFlagged() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/ProductTest.java",
            "package com.acme;",
            "import java.util.HashMap;",
            "import java.util.Map;",
            "import org.junit.jupiter.api.Test;",
            "class ProductTest {",
            "  @Test void maps() {",
            "    // BUG: Diagnostic contains: (Map.of(\"slug\", ..))",
            "    Map<String, Object> row = Map.of(\"name\", \"Test\", \"slug\", \"test-package\");",
            "    // BUG: Diagnostic contains: unique key 'slug' (entry(\"slug\", ..))",
            "    Map.Entry<String, String> entry = Map.entry(\"slug\", \"acme\");",
            "    Map<String, Object> values = new HashMap<>();",
            "    // BUG: Diagnostic contains: (put(\"slug\", ..))",
            "    values.put(\"slug\", \"acme\");",
            "    // BUG: Diagnostic contains: (ImmutableMap.of(\"slug\", ..))",
            "    com.google.common.collect.ImmutableMap.of(\"slug\", \"acme\");",
            "    com.google.common.collect.ImmutableMap.<String, String>builder()",
            "        // BUG: Diagnostic contains: unique key 'slug' (put(\"slug\", ..))",
            "        .put(\"SLUG\", \"acme\")",
            "        .buildOrThrow();",
            "    // BUG: Diagnostic contains: 'slug'",
            "    values.put(\"tenant_slug\", \"acme\");",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void writesInATestOfDuplicateRejectionAreFlagged() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/ProductTest.java",
            "package com.acme;",
            "import static org.junit.jupiter.api.Assertions.assertThrows;",
            "import org.junit.jupiter.api.Test;",
            "class ProductTest {",
            "  ProductRepository repository;",
            "  @Test void rejectsDuplicates() {",
            "    // BUG: Diagnostic contains: unique key 'slug' (new Product(.., slug, ..))",
            "    repository.save(new Product(\"A\", \"dup\"));",
            "    // BUG: Diagnostic contains: unique key 'slug' (new Product(.., slug, ..))",
            "    assertThrows(RuntimeException.class, () -> repository.save(new Product(\"B\", \"dup\")));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void springJdbcWritesAreFlagged() {
    compilationHelper
        .addSourceLines(
            "src/test/java/com/acme/JdbcTest.java",
            "package com.acme;",
            "import java.util.Map;",
            "import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;",
            "import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;",
            "import org.springframework.jdbc.core.simple.JdbcClient;",
            "import org.springframework.jdbc.core.simple.SimpleJdbcInsert;",
            "import org.testng.annotations.Test;",
            "public class JdbcTest {",
            "  NamedParameterJdbcTemplate named;",
            "  JdbcClient client;",
            "  SimpleJdbcInsert insert;",
            "  @Test public void spring() {",
            "    named.update(\"insert into product(name, slug) values (:name, :slug)\",",
            "        // BUG: Diagnostic contains: (addValue(\"slug\", ..))",
            "        new MapSqlParameterSource().addValue(\"name\", \"N\").addValue(\"slug\", \"acme\"));",
            "    // BUG: Diagnostic contains: (new MapSqlParameterSource(\"slug\", ..))",
            "    MapSqlParameterSource source = new MapSqlParameterSource(\"slug\", \"acme\");",
            "    named.update(\"insert into product(slug) values (:slug)\", source);",
            "    // BUG: Diagnostic contains: (Map.of(\"slug\", ..))",
            "    insert.execute(Map.of(\"slug\", \"acme\"));",
            "    client.sql(\"insert into product(slug) values (:slug)\")",
            "        // BUG: Diagnostic contains: (param(\"slug\", ..))",
            "        .param(\"slug\", \"acme\")",
            "        .update();",
            "    client.sql(\"select id from product where slug = :slug\").param(\"slug\", \"acme\").query(Long.class).single();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void jdbiWritesAreFlagged() {
    compilationHelper
        .addSourceLines(
            "src/test/java/com/acme/JdbcTest.java",
            "package com.acme;",
            "import org.jdbi.v3.core.Handle;",
            "import org.testng.annotations.Test;",
            "public class JdbcTest {",
            "  Handle handle;",
            "  @Test public void jdbi() {",
            "    handle.createUpdate(\"insert into product(name, slug) values (:name, :slug)\")",
            "        .bind(\"name\", \"Name\")",
            "        // BUG: Diagnostic contains: (bind(\"slug\", ..))",
            "        .bind(\"slug\", \"acme\")",
            "        .execute();",
            "    handle.createUpdate(\"update product set slug = :slug where id = :id\")",
            "        // BUG: Diagnostic contains: unique key 'slug' (bind(\"slug\", ..))",
            "        .bind(\"slug\", \"renamed\").bind(\"id\", 1).execute();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void identificationOfJpaAndJooq() {
    compilationHelper
        .addSourceLines(
            "src/test/java/com/acme/QueryTest.java",
            "package com.acme;",
            "import jakarta.persistence.EntityManager;",
            "import org.jooq.DSLContext;",
            "import org.jooq.Field;",
            "import org.jooq.impl.DSL;",
            "import org.junit.jupiter.api.Test;",
            "class QueryTest {",
            "  static final Field<String> SLUG = DSL.field(\"slug\", String.class);",
            "  static final Field<String> NAME = DSL.field(\"name\", String.class);",
            "  EntityManager em;",
            "  DSLContext dsl;",
            "  @Test void t() {",
            "    em.createQuery(\"select p from Product p where p.slug = :slug\")",
            "        .setParameter(\"slug\", \"acme\").getResultList();",
            "    em.createQuery(\"update Product p set p.slug = :slug where p.id = 1\")",
            "        // BUG: Diagnostic contains: (setParameter(\"slug\", ..))",
            "        .setParameter(\"slug\", \"acme\").executeUpdate();",
            "    // BUG: Diagnostic contains: (set(\"slug\", ..))",
            "    dsl.update(DSL.table(\"product\")).set(SLUG, \"acme\").set(NAME, \"n\").execute();",
            "    dsl.selectFrom(DSL.table(\"product\")).where(SLUG.eq(\"acme\")).fetch();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void identificationWithFlags() {
    withDomain(compilationHelper)
        .setArgs(
            "-XepOpt:HardcodedTestSlug:Fields=slug,email,externalId",
            "-XepOpt:HardcodedTestSlug:UniqueFactories=com.acme.Keys#slug")
        .addSourceLines(
            "src/test/java/com/acme/Keys.java",
            "package com.acme;",
            "final class Keys {",
            "  static Key slug(String base) { return new Key(base); }",
            "  record Key(String slug) {}",
            "}")
        .addSourceLines(
            "src/test/java/com/acme/UserTest.java",
            "package com.acme;",
            "import java.util.Map;",
            "import org.junit.jupiter.api.Test;",
            "class UserTest {",
            "  record User(String email, String externalId, String displayName) {}",
            "  @Test void t() {",
            "    // BUG: Diagnostic contains: unique key 'email'",
            "    new User(\"a@example.com\", UniqueIds.next(), \"A\");",
            "    // BUG: Diagnostic contains: unique key 'externalId'",
            "    new User(UniqueIds.next(), \"ext-1\", \"A\");",
            "    // BUG: Diagnostic contains: unique key 'externalId'",
            "    Map.of(\"external_id\", \"ext-1\");",
            "    // BUG: Diagnostic contains: unique key 'slug'",
            "    new Product().setSlug(\"still-a-key\");",
            "    Keys.slug(\"base\");",
            "  }",
            "  static final class UniqueIds { static String next() { return java.util.UUID.randomUUID().toString(); } }",
            "}")
        .doTest();
  }

  @Test
  void identificationOnlyInTestCode() {
    withDomain(compilationHelper)
        .setArgs("-XepOpt:PoolGuard:AllCode=true")
        .addSourceLines(
            "src/main/java/com/acme/Seeder.java",
            "package com.acme;",
            "class Seeder {",
            "  void seed(Product p) {",
            "    // BUG: Diagnostic contains: unique key 'slug' (setSlug(..))",
            "    p.setSlug(\"demo\");",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void replacement() {
    refactoringHelper
        .addInputLines(
            "src/main/java/com/acme/Product.java",
            "package com.acme;",
            "public class Product {",
            "  public Product() {}",
            "  public Product(String name, String slug) {}",
            "  public void setSlug(String slug) {}",
            "  public String getSlug() { return null; }",
            "}")
        .expectUnchanged()
        .addInputLines(
            "src/test/java/com/acme/ProductTest.java",
            "package com.acme;",
            "import static org.junit.jupiter.api.Assertions.assertEquals;",
            "import java.util.Map;",
            "import org.junit.jupiter.api.Test;",
            "class ProductTest {",
            "  private static final String SLUG = \"constant-slug\";",
            "  private static final String SHARED = \"shared\";",
            "  @Test void setters() {",
            "    Product p = new Product();",
            "    p.setSlug(\"test-package\");",
            "    p.setSlug(SLUG);",
            "    String local = \"local\";",
            "    p.setSlug(local);",
            "    new Product(\"Name\", \"ctor\");",
            "    Map.of(\"slug\", \"map\", \"name\", \"N\");",
            "  }",
            "  @Test void assertedLater() {",
            "    Product p = new Product();",
            "    p.setSlug(\"asserted\");",
            "    assertEquals(\"asserted\", p.getSlug());",
            "    String slug = \"aliased\";",
            "    p.setSlug(slug);",
            "    assertEquals(slug, p.getSlug());",
            "  }",
            "  @Test void writesTheSharedConstant() {",
            "    new Product().setSlug(SHARED);",
            "  }",
            "  @Test void readsTheSharedConstant() {",
            "    assertEquals(SHARED, new Product().getSlug());",
            "  }",
            "}")
        .addOutputLines(
            "src/test/java/com/acme/ProductTest.java",
            "package com.acme;",
            "import static org.junit.jupiter.api.Assertions.assertEquals;",
            "",
            "import dev.poolguard.runtime.UniqueSlugs;",
            "import java.util.Map;",
            "import org.junit.jupiter.api.Test;",
            "class ProductTest {",
            "  private static final String SLUG = \"constant-slug\";",
            "  private static final String SHARED = \"shared\";",
            "  @Test void setters() {",
            "    Product p = new Product();",
            "    p.setSlug(UniqueSlugs.of(\"test-package\"));",
            "    p.setSlug(UniqueSlugs.of(SLUG));",
            "    String local = \"local\";",
            "    p.setSlug(UniqueSlugs.of(local));",
            "    new Product(\"Name\", UniqueSlugs.of(\"ctor\"));",
            "    Map.of(\"slug\", UniqueSlugs.of(\"map\"), \"name\", \"N\");",
            "  }",
            "  @Test void assertedLater() {",
            "    Product p = new Product();",
            "    p.setSlug(\"asserted\");",
            "    assertEquals(\"asserted\", p.getSlug());",
            "    String slug = \"aliased\";",
            "    p.setSlug(slug);",
            "    assertEquals(slug, p.getSlug());",
            "  }",
            "  @Test void writesTheSharedConstant() {",
            "    new Product().setSlug(SHARED);",
            "  }",
            "  @Test void readsTheSharedConstant() {",
            "    assertEquals(SHARED, new Product().getSlug());",
            "  }",
            "}")
        .doTest(BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH);
  }

  @Test
  void withheldFixIsExplainedInTheMessage() {
    compilationHelper
        .addSourceLines(
            "src/test/java/com/acme/ProductTest.java",
            "package com.acme;",
            "import static org.assertj.core.api.Assertions.assertThat;",
            "import org.junit.jupiter.api.Test;",
            "class ProductTest {",
            "  static class Product { void setSlug(String s) {} String getSlug() { return null; } }",
            "  @Test void t() {",
            "    Product p = new Product();",
            "    // BUG: Diagnostic contains: No automatic fix: the same value is asserted in this test",
            "    p.setSlug(\"asserted\");",
            "    assertThat(p.getSlug()).isEqualTo(\"asserted\");",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void replacementNeedsTheRuntimeOnTheClasspath() {
    BugCheckerRefactoringTestHelper.newInstance(HardcodedTestSlug.class, getClass())
        .setArgs("-classpath", CheckTestSupport.jarOf(org.junit.jupiter.api.Test.class))
        .addInputLines(
            "src/test/java/com/acme/ProductTest.java",
            "package com.acme;",
            "class ProductTest {",
            "  static class Product { void setSlug(String s) {} }",
            "  void t() { new Product().setSlug(\"acme\"); }",
            "}")
        .expectUnchanged()
        .doTest();
  }

  @Test
  void constructorParameterThatCanHoldAStringIsASlot() {
    compilationHelper
        .addSourceLines(
            "src/test/java/com/acme/AccountTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class AccountTest {",
            "  static class ByObject { ByObject(Object slug) {} }",
            "  static class ByCharSequence { ByCharSequence(CharSequence slug) {} }",
            "  static class ByTypeVariable<T> { ByTypeVariable(T slug) {} }",
            "  static class ByVarargs { ByVarargs(int count, String... slug) {} }",
            "  static class ByNumber { ByNumber(long slug, Integer[] slugs) {} }",
            "  @Test void t() {",
            "    // BUG: Diagnostic contains: (new ByObject(.., slug, ..))",
            "    new ByObject(\"acme\");",
            "    // BUG: Diagnostic contains: (new ByCharSequence(.., slug, ..))",
            "    new ByCharSequence(\"acme\");",
            "    // BUG: Diagnostic contains: (new ByTypeVariable(.., slug, ..))",
            "    new ByTypeVariable<>(\"acme\");",
            "    // BUG: Diagnostic contains: (new ByVarargs(.., slug, ..))",
            "    new ByVarargs(1, \"acme\");",
            "    new ByNumber(42L, new Integer[] {1});",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void badFlagValuesFailNamingTheFlag() {
    assertFlagRejected(
        HardcodedTestSlug.class,
        "-XepOpt:HardcodedTestSlug:Fields=slug,not a name",
        "Invalid -XepOpt:HardcodedTestSlug:Fields=not a name: expected a comma-separated list of names");
    assertFlagRejected(
        HardcodedTestSlug.class,
        "-XepOpt:HardcodedTestSlug:Fields=",
        "Invalid -XepOpt:HardcodedTestSlug:Fields=: expected at least one name");
    assertFlagRejected(
        HardcodedTestSlug.class,
        "-XepOpt:HardcodedTestSlug:UniqueFactories=com.acme.Keys",
        "Invalid -XepOpt:HardcodedTestSlug:UniqueFactories=com.acme.Keys: expected fully.qualified.Class#method");
    assertFlagRejected(
        HardcodedTestSlug.class,
        "-XepOpt:PoolGuard:AllCode=maybe",
        "Invalid -XepOpt:PoolGuard:AllCode=maybe");
  }

  @Test
  void keysFromMappingFalseLeavesOnlyConfiguredNames() {
    withDomain(compilationHelper)
        .setArgs("-XepOpt:HardcodedTestSlug:KeysFromMapping=false")
        .addSourceLines(
            "src/main/java/com/acme/User.java",
            "package com.acme;",
            "import jakarta.persistence.Entity;",
            "import jakarta.persistence.Id;",
            "@Entity",
            "public class User {",
            "  @Id private String username;",
            "  public void setUsername(String username) { this.username = username; }",
            "}")
        .addSourceLines(
            "src/test/java/com/acme/UserTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class UserTest {",
            "  ProductRepository repository;",
            "  @Test void t() {",
            "    User user = new User();",
            "    user.setUsername(\"alice\");",
            "    repository.save(new Product().withSlug(UniqueKeys.next()));",
            "  }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/UniqueKeys.java",
            "package com.acme;",
            "public final class UniqueKeys {",
            "  public static String next() { return java.util.UUID.randomUUID().toString(); }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void badKeysFromMappingValueFailsNamingTheFlag() {
    assertFlagRejected(
        HardcodedTestSlug.class,
        "-XepOpt:HardcodedTestSlug:KeysFromMapping=yes",
        "Invalid -XepOpt:HardcodedTestSlug:KeysFromMapping=yes: expected true or false");
  }

  @Test
  void repositoryCreateReturningTheNewIdIsATestDataHelper() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/main/java/com/acme/Catalog.java",
            "package com.acme;",
            "public interface Catalog {",
            "  long create(String name, String slug);",
            "}")
        .addSourceLines(
            "src/test/java/com/acme/CatalogTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class CatalogTest {",
            "  Catalog repository;",
            "  @Test void t() {",
            "    // BUG: Diagnostic contains: unique key 'slug' (create(.., slug, ..))",
            "    repository.create(\"Stool\", \"kitchen-stool\");",
            "  }",
            "}")
        .doTest();
  }
}
