package dev.poolguard.checks.leaks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

final class IndentationTest {
  @Test
  void theIndentationIsTheWhitespaceThatStartsTheLineOfThePosition() {
    String source = "class A {\n    void m() {\n  \tint x;\n}";
    assertEquals("  \t", Indentation.of(source, source.indexOf("x;")));
  }

  @Test
  void aPositionOnTheFirstLineHasThatLinesIndentation() {
    assertEquals("  ", Indentation.of("  int x;", 4));
  }

  @Test
  void aLineWithoutLeadingWhitespaceHasNoIndentation() {
    String source = "a\nint x;";
    assertEquals("", Indentation.of(source, source.indexOf('x')));
  }

  @Test
  void deeperIndentsEveryLineAfterALineBreakByOneStep() {
    assertEquals("a\n  b\r\n  c", Indentation.deeper("a\nb\r\nc"));
  }

  @Test
  void deeperLeavesBlankLinesAndATrailingLineBreakAlone() {
    assertEquals("a\n\n  b\n", Indentation.deeper("a\n\nb\n"));
  }
}
