package dev.poolguard.checks.keys;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** A call writing several keys is judged key by key, not by its first key. */
final class WriteContextTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(HardcodedTestSlug.class, getClass())
          .setArgs("-XepOpt:HardcodedTestSlug:Fields=slug,email");

  @Test
  void anUpdateSettingTheSecondKeyIsAWriteOfThatKey() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/UpdateTest.java",
            """
            package com.acme;
            import java.util.Map;
            import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
            class UpdateTest {
              NamedParameterJdbcTemplate named;
              void t() {
                named.update(
                    "update users set email = :email where slug = :slug",
                    // BUG: Diagnostic contains: written into the unique key 'email'
                    Map.of("slug", "alice", "email", "alice@example.com"));
              }
            }
            """)
        .doTest();
  }

  @Test
  void anUpdateSettingNeitherKeyOnlyReadsThem() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/ReadTest.java",
            """
            package com.acme;
            import java.util.Map;
            import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
            class ReadTest {
              NamedParameterJdbcTemplate named;
              void t() {
                named.update(
                    "update users set name = 'x' where slug = :slug and email = :email",
                    Map.of("slug", "alice", "email", "alice@example.com"));
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void anInsertOfBothKeysReportsTheFirst() {
    helper
        .addSourceLines(
            "src/test/java/com/acme/InsertTest.java",
            """
            package com.acme;
            import java.util.Map;
            import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
            class InsertTest {
              NamedParameterJdbcTemplate named;
              void t() {
                named.update(
                    "insert into users(slug, email) values (:slug, :email)",
                    // BUG: Diagnostic contains: written into the unique key 'slug'
                    Map.of("slug", "alice", "email", "alice@example.com"));
              }
            }
            """)
        .doTest();
  }
}
