package dev.poolguard.runtime.internal;

import dev.poolguard.runtime.PoolStats;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Draws the session picture as one self-contained SVG: connections in use over time against the
 * pool size, time-outs marked where they happened, each suspected leak as a bar from its borrow to
 * the moment it was found still out, then who held the connections at the peak and each leak (test,
 * borrow site, held for).
 */
final class TimelineSvg {
  private static final int WIDTH = 1000;
  private static final int LEFT = 60;
  private static final int CHART_WIDTH = WIDTH - LEFT - 50;
  private static final int CHART_TOP = 80;
  private static final int CHART_HEIGHT = 200;
  private static final int ROW = 16;

  /** The text report lists every leak; the picture shows the first ones. */
  private static final int LEAKS_LISTED = 40;

  private static final String INK = "#222";
  private static final String IN_USE = "#3b6fb6";
  private static final String TIMEOUT = "#c62828";
  private static final String LEAK = "#ef6c00";
  private static final String RESTORE = "#6a1b9a";

  private final StringBuilder svg = new StringBuilder();
  private final Duration length;
  private final int poolSize;
  private int y;

  private TimelineSvg(Duration length, int poolSize) {
    this.length = length.isZero() ? Duration.ofMillis(1) : length;
    this.poolSize = Math.max(poolSize, 1);
  }

  static String render(
      PoolSettings settings,
      PoolStats stats,
      List<Leak> leaks,
      Timeline.Snapshot timeline,
      Duration wallTime) {
    TimelineSvg picture = new TimelineSvg(timeline.length(), stats.maximumPoolSize());
    return picture.draw(settings, stats, leaks, timeline, wallTime);
  }

  private String draw(
      PoolSettings settings,
      PoolStats stats,
      List<Leak> leaks,
      Timeline.Snapshot timeline,
      Duration wallTime) {
    text(LEFT, 24, 16, "bold", INK, "PoolGuard session: " + settings.describeTarget());
    text(
        LEFT,
        44,
        12,
        "normal",
        INK,
        "pool " + stats.poolName() + ": " + SessionReport.figures(stats, wallTime));
    legend();
    axes();
    inUse(timeline);
    markers(timeline, leaks, timeline.peak());
    y = CHART_TOP + CHART_HEIGHT + 50;
    if (timeline.dropped() > 0) {
      row(12, "normal", INK, "the " + timeline.dropped() + " earliest events are not drawn");
    }
    peakHolders(timeline.peak());
    leakList(leaks);
    int height = y + ROW;
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
        + WIDTH
        + "\" height=\""
        + height
        + "\" viewBox=\"0 0 "
        + WIDTH
        + " "
        + height
        + "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
        + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        + svg
        + "</svg>\n";
  }

  private void legend() {
    int x = LEFT;
    int top = CHART_TOP - 18;
    line(x, top, x + 20, top, IN_USE, 2, "");
    text(x + 25, top + 4, 11, "normal", INK, "connections in use");
    x += 150;
    line(x, top, x + 20, top, INK, 1, "4 3");
    text(x + 25, top + 4, 11, "normal", INK, "pool size");
    x += 90;
    triangle(x + 6, top, TIMEOUT);
    text(x + 16, top + 4, 11, "normal", INK, "time-out");
    x += 80;
    line(x + 6, top - 6, x + 6, top + 2, RESTORE, 2, "");
    text(x + 12, top + 4, 11, "normal", INK, "session restored");
    x += 120;
    circle(x + 6, top, LEAK);
    text(
        x + 16,
        top + 4,
        11,
        "normal",
        INK,
        "suspected leak: borrowed until found still out (Ln below)");
  }

  private void axes() {
    int bottom = CHART_TOP + CHART_HEIGHT;
    line(LEFT, CHART_TOP, LEFT, bottom, INK, 1, "");
    line(LEFT, bottom, LEFT + CHART_WIDTH, bottom, INK, 1, "");
    line(LEFT, yOf(poolSize), LEFT + CHART_WIDTH, yOf(poolSize), INK, 1, "4 3");
    int step = Math.max(1, (poolSize + 4) / 5);
    for (int level = 0; level <= poolSize; level += step) {
      text(LEFT - 8, yOf(level) + 4, 11, "normal", INK, "end", String.valueOf(level));
    }
    double seconds = length.toNanos() / 1e9;
    double tick = niceTick(seconds / 8);
    for (double t = 0; t <= seconds + 1e-9; t += tick) {
      int x = xOf((long) (t * 1e9));
      line(x, bottom, x, bottom + 4, INK, 1, "");
      text(x, bottom + 16, 11, "normal", INK, "middle", String.format(Locale.ROOT, "%.3g s", t));
    }
    text(
        LEFT + CHART_WIDTH / 2,
        bottom + 32,
        11,
        "normal",
        INK,
        "middle",
        "time since the pool opened");
  }

  /** A step line: the level holds until the next event. */
  private void inUse(Timeline.Snapshot timeline) {
    StringBuilder path = new StringBuilder();
    int level = 0;
    long at = 0;
    if (!timeline.events().isEmpty() && timeline.dropped() > 0) {
      Timeline.Event first = timeline.events().get(0);
      at = first.at().toNanos();
      level = first.inUse();
    }
    path.append('M').append(xOf(at)).append(',').append(yOf(level));
    for (Timeline.Event event : timeline.events()) {
      int x = xOf(event.at().toNanos());
      path.append(" H").append(x).append(" V").append(yOf(event.inUse()));
    }
    path.append(" H").append(LEFT + CHART_WIDTH);
    svg.append("<path d=\"")
        .append(path)
        .append("\" fill=\"none\" stroke=\"")
        .append(IN_USE)
        .append("\" stroke-width=\"2\"/>\n");
  }

