package dev.poolguard.checks.keys;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * {@link DatabaseUse}: a key learnt from the mapping is reported only where the test data can reach
 * a database.
 */
final class DatabaseUseTest {
  private final CompilationTestHelper compilationHelper =
      CompilationTestHelper.newInstance(HardcodedTestSlug.class, getClass());

  /**
   * A mapped user with an assigned @Id, its mapper, a Spring Data repository and a storing helper.
   */
  private CompilationTestHelper withDomain(CompilationTestHelper helper) {
    return helper
        .addSourceLines(
            "src/main/java/com/acme/User.java",
            "package com.acme;",
            "import jakarta.persistence.Entity;",
            "import jakarta.persistence.Id;",
            "@Entity",
            "public class User {",
            "  @Id private String username;",
            "  private String slug;",
            "  public void setUsername(String username) { this.username = username; }",
            "  public void setSlug(String slug) { this.slug = slug; }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/UserMapper.java",
            "package com.acme;",
            "public class UserMapper {",
            "  public String toJson(User user) { return \"{}\"; }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/UserRepository.java",
            "package com.acme;",
            "public interface UserRepository extends org.springframework.data.repository.CrudRepository<User, String> {}")
        .addSourceLines(
            "src/main/java/com/acme/UserService.java",
            "package com.acme;",
            "public class UserService {",
            "  private final UserRepository repository;",
            "  public UserService(UserRepository repository) { this.repository = repository; }",
            "  public void register(User user) { repository.save(user); }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/Store.java",
            "package com.acme;",
            "public interface Store {",
            "  void save(Object entity);",
            "}");
  }

  @Test
  void plainUnitTestOfDomainObjectsIsNotFlagged() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/UserMapperTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class UserMapperTest {",
            "  @Test void mapsTheUser() {",
            "    User user = new User();",
            "    user.setUsername(\"alice\");",
            "    new UserMapper().toJson(user);",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void unitTestWithAMockedRepositoryIsNotFlagged() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/UserServiceTest.java",
            "package com.acme;",
            "import org.mockito.InjectMocks;",
            "import org.mockito.Mock;",
            "import org.junit.jupiter.api.Test;",
            "class UserServiceTest {",
            "  @Mock UserRepository repository;",
            "  @InjectMocks UserService service;",
            "  @Test void registers() {",
            "    User user = new User();",
            "    user.setUsername(\"alice\");",
            "    service.register(user);",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void testMethodThatStoresNothingIsNotFlagged() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/UserRepositoryTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class UserRepositoryTest {",
            "  UserRepository repository;",
            "  @Test void counts() {",
            "    repository.count();",
            "  }",
            "  @Test void mapsTheUser() {",
            "    User user = new User();",
            "    user.setUsername(\"alice\");",
            "    new UserMapper().toJson(user);",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void repositoryWriteIsFlagged() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/UserRepositoryTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class UserRepositoryTest {",
            "  UserRepository repository;",
            "  @Test void saves() {",
            "    User user = new User();",
            "    // BUG: Diagnostic contains: User.username is the entity's @Id",
            "    user.setUsername(\"alice\");",
            "    repository.save(user);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void dataBuiltInAHelperForTestsThatStoreIsFlagged() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/UserRepositoryTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class UserRepositoryTest {",
            "  UserRepository repository;",
            "  static User alice() {",
            "    User user = new User();",
            "    // BUG: Diagnostic contains: User.username is the entity's @Id",
            "    user.setUsername(\"alice\");",
            "    return user;",
            "  }",
            "  @Test void saves() {",
            "    repository.save(alice());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void configuredNamesAreFlaggedWithoutADatabase() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/UserMapperTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class UserMapperTest {",
            "  @Test void mapsTheUser() {",
            "    User user = new User();",
            "    // BUG: Diagnostic contains: unique key 'slug' (setSlug(..))",
            "    user.setSlug(\"alice\");",
            "    new UserMapper().toJson(user);",
            "  }",
            "}")
        .doTest();
  }
}
