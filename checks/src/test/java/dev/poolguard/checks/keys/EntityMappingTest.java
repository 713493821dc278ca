package dev.poolguard.checks.keys;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * {@link HardcodedTestSlug} with keys read from the domain model's mapping ({@link EntityMapping},
 * {@link MappedTypes}): which properties the mapping makes keys, and where test data writes them.
 */
final class EntityMappingTest {
  private final CompilationTestHelper compilationHelper =
      CompilationTestHelper.newInstance(HardcodedTestSlug.class, getClass());

  /**
   * A domain model mapped with Jakarta Persistence, javax Persistence, Hibernate and Spring Data,
   * and the project's storing helper the tests call.
   */
  private CompilationTestHelper withDomain(CompilationTestHelper helper) {
    return helper
        .addSourceLines(
            "src/main/java/com/acme/User.java",
            "package com.acme;",
            "import jakarta.persistence.Column;",
            "import jakarta.persistence.Entity;",
            "import jakarta.persistence.Id;",
            "@Entity",
            "public class User {",
            "  @Id private String username;",
            "  @Column(unique = true) private String email;",
            "  private String firstName;",
            "  private String name;",
            "  public void setUsername(String username) { this.username = username; }",
            "  public void setEmail(String email) { this.email = email; }",
            "  public void setFirstName(String firstName) { this.firstName = firstName; }",
            "  public void setName(String name) { this.name = name; }",
            "  public static Builder builder() { return new Builder(); }",
            "  /** Shaped as Lombok's @Builder writes it. */",
            "  public static final class Builder {",
            "    public Builder username(String username) { return this; }",
            "    public Builder email(String email) { return this; }",
            "    public Builder firstName(String firstName) { return this; }",
            "    public User build() { return new User(); }",
            "  }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/Tag.java",
            "package com.acme;",
            "import jakarta.persistence.Column;",
            "import jakarta.persistence.Entity;",
            "import jakarta.persistence.GeneratedValue;",
            "import jakarta.persistence.Id;",
            "@Entity",
            "public class Tag {",
            "  @Id @GeneratedValue private Long id;",
            "  @Column(unique = true) public String name;",
            "  public Tag() {}",
            "  public Tag(String name) { this.name = name; }",
            "  public void setName(String name) { this.name = name; }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/Token.java",
            "package com.acme;",
            "import jakarta.persistence.Entity;",
            "import jakarta.persistence.GeneratedValue;",
            "import jakarta.persistence.Id;",
            "@Entity",
            "public class Token {",
            "  @Id @GeneratedValue private String value;",
            "  public void setValue(String value) { this.value = value; }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/Account.java",
            "package com.acme;",
            "import jakarta.persistence.Column;",
            "import jakarta.persistence.Entity;",
            "import jakarta.persistence.Index;",
            "import jakarta.persistence.Table;",
            "import jakarta.persistence.UniqueConstraint;",
            "@Entity",
            "@Table(",
            "    uniqueConstraints = @UniqueConstraint(columnNames = \"external_ref\"),",
            "    indexes = @Index(columnList = \"login_name ASC\", unique = true))",
            "public class Account extends Audited {",
            "  private String externalRef;",
            "  @Column(name = \"login_name\") private String login;",
            "  private String nickname;",
            "  public Account() {}",
            "  public Account(String code) { setCode(code); }",
            "  public void setExternalRef(String externalRef) { this.externalRef = externalRef; }",
            "  public void setLogin(String login) { this.login = login; }",
            "  public void setNickname(String nickname) { this.nickname = nickname; }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/Audited.java",
            "package com.acme;",
            "import jakarta.persistence.Id;",
            "import jakarta.persistence.MappedSuperclass;",
            "@MappedSuperclass",
            "public abstract class Audited {",
            "  @Id private String code;",
            "  public void setCode(String code) { this.code = code; }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/Country.java",
            "package com.acme;",
            "import org.hibernate.annotations.NaturalId;",
            "@javax.persistence.Entity",
            "public class Country {",
            "  @javax.persistence.Id @javax.persistence.GeneratedValue private Long id;",
            "  @NaturalId private String isoCode;",
            "  public void setIsoCode(String isoCode) { this.isoCode = isoCode; }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/Legacy.java",
            "package com.acme;",
            "@javax.persistence.Entity",
            "public class Legacy {",
            "  @javax.persistence.Id private String key;",
            "  public void setKey(String key) { this.key = key; }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/Plan.java",
            "package com.acme;",
            "import org.springframework.data.annotation.Id;",
            "import org.springframework.data.relational.core.mapping.Table;",
            "@Table(\"plans\")",
            "public record Plan(@Id String code, String title) {}")
        .addSourceLines(
            "src/main/java/com/acme/Profile.java",
            "package com.acme;",
            "import org.springframework.data.mongodb.core.index.Indexed;",
            "import org.springframework.data.mongodb.core.mapping.Document;",
            "@Document",
            "public class Profile {",
            "  @Indexed(unique = true) private String handle;",
            "  public void setHandle(String handle) { this.handle = handle; }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/Pet.java",
            "package com.acme;",
            "import jakarta.persistence.Entity;",
            "import jakarta.persistence.GeneratedValue;",
            "import jakarta.persistence.Id;",
            "@Entity",
            "public class Pet {",
            "  @Id @GeneratedValue private Long id;",
            "  private String name;",
            "  public void setName(String name) { this.name = name; }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/UserDto.java",
            "package com.acme;",
            "public record UserDto(String username, String firstName) {}")
        .addSourceLines(
            "src/main/java/com/acme/TagForm.java",
            "package com.acme;",
            "public record TagForm(String name) {}")
        .addSourceLines(
            "src/main/java/com/acme/Store.java",
            "package com.acme;",
            "public interface Store {",
            "  void save(Object entity);",
            "}");
  }

