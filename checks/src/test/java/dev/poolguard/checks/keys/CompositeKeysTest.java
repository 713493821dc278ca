package dev.poolguard.checks.keys;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * {@link CompositeKeys}: a fixed value in one column of a composite key is a finding only when the
 * key's other columns are written fixed, or not written, in the same test data.
 */
final class CompositeKeysTest {
  private final CompilationTestHelper compilationHelper =
      CompilationTestHelper.newInstance(HardcodedTestSlug.class, getClass());

  /**
   * Entities with composite keys: a unique constraint over two columns, an @IdClass,
   * an @EmbeddedId.
   */
  private CompilationTestHelper withDomain(CompilationTestHelper helper) {
    return helper
        .addSourceLines(
            "src/main/java/com/acme/Tenant.java",
            "package com.acme;",
            "import jakarta.persistence.Entity;",
            "import jakarta.persistence.GeneratedValue;",
            "import jakarta.persistence.Id;",
            "@Entity",
            "public class Tenant {",
            "  @Id @GeneratedValue private Long id;",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/Page.java",
            "package com.acme;",
            "import jakarta.persistence.Entity;",
            "import jakarta.persistence.GeneratedValue;",
            "import jakarta.persistence.Id;",
            "import jakarta.persistence.JoinColumn;",
            "import jakarta.persistence.ManyToOne;",
            "import jakarta.persistence.Table;",
            "import jakarta.persistence.UniqueConstraint;",
            "@Entity",
            "@Table(uniqueConstraints = @UniqueConstraint(columnNames = {\"site_code\", \"path\"}))",
            "public class Page {",
            "  @Id @GeneratedValue private Long id;",
            "  private String siteCode;",
            "  private String path;",
            "  @ManyToOne @JoinColumn(name = \"tenant_id\") private Tenant tenant;",
            "  public Page() {}",
            "  public Page(String siteCode, String path) { this.siteCode = siteCode; this.path = path; }",
            "  public void setSiteCode(String siteCode) { this.siteCode = siteCode; }",
            "  public void setPath(String path) { this.path = path; }",
            "  public static Builder builder() { return new Builder(); }",
            "  public static final class Builder {",
            "    public Builder siteCode(String siteCode) { return this; }",
            "    public Builder path(String path) { return this; }",
            "    public Page build() { return new Page(); }",
            "  }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/Membership.java",
            "package com.acme;",
            "import jakarta.persistence.Entity;",
            "import jakarta.persistence.Id;",
            "import jakarta.persistence.IdClass;",
            "@Entity",
            "@IdClass(MembershipKey.class)",
            "public class Membership {",
            "  @Id private String team;",
            "  @Id private String member;",
            "  public Membership(String team, String member) { this.team = team; this.member = member; }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/MembershipKey.java",
            "package com.acme;",
            "public record MembershipKey(String team, String member) implements java.io.Serializable {}")
        .addSourceLines(
            "src/main/java/com/acme/OrderLine.java",
            "package com.acme;",
            "import jakarta.persistence.EmbeddedId;",
            "import jakarta.persistence.Entity;",
            "@Entity",
            "public class OrderLine {",
            "  @EmbeddedId private OrderLineId id;",
            "  public OrderLine(OrderLineId id) { this.id = id; }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/OrderLineId.java",
            "package com.acme;",
            "import jakarta.persistence.Embeddable;",
            "@Embeddable",
            "public class OrderLineId implements java.io.Serializable {",
            "  private String orderNumber;",
            "  private String sku;",
            "  public OrderLineId() {}",
            "  public OrderLineId(String orderNumber, String sku) { this.orderNumber = orderNumber; this.sku = sku; }",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/Store.java",
            "package com.acme;",
            "public interface Store {",
            "  void save(Object entity);",
            "}")
        .addSourceLines(
            "src/main/java/com/acme/Ids.java",
            "package com.acme;",
            "public final class Ids {",
            "  public static String next() { return java.util.UUID.randomUUID().toString(); }",
            "}");
  }

  @Test
  void otherColumnWrittenAVaryingValueMakesTheKeyVary() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/PageTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class PageTest {",
            "  Store store;",
            "  @Test void t() {",
            "    Page page = new Page();",
            "    page.setSiteCode(Ids.next());",
            "    page.setPath(\"/home\");",
            "    store.save(page);",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void constructorWithAVaryingOtherColumnIsNotFlagged() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/PageTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class PageTest {",
            "  Store store;",
            "  @Test void t() {",
            "    store.save(new Page(Ids.next(), \"/home\"));",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void builderChainWithAVaryingOtherColumnIsNotFlagged() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/PageTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class PageTest {",
            "  Store store;",
            "  @Test void t() {",
            "    store.save(Page.builder().path(\"/home\").siteCode(Ids.next()).build());",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void allColumnsFixedIsFlagged() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/PageTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class PageTest {",
            "  Store store;",
            "  @Test void t() {",
            "    Page page = new Page();",
            "    // BUG: Diagnostic contains: Page.siteCode is in @UniqueConstraint",
            "    page.setSiteCode(\"acme\");",
            "    // BUG: Diagnostic contains: Page.path is in @UniqueConstraint(columnNames = {\"site_code\", \"path\"}), and its other columns (siteCode) are written fixed or not at all",
            "    page.setPath(\"/home\");",
            "    store.save(page);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void otherColumnNotWrittenIsFlagged() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/PageTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class PageTest {",
            "  Store store;",
            "  @Test void t() {",
            "    Page page = new Page();",
            "    // BUG: Diagnostic contains: Page.path is in @UniqueConstraint",
            "    page.setPath(\"/home\");",
            "    store.save(page);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void idClassPartsAreOneCompositeKey() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/MembershipTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class MembershipTest {",
            "  Store store;",
            "  @Test void t() {",
            "    store.save(new Membership(Ids.next(), \"alice\"));",
            "    // BUG: Diagnostic contains: Membership.team is part of the entity's composite @Id",
            "    store.save(new Membership(\"core\", \"bob\"));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void embeddedIdPartsAreOneCompositeKey() {
    withDomain(compilationHelper)
        .addSourceLines(
            "src/test/java/com/acme/OrderLineTest.java",
            "package com.acme;",
            "import org.junit.jupiter.api.Test;",
            "class OrderLineTest {",
            "  Store store;",
            "  @Test void t() {",
            "    store.save(new OrderLine(new OrderLineId(Ids.next(), \"sku-1\")));",
            "    // BUG: Diagnostic contains: OrderLineId.orderNumber is part of OrderLine's @EmbeddedId",
            "    store.save(new OrderLine(new OrderLineId(\"o-1\", \"sku-1\")));",
            "  }",
            "}")
        .doTest();
  }
}
