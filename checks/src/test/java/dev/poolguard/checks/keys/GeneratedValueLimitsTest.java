package dev.poolguard.checks.keys;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * {@link GeneratedValueLimits}: the UniqueSlugs fix keeps the key property's declared limits, or is
 * withheld with the reason in the message.
 */
final class GeneratedValueLimitsTest {
  private final CompilationTestHelper compilationHelper =
      CompilationTestHelper.newInstance(HardcodedTestSlug.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoringHelper =
      BugCheckerRefactoringTestHelper.newInstance(HardcodedTestSlug.class, getClass());

  @Test
  void keyWithoutLimitsIsWrapped() {
    refactoringHelper
        .addInputLines(
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
        .expectUnchanged()
        .addInputLines(
            "src/main/java/com/acme/Store.java",
            "package com.acme;",
            "public interface Store {",
            "  void save(Object entity);",
            "}")
        .expectUnchanged()
        .addInputLines(
            "src/test/java/com/acme/AccountTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class AccountTest {",
            "  Store store;",
            "  @Test void t() {",
            "    Account account = new Account();",
            "    account.setUsername(\"alice\");",
            "    store.save(account);",
            "  }",
            "}")
        .addOutputLines(
            "src/test/java/com/acme/AccountTest.java",
            "package com.acme;",
            "",
            "import dev.poolguard.runtime.UniqueSlugs;",
            "import org.junit.jupiter.api.Test;",
            "class AccountTest {",
            "  Store store;",
            "  @Test void t() {",
            "    Account account = new Account();",
            "    account.setUsername(UniqueSlugs.of(\"alice\"));",
            "    store.save(account);",
            "  }",
            "}")
        .doTest(BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH);
  }

  @Test
  void longBaseWithinAColumnLengthUsesTheBoundedVariant() {
    refactoringHelper
        .addInputLines(
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
        .expectUnchanged()
        .addInputLines(
            "src/main/java/com/acme/Store.java",
            "package com.acme;",
            "public interface Store {",
            "  void save(Object entity);",
            "}")
        .expectUnchanged()
        .addInputLines(
            "src/test/java/com/acme/AccountTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class AccountTest {",
            "  Store store;",
            "  @Test void t() {",
            "    Account account = new Account();",
            "    account.setCode(\"a-rather-long-product-code-for-the-test\");",
            "    store.save(account);",
            "  }",
            "}")
        .addOutputLines(
            "src/test/java/com/acme/AccountTest.java",
            "package com.acme;",
            "",
            "import dev.poolguard.runtime.UniqueSlugs;",
            "import org.junit.jupiter.api.Test;",
            "class AccountTest {",
            "  Store store;",
            "  @Test void t() {",
            "    Account account = new Account();",
            "    account.setCode(UniqueSlugs.of(\"a-rather-long-product-code-for-the-test\", 60));",
            "    store.save(account);",
            "  }",
            "}")
        .doTest(BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH);
  }

  @Test
  void emailPropertyKeepsTheEmailFix() {
    refactoringHelper
        .addInputLines(
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
        .expectUnchanged()
        .addInputLines(
            "src/main/java/com/acme/Store.java",
            "package com.acme;",
            "public interface Store {",
            "  void save(Object entity);",
            "}")
        .expectUnchanged()
        .addInputLines(
            "src/test/java/com/acme/AccountTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class AccountTest {",
            "  Store store;",
            "  @Test void t() {",
            "    Account account = new Account();",
            "    account.setEmail(\"alice@example.com\");",
            "    store.save(account);",
            "  }",
            "}")
        .addOutputLines(
            "src/test/java/com/acme/AccountTest.java",
            "package com.acme;",
            "",
            "import dev.poolguard.runtime.UniqueSlugs;",
            "import org.junit.jupiter.api.Test;",
            "class AccountTest {",
            "  Store store;",
            "  @Test void t() {",
            "    Account account = new Account();",
            "    account.setEmail(UniqueSlugs.email(\"alice\", \"example.com\"));",
            "    store.save(account);",
            "  }",
            "}")
        .doTest(BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH);
  }

  @Test
  void columnShorterThanTheSuffixWithholdsTheFix() {
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
            "    // BUG: Diagnostic contains: No automatic fix: Account.shortCode holds at most 32 characters (@Column(length = 32))",
            "    account.setShortCode(\"abc\");",
            "    store.save(account);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void aWithheldLengthFixNamesTheBoundedFactoryAndNotTheValueItRulesOut() {
    compilationHelper
        .addSourceLines(
            "src/main/java/com/acme/Voucher.java",
            "package com.acme;",
            "import jakarta.persistence.Column;",
            "import jakarta.persistence.Entity;",
            "import jakarta.persistence.Id;",
            "@Entity",
            "public class Voucher {",
            "  @Id private Long id;",
            "  @Column(unique = true, length = 20) private String code;",
            "  public void setCode(String code) { this.code = code; }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/Store.java",
            "package com.acme;",
            "public interface Store {",
            "  void save(Object entity);",
            "}")
        .addSourceLines(
            "src/test/java/com/acme/VoucherTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class VoucherTest {",
            "  Store store;",
            "  @Test void t() {",
            "    Voucher voucher = new Voucher();",
            "    // BUG: Diagnostic matches: WITHHELD",
            "    voucher.setCode(\"summer\");",
            "    store.save(voucher);",
            "  }",
            "}")
        .expectErrorMessage(
            "WITHHELD",
            message ->
                message.contains("No automatic fix: Voucher.code holds at most 20 characters")
                    && message.contains("UniqueSlugs.of(\"summer\", 20) shortens the base")
                    && !message.contains("Generate it per run: UniqueSlugs.of("))
        .doTest();
  }

  @Test
  void sizeMaxWithholdsTheFix() {
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
            "    // BUG: Diagnostic contains: No automatic fix: Account.handle holds at most 20 characters (@Size(max = 20))",
            "    account.setHandle(\"abc\");",
            "    store.save(account);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void patternRejectingTheGeneratedValueWithholdsTheFix() {
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
            "    // BUG: Diagnostic contains: No automatic fix: Account.login must match @Pattern(regexp = \"[a-z]+\")",
            "    account.setLogin(\"alice\");",
            "    store.save(account);",
            "  }",
            "}")
        .doTest();
  }
}
