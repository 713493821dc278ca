package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.PoolStats;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class TimelineSvgTest {
  private static final String PASSWORD = "s3cret-in-the-url";
  private static final PoolSettings SETTINGS =
      TestDatabases.settings("url", "postgres://app:" + PASSWORD + "@db.example:5432/shop");
  private static final PoolStats STATS = new PoolStats("poolguard-1", 3, 12, 3, 0, 1, 0, 4, 2, 1);
  private static final Timeline.Holder HOLDER =
      new Timeline.Holder(
          "com.acme.OrderTest#creates()", "OrderTest.java:42", "main", Duration.ofMillis(900));

  /** A second of a pool of 3: three borrows, two time-outs, all returned. */
  private static Timeline.Snapshot session() {
    return new Timeline.Snapshot(
        List.of(
            event(100, Timeline.Kind.BORROW, 1),
            event(200, Timeline.Kind.BORROW, 2),
            event(300, Timeline.Kind.BORROW, 3),
            event(400, Timeline.Kind.TIMEOUT, 3),
            event(500, Timeline.Kind.TIMEOUT, 3),
            event(600, Timeline.Kind.RETURN, 2),
            event(700, Timeline.Kind.RETURN, 1),
            event(800, Timeline.Kind.RETURN, 0)),
        0,
        new Timeline.Peak(
            Duration.ofMillis(300),
            List.of(
                holder("com.acme.FirstTest#reads()", 100),
                HOLDER,
                holder("com.acme.SecondTest#writes()", 200))),
        Duration.ofSeconds(1),
        0);
  }

  private static Timeline.Holder holder(String owner, long heldForMillis) {
    return new Timeline.Holder(
        owner, "Fixtures.java:7", "worker-1", Duration.ofMillis(heldForMillis));
  }

  private static Timeline.Event event(long atMillis, Timeline.Kind kind, int inUse) {
    return new Timeline.Event(Duration.ofMillis(atMillis), kind, inUse);
  }

  private static Leak leak(String owner, String where) {
    return new Leak(
        owner, where, Duration.ofSeconds(31), 100_000_000L, 900_000_000L, /* failsTest= */ false);
  }

  private static String render(List<Leak> leaks) {
    return TimelineSvg.render(SETTINGS, STATS, leaks, session(), Duration.ofSeconds(2));
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static long count(String text, String fragment) {
    return Pattern.compile(Pattern.quote(fragment)).matcher(text).results().count();
  }

  @Test
  void isAWellFormedSvgDocument() throws Exception {
    Document svg = parse(render(List.of()));
    assertEquals("svg", svg.getDocumentElement().getLocalName());
    assertEquals("http://www.w3.org/2000/svg", svg.getDocumentElement().getNamespaceURI());
  }

  @Test
  void namesTheDatabaseAndThePoolFigures() throws Exception {
    String text = parse(render(List.of())).getDocumentElement().getTextContent();
    assertTrue(text.contains("PoolGuard session: PostgreSQL db.example:5432/shop"), text);
    assertTrue(text.contains("pool poolguard-1: "), text);
  }

  @Test
  void neverShowsThePassword() {
    assertFalse(
        render(List.of(leak("com.acme.OrderTest#creates()", "OrderTest.java:42")))
            .contains(PASSWORD));
  }

  @Test
  void marksEveryTimeOutWithOneTriangleBesideTheLegendsOne() {
    // Time-outs are the only red shapes: the legend's triangle and one per time-out.
    assertEquals(1 + 2, count(render(List.of()), "fill=\"#c62828\""));
  }

  @Test
  void listsEachHolderAtThePeakWithThreadAndBorrowSite() throws Exception {
    String text = parse(render(List.of())).getDocumentElement().getTextContent();
    assertTrue(text.contains("Holders at the peak (3 connections in use at"), text);
    assertTrue(text.contains("com.acme.OrderTest#creates(), held"), text);
    assertTrue(text.contains("thread 'main'"), text);
    assertTrue(text.contains("at OrderTest.java:42"), text);
  }

  @Test
  void listsTheHoldersAtThePeakLongestHeldFirst() throws Exception {
    String text = parse(render(List.of())).getDocumentElement().getTextContent();
    int longest = text.indexOf("com.acme.OrderTest#creates()");
    int middle = text.indexOf("com.acme.SecondTest#writes()");
    int shortest = text.indexOf("com.acme.FirstTest#reads()");
    assertTrue(0 <= longest && longest < middle && middle < shortest, text);
  }

  @Test
  void saysSoWhenNoConnectionLeaked() throws Exception {
    String text = parse(render(List.of())).getDocumentElement().getTextContent();
    assertTrue(text.contains("Suspected leaks (0)"), text);
    assertTrue(text.contains("none: every connection was returned"), text);
  }

  @Test
  void listsEachLeakWithItsOwnerAndBorrowSite() throws Exception {
    String text =
        parse(render(List.of(leak("com.acme.OrderTest#creates()", "OrderTest.java:42"))))
            .getDocumentElement()
            .getTextContent();
    assertTrue(text.contains("Suspected leaks (1)"), text);
    assertTrue(text.contains("L1  com.acme.OrderTest#creates(), held"), text);
    assertTrue(text.contains("borrowed at OrderTest.java:42"), text);
  }

  @Test
  void listsTheFirstFortyLeaksAndCountsTheRest() throws Exception {
    List<Leak> leaks = new ArrayList<>();
    for (int i = 1; i <= 45; i++) {
      leaks.add(leak("com.acme.ManyTest#leaks" + i + "()", "ManyTest.java:" + i));
    }
    String text = parse(render(leaks)).getDocumentElement().getTextContent();
    assertTrue(text.contains("L40  com.acme.ManyTest#leaks40()"), text);
    assertFalse(text.contains("L41 "), text);
    assertTrue(text.contains("and 5 more: see the build log"), text);
  }

  @Test
  void escapesMarkupInTestNamesAndBorrowSites() throws Exception {
    String owner = "com.acme.Repository<Order>Test#saves(\"A & B\")";
    String where = "Fixtures.lambda$order$0(Fixtures.java:7) <- Repository<Order>";
    String text = parse(render(List.of(leak(owner, where)))).getDocumentElement().getTextContent();
    assertTrue(text.contains(owner), text);
    assertTrue(text.contains(where), text);
  }
}