  @Test
  void generatedIdIsNotAKey() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/TokenTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class TokenTest {",
            "  Store store;",
            "  @Test void t() {",
            "    Token token = new Token();",
            "    token.setValue(\"fixed-token\");",
            "    store.save(token);",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void plainColumnsAreNotKeys() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/UserTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class UserTest {",
            "  Store store;",
            "  @Test void t() {",
            "    User user = new User();",
            "    user.setUsername(com.acme.Ids.next());",
            "    user.setFirstName(\"George\");",
            "    user.setName(\"Franklin\");",
            "    store.save(user);",
            "  }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/Ids.java",
            "package com.acme;",
            "public final class Ids { public static String next() { return java.util.UUID.randomUUID().toString(); } }")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void nameUniqueOnOneTypeAndPlainOnAnotherIsNoKeyByName() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/FormTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class FormTest {",
            "  Store store;",
            "  @Test void t() {",
            "    store.save(new TagForm(\"java\"));",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void assignedJakartaIdIsAKey() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/UserTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class UserTest {",
            "  Store store;",
            "  @Test void t() {",
            "    User user = new User();",
            "    // BUG: Diagnostic contains: User.username is the entity's @Id",
            "    user.setUsername(\"username\");",
            "    store.save(user);",
            "  }",
            "}")
        .doTest();
  }

  /**
   * A compilation whose own sources carry no mapping annotation still reads the entities it uses
   * from the classpath: javac enters the annotation types it reads from their class files.
   */
  @Test
  void idOfAnEntityReadFromAClassFileIsAKey() {
    compilationHelper
        .addSourceLines(
            "src/test/java/com/acme/PlanTest.java",
            "package com.acme;",
            "import dev.poolguard.checks.keys.CompiledPlan;",
            "import org.junit.jupiter.api.Test;",
            "class PlanTest {",
            "  interface Store { void save(Object entity); }",
            "  Store store;",
            "  @Test void t() {",
            "    CompiledPlan plan = new CompiledPlan();",
            "    // BUG: Diagnostic contains: CompiledPlan.code is the entity's @Id",
            "    plan.setCode(\"gold\");",
            "    store.save(plan);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void assignedJavaxIdIsAKey() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/LegacyTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class LegacyTest {",
            "  Store store;",
            "  @Test void t() {",
            "    Legacy legacy = new Legacy();",
            "    // BUG: Diagnostic contains: Legacy.key is the entity's @Id",
            "    legacy.setKey(\"k-1\");",
            "    store.save(legacy);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void uniqueColumnWrittenThroughABuilderIsAKey() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/UserTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class UserTest {",
            "  Store store;",
            "  @Test void t() {",
            "    // BUG: Diagnostic contains: User.email is @Column(unique = true)",
            "    store.save(User.builder().username(com.acme.Ids.next()).email(\"a@example.com\").build());",
            "  }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/Ids.java",
            "package com.acme;",
            "public final class Ids { public static String next() { return java.util.UUID.randomUUID().toString(); } }")
        .doTest();
  }

  @Test
  void uniqueConstraintColumnMapsBackInSnakeCase() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/AccountTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class AccountTest {",
            "  Store store;",
            "  @Test void t(String code) {",
            "    Account account = new Account();",
            "    account.setCode(code);",
            "    // BUG: Diagnostic contains: Account.externalRef is @UniqueConstraint(columnNames = \"external_ref\")",
            "    account.setExternalRef(\"ext-1\");",
            "    store.save(account);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void uniqueIndexColumnMapsBackThroughTheColumnName() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/AccountTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class AccountTest {",
            "  Store store;",
            "  @Test void t(String code) {",
            "    Account account = new Account();",
            "    account.setCode(code);",
            "    account.setNickname(\"nick\");",
            "    // BUG: Diagnostic contains: Account.login is a unique @Index(columnList = \"login_name ASC\")",
            "    account.setLogin(\"alice\");",
            "    store.save(account);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void idInheritedFromAMappedSuperclassIsAKey() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/AccountTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class AccountTest {",
            "  Store store;",
            "  @Test void t() {",
            "    // BUG: Diagnostic contains: Account.code is the entity's @Id",
            "    store.save(new Account(\"acct-1\"));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void hibernateNaturalIdIsAKey() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/CountryTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class CountryTest {",
            "  Store store;",
            "  @Test void t() {",
            "    Country country = new Country();",
            "    // BUG: Diagnostic contains: Country.isoCode is the entity's @NaturalId",
            "    country.setIsoCode(\"NL\");",
            "    store.save(country);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void springDataIdOfARecordIsAKey() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/PlanTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class PlanTest {",
            "  Store store;",
            "  @Test void t() {",
            "    // BUG: Diagnostic contains: Plan.code is the entity's Spring Data @Id",
            "    store.save(new Plan(\"gold\", \"Gold\"));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void mongoUniqueIndexIsAKey() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/ProfileTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class ProfileTest {",
            "  Store store;",
            "  @Test void t() {",
            "    Profile profile = new Profile();",
            "    // BUG: Diagnostic contains: Profile.handle is @Indexed(unique = true)",
            "    profile.setHandle(\"@alice\");",
            "    store.save(profile);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void uniqueNameOfOneTypeIsAKeyOnThatType() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/TagTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class TagTest {",
            "  Store store;",
            "  @Test void t() {",
            "    // BUG: Diagnostic contains: Tag.name is @Column(unique = true)",
            "    store.save(new Tag(\"java\"));",
            "    Pet pet = new Pet();",
            "    pet.setName(\"Leo\");",
            "    store.save(pet);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void keyCarriedByNameToADtoIsAKey() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/UserDtoTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class UserDtoTest {",
            "  Store store;",
            "  @Test void t() {",
            "    // BUG: Diagnostic contains: the name stands for User.username, which is the entity's @Id",
            "    store.save(new UserDto(\"alice\", \"Alice\"));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void bindNamedAfterALearntKeyIsAKey() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/UserJdbcTest.java",
            "package com.acme;",
            "import java.util.Map;",
            "import org.junit.jupiter.api.Test;",
            "import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;",
            "class UserJdbcTest {",
            "  NamedParameterJdbcTemplate jdbc;",
            "  @Test void t() {",
            "    jdbc.update(",
            "        \"insert into users (username, first_name) values (:username, :first_name)\",",
            "        // BUG: Diagnostic contains: (Map.of(\"username\", ..)); the name stands for User.username",
            "        Map.of(\"username\", \"alice\", \"first_name\", \"Alice\"));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void fieldAssignmentOfAMappedKeyIsAKey() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/TagTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class TagTest {",
            "  Store store;",
            "  @Test void t() {",
            "    Tag tag = new Tag();",
            "    // BUG: Diagnostic contains: Tag.name is @Column(unique = true)",
            "    tag.name = \"java\";",
            "    store.save(tag);",
            "  }",
            "}")
        .doTest();
  }
}
