package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the mode lines and the samples, prints the ratio line, and draws connections over time per mode
 * as an SVG (no libraries). Arguments: results file, samples directory, SVG file, connection limit, pool
 * size, title. The modes are those of the results file, in its order (scripts/bench-spring draws its
 * three with this class too); the ratio line is the runtime benchmark's.
 */
public final class Chart {
  private static final String[] COLOURS = {"#d62728", "#1f77b4", "#2ca02c", "#ff7f0e"};
  private static final Pattern LINE = Pattern.compile("mode=(\\S+) seconds=(\\S+) peak=(\\d+) result=(.*)");

  public static void main(String[] args) throws Exception {
    Map<String, double[]> figures = new LinkedHashMap<>();
    Map<String, String> results = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        figures.put(m.group(1), new double[] {Double.parseDouble(m.group(2)), Integer.parseInt(m.group(3))});
        results.put(m.group(1), m.group(4));
      }
    }
    if (figures.containsKey("per-class")) {
      double perClass = figures.get("per-class")[0];
      System.out.printf(
          Locale.ROOT,
          "shared-parallel/per-class=%.2f shared/per-class=%.2f%n",
          figures.get("shared-parallel")[0] / perClass,
          figures.get("shared")[0] / perClass);
    }

    Path samples = Path.of(args[1]);
    int limit = Integer.parseInt(args[3]);
    int poolSize = Integer.parseInt(args[4]);
    String title = args[5];
    Map<String, List<double[]>> series = new LinkedHashMap<>();
    double maxT = 1;
    int maxN = limit + 2;
    for (String mode : figures.keySet()) {
      List<double[]> points = new ArrayList<>();
      for (String line : Files.readAllLines(samples.resolve("samples-" + mode + ".csv"))) {
        if (line.startsWith("ms")) {
          continue;
        }
        String[] parts = line.split(",");
        double t = Long.parseLong(parts[0]) / 1000.0;
        int n = Integer.parseInt(parts[1]);
        points.add(new double[] {t, n});
        maxT = Math.max(maxT, t);
        maxN = Math.max(maxN, n);
      }
      series.put(mode, points);
    }
    maxT = niceCeil(maxT);
    maxN = (int) niceCeil(maxN);

    int w = 900, h = 420, left = 60, right = 230, top = 40, bottom = 50;
    double pw = w - left - right, ph = h - top - bottom;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
        w, h, w, h));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", left, esc(title)));
    // axes and grid
    int yStep = maxN <= 25 ? 5 : 10;
    for (int n = 0; n <= maxN; n += yStep) {
      double y = top + ph - n / (double) maxN * ph;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>%n", left, y, left + pw, y));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>%n", left - 6, y + 4, n));
    }
    double xStep = niceStep(maxT);
    for (double t = 0; t <= maxT + 1e-9; t += xStep) {
      double x = left + t / maxT * pw;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>%n", x, top, x, top + ph));
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n", x, top + ph + 16, trim(t)));
    }
    svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#333\"/>%n", left, top, pw, ph));
    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">seconds since the mode started</text>%n", left + pw / 2, h - 10));
    svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" transform=\"rotate(-90 16 %.1f)\" text-anchor=\"middle\">server connections (pg_stat_activity)</text>%n", top + ph / 2, top + ph / 2));
    // reference lines
    for (int[] ref : new int[][] {{limit, 0}, {poolSize, 1}}) {
      double y = top + ph - ref[0] / (double) maxN * ph;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#555\" stroke-dasharray=\"6 4\"/>%n", left, y, left + pw, y));
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#555\" text-anchor=\"end\">%s</text>%n",
          left + pw - 4, y - 4, ref[1] == 0 ? "CONNECTION LIMIT " + limit : "pool size " + poolSize));
    }
    // series and legend
    int i = 0;
    for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
      StringBuilder pts = new StringBuilder();
      for (double[] p : e.getValue()) {
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + p[0] / maxT * pw, top + ph - p[1] / maxN * ph));
      }
      svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.8\" points=\"%s\"/>%n", COLOURS[i], pts.toString().trim()));
      double[] f = figures.get(e.getKey());
      String res = results.get(e.getKey());
      double ly = top + 14 + i * 44;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"3\"/>%n", left + pw + 14, ly - 4, left + pw + 34, ly - 4, COLOURS[i]));
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-weight=\"bold\">%s</text>%n", left + pw + 40, ly, esc(e.getKey())));
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%.2f s, peak %d, %s</text>%n", left + pw + 40, ly + 16, f[0], (int) f[1], res.startsWith("passed, at the edge") ? "passed at the edge" : res.startsWith("passed") ? "passed" : "failed"));
      i++;
    }
    svg.append("</svg>\n");
    Files.writeString(Path.of(args[2]), svg);
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
