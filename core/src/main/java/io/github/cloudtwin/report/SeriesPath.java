package io.github.cloudtwin.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A series as SVG path data in pixels: lines, steps or period plateaus (with gaps for missing
 * periods), downsampled per pixel column so a week of minutes costs a few points per pixel. Each
 * column keeps its first, lowest, highest and last point, in their order, so every extreme stays
 * visible and the line leaves each column where the data does. Stateless.
 */
final class SeriesPath {

  private SeriesPath() {}

  /** The path data of {@code s} from 0 to {@code endMs}; empty when nothing is drawn. */
  static String of(Series s, DoubleUnaryOperator x, DoubleUnaryOperator y, double endMs) {
    List<double[]> runs = new ArrayList<>(); // each run: x0, y0, x1, y1, ...
    List<Point> pts = s.points();
    if (pts.isEmpty()) return "";
    if (s.shape() instanceof Series.Shape.Periods p) {
      double period = p.period().toMillis();
      Run run = null;
      double lastEnd = Double.NaN;
      for (Point pt : pts) {
        double t = pt.offset().toMillis();
        if (t >= endMs) break;
        double t1 = Math.min(endMs, t + period);
        if (run == null || t != lastEnd) {
          if (run != null) runs.add(run.done());
          run = new Run();
        }
        double py = y.applyAsDouble(pt.value());
        run.add(x.applyAsDouble(t), py);
        run.add(x.applyAsDouble(t1), py);
        lastEnd = t + period;
      }
      if (run != null) runs.add(run.done());
    } else {
      boolean steps = s.shape() instanceof Series.Shape.Steps;
      Run run = new Run();
      double prevY = Double.NaN;
      for (Point pt : pts) {
        double t = Math.min(endMs, pt.offset().toMillis());
        double px = x.applyAsDouble(t);
        double py = y.applyAsDouble(pt.value());
        if (steps && !Double.isNaN(prevY)) run.add(px, prevY);
        run.add(px, py);
        prevY = py;
      }
      if (steps && pts.get(pts.size() - 1).offset().toMillis() < endMs)
        run.add(x.applyAsDouble(endMs), prevY);
      runs.add(run.done());
    }
    StringBuilder d = new StringBuilder();
    for (double[] r : runs) {
      for (int i = 0; i < r.length; i += 2) {
        if (d.length() > 0) d.append(' ');
        d.append(i == 0 ? 'M' : 'L').append(Xml.num(r[i])).append(',').append(Xml.num(r[i + 1]));
      }
    }
    return d.toString();
  }

  /** A connected run of points being downsampled column by column. */
  private static final class Run {
    private final List<Double> out = new ArrayList<>();
    private long column = Long.MIN_VALUE;
    private final double[] first = new double[2];
    private final double[] low = new double[2];
    private final double[] high = new double[2];
    private final double[] last = new double[2];
    private int firstIdx;
    private int lowIdx;
    private int highIdx;
    private int idx;
    private boolean any;

    void add(double px, double py) {
      long col = (long) Math.floor(px);
      if (!any || col != column) {
        flush();
        column = col;
        any = true;
        set(first, px, py);
        set(low, px, py);
        set(high, px, py);
        firstIdx = lowIdx = highIdx = idx;
      } else {
        if (py < low[1]) {
          set(low, px, py);
          lowIdx = idx;
        }
        if (py > high[1]) {
          set(high, px, py);
          highIdx = idx;
        }
      }
      set(last, px, py);
      idx++;
    }

    private static void set(double[] p, double px, double py) {
      p[0] = px;
      p[1] = py;
    }

    private void flush() {
      if (!any) return;
      emit(first);
      // the extremes in the order they happened
      if (lowIdx <= highIdx) {
        if (lowIdx != firstIdx) emit(low);
        if (highIdx != firstIdx && highIdx != lowIdx) emit(high);
      } else {
        if (highIdx != firstIdx) emit(high);
        if (lowIdx != firstIdx) emit(low);
      }
      emit(last);
    }

    private void emit(double[] p) {
      int n = out.size();
      if (n >= 2 && out.get(n - 2) == p[0] && out.get(n - 1) == p[1]) return;
      out.add(p[0]);
      out.add(p[1]);
    }

    double[] done() {
      flush();
      any = false;
      double[] r = new double[out.size()];
      for (int i = 0; i < r.length; i++) r[i] = out.get(i);
      return r;
    }
  }
}
