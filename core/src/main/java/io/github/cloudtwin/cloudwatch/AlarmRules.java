package io.github.cloudtwin.cloudwatch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The alarm evaluation rules of aws-behaviour.md section 3.3, as a pure function of the evaluation
 * range: M out of N, the four missing-data treatments and the premature-alarm guard. Stateless.
 */
final class AlarmRules {

  private static final DateTimeFormatter REASON_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private AlarmRules() {}

  /**
   * The outcome of one evaluation; {@code state} null means "keep the current state". The reason is
   * formatted only when someone reads it (on a transition), not on every evaluation.
   */
  record Outcome(
      @Nullable AlarmState state,
      java.util.function.Supplier<String> reasonText,
      List<Integer> used,
      int evaluated) {
    Outcome(@Nullable AlarmState state, java.util.function.Supplier<String> reasonText) {
      this(state, reasonText, List.of(), 0);
    }

    String reason() {
      return reasonText.get();
    }
  }

  /**
   * Evaluates a range of datapoints.
   *
   * @param values the range's datapoints, oldest first; NaN = missing
   * @param stamps the start of each datapoint's period
   * @param lowSample per datapoint: a percentile with too few samples under {@code ignore}
   */
  static Outcome evaluate(
      MetricAlarmSpec spec, double[] values, Instant[] stamps, boolean[] lowSample) {
    int n = spec.evaluationPeriods();
    int m = spec.datapointsToAlarm();
    int range = values.length;
    ComparisonOperator op = spec.comparisonOperator();
    double threshold = spec.threshold();

    // EvaluateLowSampleCountPercentile=ignore: a low-sample point in the newest N keeps the state.
    for (int i = range - n; i < range; i++) {
      if (lowSample[i]) {
        return new Outcome(null, () -> "Too few samples to evaluate the percentile; state kept.");
      }
    }

    int real = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) real++;
    }

    if (real >= n) {
      // newest N real points, newest first
      List<Integer> picked = new ArrayList<>();
      for (int i = range - 1; i >= 0 && picked.size() < n; i--) {
        if (!Double.isNaN(values[i])) picked.add(i);
      }
      return decide(spec, values, stamps, picked, 0, 0);
    }

    TreatMissingData t = spec.treatMissingData();
    if (real == 0) {
      switch (t) {
        case missing:
          // AWS counts the N evaluated periods, not the wider range the twin fetched
          return new Outcome(
              AlarmState.INSUFFICIENT_DATA,
              () ->
                  "Insufficient Data: "
                      + n
                      + " datapoint"
                      + (n == 1 ? " was" : "s were")
                      + " unknown.",
              List.of(),
              n);
        case ignore:
          return new Outcome(
              null,
              () ->
                  "All " + range + " datapoints missing; treatMissingData=ignore keeps the state.");
        case breaching:
          return decide(spec, values, stamps, List.of(), n, 0);
        default:
          return decide(spec, values, stamps, List.of(), 0, n);
      }
    }

    List<Integer> realPoints = new ArrayList<>();
    for (int i = range - 1; i >= 0; i--) {
      if (!Double.isNaN(values[i])) realPoints.add(i);
    }
    int fills = n - real;
    switch (t) {
      case breaching:
        return decide(spec, values, stamps, realPoints, fills, 0);
      case notBreaching:
        return decide(spec, values, stamps, realPoints, 0, fills);
      default:
        // The premature-alarm guard only matters when the real points cannot reach M on their own.
        if (real < m && prematureGuardHolds(values, range, n, m, op, threshold)) {
          if (t == TreatMissingData.ignore) {
            return new Outcome(
                null,
                () ->
                    "Breaching datapoint followed by missing data; treatMissingData=ignore keeps the state.");
          }
          List<Integer> breaching = new ArrayList<>();
          for (int i : realPoints) {
            if (i >= range - n && op.breaches(values[i], threshold)) breaching.add(i);
          }
          return new Outcome(
              AlarmState.ALARM,
              () ->
                  "Threshold Crossed: "
                      + describe(breaching, values, stamps)
                      + " "
                      + (breaching.size() == 1 ? "was " : "were ")
                      + op.words()
                      + " the threshold ("
                      + fmt(threshold)
                      + ") and the newer datapoints are missing"
                      + minimum(spec, m, "OK -> ALARM")
                      + ".",
              breaching,
              m);
        }
        return decide(spec, values, stamps, realPoints, 0, 0);
    }
  }

  /**
   * The state {@link #evaluate} decides for the first {@code range} entries of {@code values} and
   * {@code lowSample}, without its reason or its lists: null = keep the current state. The
   * per-minute path asks this and builds the full outcome only when the state changes. Allocates
   * nothing.
   */
  static @Nullable AlarmState state(
      MetricAlarmSpec spec, double[] values, boolean[] lowSample, int range) {
    int n = spec.evaluationPeriods();
    int m = spec.datapointsToAlarm();
    ComparisonOperator op = spec.comparisonOperator();
    double threshold = spec.threshold();
    for (int i = range - n; i < range; i++) {
      if (lowSample[i]) return null;
    }
    int real = 0;
    for (int i = 0; i < range; i++) {
      if (!Double.isNaN(values[i])) real++;
    }
    if (real >= n) {
      // the newest N real points
      int b = 0;
      int picked = 0;
      for (int i = range - 1; i >= 0 && picked < n; i--) {
        double v = values[i];
        if (!Double.isNaN(v)) {
          picked++;
          if (op.breaches(v, threshold)) b++;
        }
      }
      return decided(b, n, m);
    }
    TreatMissingData t = spec.treatMissingData();
    if (real == 0) {
      switch (t) {
        case missing:
          return AlarmState.INSUFFICIENT_DATA;
        case ignore:
          return null;
        case breaching:
          return decided(n, n, m);
        default:
          return decided(0, n, m);
      }
    }
    int b = 0;
    for (int i = 0; i < range; i++) {
      double v = values[i];
      if (!Double.isNaN(v) && op.breaches(v, threshold)) b++;
    }
    int fills = n - real;
    switch (t) {
      case breaching:
        return decided(b + fills, real + fills, m);
      case notBreaching:
        return decided(b, real + fills, m);
      default:
        if (real < m && prematureGuardHolds(values, range, n, m, op, threshold)) {
          return t == TreatMissingData.ignore ? null : AlarmState.ALARM;
        }
        return decided(b, real, m);
    }
  }

  /** {@link #decide}'s state for {@code b} breaching of {@code total} points (fills included). */
  private static @Nullable AlarmState decided(int b, int total, int m) {
    if (b >= m) return AlarmState.ALARM;
    return total - b == 0 ? null : AlarmState.OK;
  }

  /**
   * The oldest breaching point among the newest N buckets is at least M points old (1 = newest),
   * and everything newer is breaching or missing.
   */
  private static boolean prematureGuardHolds(
      double[] values, int range, int n, int m, ComparisonOperator op, double threshold) {
    int oldestBreachAge = 0;
    for (int age = 1; age <= n; age++) {
      double v = values[range - age];
      if (!Double.isNaN(v) && op.breaches(v, threshold)) oldestBreachAge = age;
    }
    if (oldestBreachAge < m) {
      return false;
    }
    for (int age = 1; age < oldestBreachAge; age++) {
      double v = values[range - age];
      if (!Double.isNaN(v) && !op.breaches(v, threshold)) return false;
    }
    return true;
  }

  private static Outcome decide(
      MetricAlarmSpec spec,
      double[] values,
      Instant[] stamps,
      List<Integer> points,
      int breachingFills,
      int okFills) {
    ComparisonOperator op = spec.comparisonOperator();
    double threshold = spec.threshold();
    int n = spec.evaluationPeriods();
    int m = spec.datapointsToAlarm();
    List<Integer> breaching = new ArrayList<>();
    List<Integer> fine = new ArrayList<>();
    for (int i : points) {
      if (op.breaches(values[i], threshold)) breaching.add(i);
      else fine.add(i);
    }
    int b = breaching.size() + breachingFills;
    int total = points.size() + breachingFills + okFills;
    int real = points.size();
    if (b >= m) {
      return new Outcome(
          AlarmState.ALARM,
          () ->
              breachingFills > 0
                  // the missing datapoints made the case: AWS names what was received, not the
                  // values
                  ? "Threshold Crossed: "
                      + received(real, n)
                      + " and "
                      + treated(breachingFills, "Breaching")
                      + "."
                  : "Threshold Crossed: "
                      + countPhrase(spec, breaching.size(), total)
                      + " "
                      + describe(breaching, values, stamps)
                      + " "
                      + (breaching.size() == 1 ? "was " : "were ")
                      + op.words()
                      + " the threshold ("
                      + fmt(threshold)
                      + ")"
                      + (okFills > 0 ? " and " + treated(okFills, "NonBreaching") : "")
                      + minimum(spec, m, "OK -> ALARM")
                      + ".",
          points,
          m);
    }
    int ok = total - b;
    if (ok == 0) {
      // Only breaching datapoints, fewer than M (the rest missing, under missing or ignore):
      // neither ALARM nor OK is justified, so the state stays.
      return new Outcome(
          null,
          () ->
              (total == 1 ? b + " datapoint" : b + " out of the last " + total + " datapoints")
                  + " "
                  + describe(breaching, values, stamps)
                  + " "
                  + (b == 1 ? "was " : "were ")
                  + op.words()
                  + " the threshold ("
                  + fmt(threshold)
                  + "), fewer than the "
                  + m
                  + " needed for ALARM, and no datapoint was not; state kept.");
    }
    // With the whole range (total = N) a non-ALARM outcome has at least N - M + 1 non-breaching
    // datapoints; with fewer real datapoints (missing data) at least one, as AWS's missing-data
    // table shows ("- - - - 0" with M = 2 goes OK). The minimum printed is the one that applied.
    int minimumOk = Math.max(1, total - m + 1);
    return new Outcome(
        AlarmState.OK,
        () ->
            okFills > 0
                ? "Threshold Crossed: "
                    + received(real, n)
                    + " and "
                    + treated(okFills, "NonBreaching")
                    + "."
                : "Threshold Crossed: "
                    + countPhrase(spec, fine.size(), total)
                    + " "
                    + describe(fine, values, stamps)
                    + " "
                    + (fine.size() == 1 ? "was not " : "were not ")
                    + op.words()
                    + " the threshold ("
                    + fmt(threshold)
                    + ")"
                    + (breachingFills > 0 ? " and " + treated(breachingFills, "Breaching") : "")
                    + minimum(spec, minimumOk, "ALARM -> OK")
                    + ".",
        points,
        minimumOk);
  }

  /**
   * AWS's count: {@code 3 out of the last 3 datapoints} when DatapointsToAlarm was given, {@code 3
   * datapoints} (or {@code 1 datapoint}) when it was not.
   */
  private static String countPhrase(MetricAlarmSpec spec, int count, int total) {
    if (spec.datapointsToAlarmSet()) {
      return count + " out of the last " + total + " datapoints";
    }
    return count + " datapoint" + (count == 1 ? "" : "s");
  }

  /**
   * {@code " (minimum 2 datapoints for OK -> ALARM transition)"}, only when DatapointsToAlarm was
   * given.
   */
  private static String minimum(MetricAlarmSpec spec, int minimum, String transition) {
    if (!spec.datapointsToAlarmSet()) {
      return "";
    }
    return " (minimum "
        + minimum
        + " datapoint"
        + (minimum == 1 ? "" : "s")
        + " for "
        + transition
        + " transition)";
  }

  /**
   * {@code no datapoints were received for 2 periods}, {@code 1 datapoint was received for 3
   * periods}.
   */
  private static String received(int real, int n) {
    String periods = n + " period" + (n == 1 ? "" : "s");
    if (real == 0) {
      return "no datapoints were received for " + periods;
    }
    return real + " datapoint" + (real == 1 ? " was" : "s were") + " received for " + periods;
  }

  /** {@code 2 missing datapoints were treated as [Breaching]}. */
  private static String treated(int fills, String as) {
    return fills
        + " missing datapoint"
        + (fills == 1 ? " was" : "s were")
        + " treated as ["
        + as
        + "]";
  }

  /** AWS lists the datapoints newest first: {@code [90.0 (01/01/26 00:05:00), ...]}. */
  private static String describe(List<Integer> idx, double[] values, Instant[] stamps) {
    StringBuilder sb = new StringBuilder("[");
    for (int k = 0; k < idx.size(); k++) {
      int i = idx.get(k);
      if (k > 0) sb.append(", ");
      sb.append(fmt(values[i])).append(" (").append(REASON_TIME.format(stamps[i])).append(')');
    }
    return sb.append(']').toString();
  }

  /** AWS prints values as Java does, at full precision: {@code 70.0}, {@code 5.535714886726143}. */
  static String fmt(double v) {
    return StateReasonData.number(v);
  }
}
