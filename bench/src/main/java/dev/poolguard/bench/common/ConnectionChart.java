package dev.poolguard.bench.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws server connections over time per mode as an SVG (no libraries): one line per mode from its
 * {@code samples-<mode>.csv}, the connection limit and the pool size as dashed references, and each
 * mode's figures in the legend. The runtime and Spring benchmarks draw their charts with it.
 */
public final class ConnectionChart {
  private static final String[] COLOURS = {
    "#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"
  };

  private ConnectionChart() {}

  /**
   * Writes {@code svg} from the modes' figures and the samples files in {@code samples}: one colour
   * per mode, in the modes' order.
   */
  public static void draw(
      List<ModeResult> modes, Path samples, Path svg, int limit, int poolSize, String title)
      throws IOException {
    if (modes.size() > COLOURS.length) {
      throw new IllegalArgumentException(
          "the chart has colours for " + COLOURS.length + " modes, not " + modes.size());
    }
    Map<ModeResult, List<double[]>> series = new LinkedHashMap<>();
    double maxT = 1;
    int maxN = limit + 2;
    for (ModeResult result : modes) {
      String mode = result.mode();
      List<double[]> points = new ArrayList<>();
      for (String line : Files.readAllLines(samples.resolve("samples-" + mode + ".csv"))) {
        if (line.startsWith("ms")) {
          continue;
        }
        int comma = line.indexOf(',');
        double t = Long.parseLong(line.substring(0, comma)) / 1000.0;
        int n = Integer.parseInt(line.substring(comma + 1));
        points.add(new double[] {t, n});
        maxT = Math.max(maxT, t);
        maxN = Math.max(maxN, n);
      }
      series.put(result, points);
    }
    maxT = niceCeil(maxT);
    maxN = (int) niceCeil(maxN);

    int w = 900, h = 420, left = 60, right = 230, top = 40, bottom = 50;
    double pw = w - left - right, ph = h - top - bottom;
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
            w,
            h,
            w,
            h));
    text.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    text.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
            left,
            esc(title)));
    // axes and grid
    int yStep = maxN <= 25 ? 5 : 10;
    for (int n = 0; n <= maxN; n += yStep) {
      double y = top + ph - n / (double) maxN * ph;
      text.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>%n",
              left,
              y,
              left + pw,
              y));
      text.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>%n",
              left - 6,
              y + 4,
              n));
    }
    double xStep = niceStep(maxT);
    for (double t = 0; t <= maxT + 1e-9; t += xStep) {
      double x = left + t / maxT * pw;
      text.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>%n",
              x,
              top,
              x,
              top + ph));
      text.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
              x,
              top + ph + 16,
              trim(t)));
    }
    text.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#333\"/>%n",
            left,
            top,
            pw,
            ph));
    text.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">seconds since the mode started</text>%n",
            left + pw / 2,
            h - 10));
    text.append(
        String.format(
            Locale.ROOT,
            "<text x=\"16\" y=\"%.1f\" transform=\"rotate(-90 16 %.1f)\" text-anchor=\"middle\">server connections (pg_stat_activity)</text>%n",
            top + ph / 2,
            top + ph / 2));
    // reference lines
    for (int[] ref : new int[][] {{limit, 0}, {poolSize, 1}}) {
      double y = top + ph - ref[0] / (double) maxN * ph;
      text.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#555\" stroke-dasharray=\"6 4\"/>%n",
              left,
              y,
              left + pw,
              y));
      text.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" fill=\"#555\" text-anchor=\"end\">%s</text>%n",
              left + pw - 4,
              y - 4,
              ref[1] == 0 ? "CONNECTION LIMIT " + limit : "pool size " + poolSize));
    }
    // series and legend
    int i = 0;
    for (Map.Entry<ModeResult, List<double[]>> e : series.entrySet()) {
      StringBuilder pts = new StringBuilder();
      for (double[] p : e.getValue()) {
        pts.append(
            String.format(
                Locale.ROOT, "%.1f,%.1f ", left + p[0] / maxT * pw, top + ph - p[1] / maxN * ph));
      }
      text.append(
          String.format(
              Locale.ROOT,
              "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.8\" points=\"%s\"/>%n",
              COLOURS[i],
              pts.toString().trim()));
      ModeResult f = e.getKey();
      double ly = top + 14 + i * 44;
      text.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"3\"/>%n",
              left + pw + 14,
              ly - 4,
              left + pw + 34,
              ly - 4,
              COLOURS[i]));
      text.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" font-weight=\"bold\">%s</text>%n",
              left + pw + 40,
              ly,
              esc(f.mode())));
      text.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\">%.2f s, peak %d, %s</text>%n",
              left + pw + 40,
              ly + 16,
              f.seconds(),
              f.peak(),
              f.verdict()));
      i++;
    }
    text.append("</svg>\n");
    Files.writeString(svg, text);
  }

  private static double niceCeil(double v) {
    double step = niceStep(v);
    return Math.ceil(v / step) * step;
  }

  private static double niceStep(double v) {
    double raw = v / 8;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (raw <= m * mag) {
        return m * mag;
      }
    }
    return 10 * mag;
  }

  private static String trim(double t) {
    return t == Math.rint(t) ? Long.toString((long) t) : String.format(Locale.ROOT, "%.1f", t);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
