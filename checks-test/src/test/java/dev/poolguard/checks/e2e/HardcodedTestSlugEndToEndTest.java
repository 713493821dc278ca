package dev.poolguard.checks.e2e;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HardcodedTestSlug through the packaged jar on a real javac processor path. */
final class HardcodedTestSlugEndToEndTest extends CheckEndToEndTest {
  HardcodedTestSlugEndToEndTest() {
    super("HardcodedTestSlug");
  }

  @Override
  List<String> expectedMessages() {
    return List.of(
        "The fixed value \"test-package\" is written into the unique key 'slug' (setSlug(..))",
        "No automatic fix: the same value is asserted",
        "The fixed value \"alice\" is written into the unique key 'username' (setUsername(..));"
            + " Customer.username is the entity's @Id",
        "No automatic fix: Customer.referralCode holds at most 32 characters"
            + " (@Column(length = 32))");
  }

  @Test
  void patchChecksWritesAPatchThatApplies(@TempDir Path workDir) throws Exception {
    Patching.Result result = patchAndRecompile(workDir);

    assertThat(result.patch()).contains("+import dev.poolguard.runtime.UniqueSlugs;");
    assertThat(result.patch()).contains("+    product.setSlug(UniqueSlugs.of(SLUG));");
    assertThat(result.patch())
        .contains(
            "+    catalog.save(new Product(\"Constructed\", UniqueSlugs.of(\"constructed-package\")));");
    assertThat(result.patch())
        .contains(
            "+    catalog.insertRow(Map.of(\"name\", \"Row\", \"slug\", UniqueSlugs.of(\"row-package\")));");
    // A key from the JPA mapping; the referral code's column is too short for a generated value.
    assertThat(result.patch()).contains("+    customer.setUsername(UniqueSlugs.of(\"alice\"));");
    // The slug asserted later in the same test gets no fix and is still reported (one line lower:
    // the patch added an import).
    assertThat(result.remaining())
        .containsExactly(
            diagnostic("src/test/java/com/acme/catalog/CustomerTest.java:13"),
            diagnostic("src/test/java/com/acme/catalog/ProductCatalogTest.java:47"));
    assertThat(result.otherErrors()).isEmpty();
  }
}
