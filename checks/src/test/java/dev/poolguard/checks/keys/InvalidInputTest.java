package dev.poolguard.checks.keys;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** {@link InvalidInput}: deliberately invalid test data is stored nowhere, so it is no finding. */
final class InvalidInputTest {
  private final CompilationTestHelper compilationHelper =
      CompilationTestHelper.newInstance(HardcodedTestSlug.class, getClass());

  @Test
  void valueBreakingItsPatternIsNotFlagged() {
    compilationHelper
        .addSourceLines(
            "src/main/java/com/acme/Account.java",
            "package com.acme;",
            "import jakarta.persistence.Column;",
            "import jakarta.persistence.Entity;",
            "import jakarta.persistence.Id;",
            "import jakarta.validation.constraints.Email;",
            "import jakarta.validation.constraints.Pattern;",
            "import jakarta.validation.constraints.Size;",
            "@Entity",
            "public class Account {",
            "  @Id private String username;",
            "  @Column(unique = true, length = 60) private String code;",
            "  @Column(unique = true, length = 32) private String shortCode;",
            "  @Column(unique = true) @Size(max = 20) private String handle;",
            "  @Column(unique = true) @Pattern(regexp = \"[a-z]+\") private String login;",
            "  @Column(unique = true) @Email private String email;",
            "  public void setUsername(String username) { this.username = username; }",
            "  public void setCode(String code) { this.code = code; }",
            "  public void setShortCode(String shortCode) { this.shortCode = shortCode; }",
            "  public void setHandle(String handle) { this.handle = handle; }",
            "  public void setLogin(String login) { this.login = login; }",
            "  public void setEmail(String email) { this.email = email; }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/Store.java",
            "package com.acme;",
            "public interface Store {",
            "  void save(Object entity);",
            "}")
        .addSourceLines(
            "src/test/java/com/acme/AccountTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class AccountTest {",
            "  Store store;",
            "  @Test void t() {",
            "    Account account = new Account();",
            "    account.setLogin(\"funky-log(n\");",
            "    store.save(account);",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void valueBreakingItsEmailShapeIsNotFlagged() {
    compilationHelper
        .addSourceLines(
            "src/main/java/com/acme/Account.java",
            "package com.acme;",
            "import jakarta.persistence.Column;",
            "import jakarta.persistence.Entity;",
            "import jakarta.persistence.Id;",
            "import jakarta.validation.constraints.Email;",
            "import jakarta.validation.constraints.Pattern;",
            "import jakarta.validation.constraints.Size;",
            "@Entity",
            "public class Account {",
            "  @Id private String username;",
            "  @Column(unique = true, length = 60) private String code;",
            "  @Column(unique = true, length = 32) private String shortCode;",
            "  @Column(unique = true) @Size(max = 20) private String handle;",
            "  @Column(unique = true) @Pattern(regexp = \"[a-z]+\") private String login;",
            "  @Column(unique = true) @Email private String email;",
            "  public void setUsername(String username) { this.username = username; }",
            "  public void setCode(String code) { this.code = code; }",
            "  public void setShortCode(String shortCode) { this.shortCode = shortCode; }",
            "  public void setHandle(String handle) { this.handle = handle; }",
            "  public void setLogin(String login) { this.login = login; }",
            "  public void setEmail(String email) { this.email = email; }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/Store.java",
            "package com.acme;",
            "public interface Store {",
            "  void save(Object entity);",
            "}")
        .addSourceLines(
            "src/test/java/com/acme/AccountTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class AccountTest {",
            "  Store store;",
            "  @Test void t() {",
            "    Account account = new Account();",
            "    account.setEmail(\"invalid email\");",
            "    store.save(account);",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void valueLongerThanItsColumnIsNotFlagged() {
    compilationHelper
        .addSourceLines(
            "src/main/java/com/acme/Account.java",
            "package com.acme;",
            "import jakarta.persistence.Column;",
            "import jakarta.persistence.Entity;",
            "import jakarta.persistence.Id;",
            "import jakarta.validation.constraints.Email;",
            "import jakarta.validation.constraints.Pattern;",
            "import jakarta.validation.constraints.Size;",
            "@Entity",
            "public class Account {",
            "  @Id private String username;",
            "  @Column(unique = true, length = 60) private String code;",
            "  @Column(unique = true, length = 32) private String shortCode;",
            "  @Column(unique = true) @Size(max = 20) private String handle;",
            "  @Column(unique = true) @Pattern(regexp = \"[a-z]+\") private String login;",
            "  @Column(unique = true) @Email private String email;",
            "  public void setUsername(String username) { this.username = username; }",
            "  public void setCode(String code) { this.code = code; }",
            "  public void setShortCode(String shortCode) { this.shortCode = shortCode; }",
            "  public void setHandle(String handle) { this.handle = handle; }",
            "  public void setLogin(String login) { this.login = login; }",
            "  public void setEmail(String email) { this.email = email; }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/Store.java",
            "package com.acme;",
            "public interface Store {",
            "  void save(Object entity);",
            "}")
        .addSourceLines(
            "src/test/java/com/acme/AccountTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class AccountTest {",
            "  Store store;",
            "  @Test void t() {",
            "    Account account = new Account();",
            "    account.setHandle(\"a-handle-longer-than-twenty\");",
            "    store.save(account);",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void dataOfAMethodNamedForInvalidDataIsNotFlagged() {
    compilationHelper
        .addSourceLines(
            "src/main/java/com/acme/Account.java",
            "package com.acme;",
            "import jakarta.persistence.Column;",
            "import jakarta.persistence.Entity;",
            "import jakarta.persistence.Id;",
            "import jakarta.validation.constraints.Email;",
            "import jakarta.validation.constraints.Pattern;",
            "import jakarta.validation.constraints.Size;",
            "@Entity",
            "public class Account {",
            "  @Id private String username;",
            "  @Column(unique = true, length = 60) private String code;",
            "  @Column(unique = true, length = 32) private String shortCode;",
            "  @Column(unique = true) @Size(max = 20) private String handle;",
            "  @Column(unique = true) @Pattern(regexp = \"[a-z]+\") private String login;",
            "  @Column(unique = true) @Email private String email;",
            "  public void setUsername(String username) { this.username = username; }",
            "  public void setCode(String code) { this.code = code; }",
            "  public void setShortCode(String shortCode) { this.shortCode = shortCode; }",
            "  public void setHandle(String handle) { this.handle = handle; }",
            "  public void setLogin(String login) { this.login = login; }",
            "  public void setEmail(String email) { this.email = email; }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/Store.java",
            "package com.acme;",
            "public interface Store {",
            "  void save(Object entity);",
            "}")
        .addSourceLines(
            "src/test/java/com/acme/AccountTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class AccountTest {",
            "  Store store;",
            "  @Test void rejectsInvalidAccount() {",
            "    Account account = new Account();",
            "    account.setUsername(\"alice\");",
            "    store.save(account);",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }
}
