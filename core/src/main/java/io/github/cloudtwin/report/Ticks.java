package io.github.cloudtwin.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Axis ticks: virtual-time steps people count in (10 s, 30 s, 1, 5, 10, 15, 30 minutes, hours,
 * days) and "nice" value steps (1, 2, 2.5 or 5 times a power of ten). Stateless.
 */
final class Ticks {

  private static final long[] TIME_STEPS_MS = {
    1_000,
    5_000,
    10_000,
    30_000,
    60_000,
    2 * 60_000,
    5 * 60_000,
    10 * 60_000,
    15 * 60_000,
    30 * 60_000,
    3_600_000,
    2 * 3_600_000,
    3 * 3_600_000,
    6 * 3_600_000,
    12 * 3_600_000,
    86_400_000,
    2 * 86_400_000L,
    7 * 86_400_000L
  };

  private Ticks() {}

  /**
   * The time step for an axis of {@code spanMs} drawn {@code widthPx} wide: the smallest step from
   * the list that leaves at least {@code minGapPx} between ticks.
   */
  static long timeStep(double spanMs, double widthPx, double minGapPx) {
    for (long step : TIME_STEPS_MS) {
      if (spanMs / step * minGapPx <= widthPx) return step;
    }
    long week = TIME_STEPS_MS[TIME_STEPS_MS.length - 1];
    long n = (long) Math.ceil(spanMs * minGapPx / widthPx / week);
    return week * Math.max(1, n);
  }

  /**
   * A tick label for offset {@code ms} when ticks are {@code stepMs} apart: h:mm, h:mm:ss, or Nd
   * hh:mm.
   */
  static String time(long ms, long stepMs, double spanMs) {
    long s = ms / 1000;
    long days = s / 86_400;
    long h = (s / 3600) % 24;
    long m = (s / 60) % 60;
    long sec = s % 60;
    if (spanMs >= 2 * 86_400_000d) {
      return stepMs >= 86_400_000
          ? "day " + days
          : String.format(Locale.ROOT, "%dd %02d:%02d", days, h, m);
    }
    long hours = s / 3600;
    if (stepMs < 60_000) return String.format(Locale.ROOT, "%d:%02d:%02d", hours, m, sec);
    return String.format(Locale.ROOT, "%d:%02d", hours, m);
  }

  /** The time axis' caption for a span. */
  static String timeCaption(double spanMs, long stepMs) {
    if (spanMs >= 2 * 86_400_000d) return "virtual time since t0 (days, hh:mm)";
    return stepMs < 60_000 ? "virtual time since t0 (h:mm:ss)" : "virtual time since t0 (h:mm)";
  }

  /**
   * A nice value axis: ticks from {@code lo} to at least {@code max}, about {@code target} of them.
   */
  record Scale(double lo, double hi, double step) {
    List<Double> ticks() {
      List<Double> out = new ArrayList<>();
      long n = Math.round((hi - lo) / step);
      for (long i = 0; i <= n; i++) out.add(lo + i * step);
      return out;
    }
  }

  /**
   * A scale covering {@code [min, max]} with about {@code target} nice steps; {@code integral}
   * keeps steps whole (counts).
   */
  static Scale values(double min, double max, int target, boolean integral) {
    if (!(max > min)) max = min + 1;
    double raw = (max - min) / Math.max(1, target);
    double step = nice(raw);
    if (integral) step = Math.max(1, Math.ceil(step));
    double lo = Math.floor(min / step) * step;
    double hi = Math.ceil(max / step) * step;
    if (hi <= lo) hi = lo + step;
    return new Scale(lo, hi, step);
  }

  private static double nice(double raw) {
    double exp = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / exp;
    double n = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
    return n * exp;
  }

  /** A value label at the precision the step needs: 1,200 / 0.25 / 15k / 2.5M. */
  static String value(double v, double step) {
    double a = Math.abs(v);
    if (a >= 1_000_000 && step >= 100_000) return trim(v / 1_000_000, step / 1_000_000) + "M";
    if (a >= 10_000 && step >= 1000) return trim(v / 1000, step / 1000) + "k";
    return trim(v, step);
  }

  private static String trim(double v, double step) {
    int decimals = 0;
    double s = step;
    while (decimals < 6 && Math.abs(s - Math.rint(s)) > 1e-9 * Math.max(1, Math.abs(s))) {
      s *= 10;
      decimals++;
    }
    return String.format(Locale.ROOT, "%,." + decimals + "f", v + 0.0);
  }
}
