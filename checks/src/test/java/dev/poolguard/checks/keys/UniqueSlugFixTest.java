package dev.poolguard.checks.keys;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** The fix keeps the kind of the written value, or is withheld with the reason in the message. */
final class UniqueSlugFixTest {
  private static final String USER =
      """
      package com.acme;
      public class User {
        public void setSlug(String slug) {}
        public void setEmail(String email) {}
      }
      """;

  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(HardcodedTestSlug.class, getClass())
          .setArgs("-XepOpt:HardcodedTestSlug:Fields=slug,email")
          .addInputLines("src/main/java/com/acme/User.java", USER)
          .expectUnchanged();

  private final CompilationTestHelper compilation =
      CompilationTestHelper.newInstance(HardcodedTestSlug.class, getClass())
          .setArgs("-XepOpt:HardcodedTestSlug:Fields=slug,email")
          .addSourceLines("src/main/java/com/acme/User.java", USER);

  @Test
  void aSlugStaysASlug() {
    refactoring
        .addInputLines(
            "src/test/java/com/acme/SlugTest.java",
            """
            package com.acme;
            class SlugTest {
              void t(User u) { u.setSlug("test-package"); }
            }
            """)
        .addOutputLines(
            "src/test/java/com/acme/SlugTest.java",
            """
            package com.acme;
            import dev.poolguard.runtime.UniqueSlugs;
            class SlugTest {
              void t(User u) { u.setSlug(UniqueSlugs.of("test-package")); }
            }
            """)
        .doTest();
  }

  @Test
  void anEmailLiteralStaysAnEmailAddress() {
    refactoring
        .addInputLines(
            "src/test/java/com/acme/EmailTest.java",
            """
            package com.acme;
            class EmailTest {
              void t(User u) { u.setEmail("alice@example.com"); }
            }
            """)
        .addOutputLines(
            "src/test/java/com/acme/EmailTest.java",
            """
            package com.acme;
            import dev.poolguard.runtime.UniqueSlugs;
            class EmailTest {
              void t(User u) { u.setEmail(UniqueSlugs.email("alice", "example.com")); }
            }
            """)
        .doTest();
  }

  @Test
  void aDisplayNameKeepsItsSpelling() {
    refactoring
        .addInputLines(
            "src/test/java/com/acme/NameTest.java",
            """
            package com.acme;
            class NameTest {
              void t(User u) { u.setSlug("Acme Corp"); }
            }
            """)
        .addOutputLines(
            "src/test/java/com/acme/NameTest.java",
            """
            package com.acme;
            import dev.poolguard.runtime.UniqueSlugs;
            class NameTest {
              void t(User u) { u.setSlug(UniqueSlugs.name("Acme Corp")); }
            }
            """)
        .doTest();
  }

  @Test
  void anEmailHeldInAConstantIsNotFixedAndTheMessageSaysWhy() {
    compilation
        .addSourceLines(
            "src/test/java/com/acme/EmailConstantTest.java",
            """
            package com.acme;
            class EmailConstantTest {
              static final String ALICE = "alice@example.com";
              void t(User u) {
                // BUG: Diagnostic contains: No automatic fix: the value is an e-mail address held in ALICE
                u.setEmail(ALICE);
              }
            }
            """)
        .doTest();
  }

  @Test
  void aValueWithoutLetterOrDigitIsNotFixedAndTheMessageSaysWhy() {
    compilation
        .addSourceLines(
            "src/test/java/com/acme/PunctuationTest.java",
            """
            package com.acme;
            class PunctuationTest {
              void t(User u) {
                // BUG: Diagnostic contains: No automatic fix: the value has no letter or digit
                u.setSlug("---");
              }
            }
            """)
        .doTest();
  }

  @Test
  void aValueThatIsNoSlugIsNotRewrittenAsOne() {
    compilation
        .addSourceLines(
            "src/test/java/com/acme/UpperCaseTest.java",
            """
            package com.acme;
            class UpperCaseTest {
              void t(User u) {
                // BUG: Diagnostic contains: would rewrite the value as a lower-case slug ("ACME_1" is not one)
                u.setSlug("ACME_1");
              }
            }
            """)
        .doTest();
  }

  @Test
  void aValueThatIsNoSlugGetsNoFix() {
    refactoring
        .addInputLines(
            "src/test/java/com/acme/UpperCaseTest.java",
            """
            package com.acme;
            class UpperCaseTest {
              void t(User u) { u.setSlug("ACME_1"); }
            }
            """)
        .expectUnchanged()
        .doTest();
  }
}