  private void markers(Timeline.Snapshot timeline, List<Leak> leaks, Timeline.Peak peak) {
    if (!peak.holders().isEmpty()) {
      int x = xOf(peak.at().toNanos());
      line(x, CHART_TOP, x, CHART_TOP + CHART_HEIGHT, INK, 1, "2 2");
      text(x + 4, CHART_TOP + 12, 11, "normal", INK, "start", "peak");
    }
    for (Timeline.Event event : timeline.events()) {
      if (event.kind() == Timeline.Kind.TIMEOUT) {
        triangle(xOf(event.at().toNanos()), yOf(poolSize) - 8, TIMEOUT);
      } else if (event.kind() == Timeline.Kind.RESTORE) {
        // On the axis: a session restored on return, whatever was in use then.
        line(
            xOf(event.at().toNanos()),
            yOf(0) - 6,
            xOf(event.at().toNanos()),
            yOf(0),
            RESTORE,
            2,
            "");
      }
    }
    long start = timeline.startNanos();
    for (int i = 0; i < Math.min(leaks.size(), LEAKS_LISTED); i++) {
      Leak leak = leaks.get(i);
      int from = xOf(leak.borrowedAtNanos() - start);
      int to = xOf(leak.noticedAtNanos() - start);
      int markY = CHART_TOP + CHART_HEIGHT - 10 - 14 * (i % 4);
      // From the borrow to the moment it was found still out: how long the leak had held it.
      line(from, markY, to, markY, LEAK, 2, "");
      circle(to, markY, LEAK);
      text(to + 7, markY + 4, 10, "normal", LEAK, "start", "L" + (i + 1));
    }
  }

  private void peakHolders(Timeline.Peak peak) {
    row(
        13,
        "bold",
        INK,
        "Holders at the peak ("
            + FailureMessages.count(peak.holders().size(), "connection", "connections")
            + " in use at "
            + FailureMessages.elapsed(peak.at())
            + ")");
    List<Timeline.Holder> longestFirst =
        peak.holders().stream()
            .sorted(Comparator.comparing(Timeline.Holder::heldFor).reversed())
            .toList();
    for (Timeline.Holder holder : longestFirst) {
      row(
          12,
          "normal",
          INK,
          holder.owner()
              + ", held "
              + FailureMessages.elapsed(holder.heldFor())
              + " then, thread '"
              + holder.thread()
              + "'");
      detail("at " + holder.where());
    }
    y += ROW / 2;
  }

  private void leakList(List<Leak> leaks) {
    row(13, "bold", INK, "Suspected leaks (" + leaks.size() + ")");
    if (leaks.isEmpty()) {
      row(12, "normal", INK, "none: every connection was returned before its test finished");
    }
    for (int i = 0; i < Math.min(leaks.size(), LEAKS_LISTED); i++) {
      Leak leak = leaks.get(i);
      row(
          12,
          "normal",
          LEAK,
          "L"
              + (i + 1)
              + "  "
              + leak.owner()
              + ", held "
              + FailureMessages.elapsed(leak.heldFor()));
      detail("borrowed at " + leak.where());
    }
    if (leaks.size() > LEAKS_LISTED) {
      row(12, "normal", INK, "and " + (leaks.size() - LEAKS_LISTED) + " more: see the build log");
    }
  }

  /** A smaller, indented line under the row it belongs to. */
  private void detail(String content) {
    text(LEFT + 18, y, 11, "normal", "#555", content);
    y += ROW;
  }

  private void row(int size, String weight, String color, String content) {
    text(LEFT, y, size, weight, color, content);
    y += ROW + (size > 12 ? 4 : 0);
  }

  private int xOf(long nanos) {
    double share = Math.max(0, Math.min(1, (double) nanos / length.toNanos()));
    return LEFT + (int) Math.round(share * CHART_WIDTH);
  }

  private int yOf(int level) {
    return CHART_TOP
        + CHART_HEIGHT
        - (int) Math.round((double) level / poolSize * (CHART_HEIGHT - 20));
  }

  /** 1, 2 or 5 times a power of ten: readable axis labels. */
  private static double niceTick(double rough) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(rough, 1e-3))));
    double normalized = rough / magnitude;
    double nice = normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10;
    return nice * magnitude;
  }

  private void text(int x, int textY, int size, String weight, String color, String content) {
    text(x, textY, size, weight, color, "start", content);
  }

  private void text(
      int x, int textY, int size, String weight, String color, String anchor, String content) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"%d\" font-weight=\"%s\" fill=\"%s\" text-anchor=\"%s\">%s</text>%n",
            x,
            textY,
            size,
            weight,
            color,
            anchor,
            escape(content)));
  }

  private void line(int x1, int y1, int x2, int y2, String color, int width, String dashes) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"%d\"%s/>%n",
            x1,
            y1,
            x2,
            y2,
            color,
            width,
            dashes.isEmpty() ? "" : " stroke-dasharray=\"" + dashes + "\""));
  }

  private void triangle(int x, int tipY, String color) {
    svg.append(
        String.format(
            Locale.ROOT, "<path d=\"M%d,%d l-5,-9 h10 z\" fill=\"%s\"/>%n", x, tipY + 4, color));
  }

  private void circle(int x, int cy, String color) {
    svg.append(
        String.format(
            Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"%s\"/>%n", x, cy, color));
  }

  /**
   * Test names and stack frames may hold {@code <}, {@code &} (generics, lambdas, display names).
   */
  private static String escape(String content) {
    StringBuilder out = new StringBuilder(content.length());
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> {
          if (c >= 0x20 || c == '\t') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
