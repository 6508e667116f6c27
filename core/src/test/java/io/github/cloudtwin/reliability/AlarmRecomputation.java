package io.github.cloudtwin.reliability;

import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.TreatMissingData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * An independent re-implementation of the alarm rules of aws-behaviour.md 3.3 (and the decisions
 * written in docs/cloudwatch.md), used to check the evaluator: it re-reads the raw datapoints of an
 * alarm's last evaluation range through {@link CloudWatch#statistic} and decides the state again.
 * Supports the plain statistics (no percentiles).
 */
final class AlarmRecomputation {

  private AlarmRecomputation() {}

  /** The datapoints of the range ending at {@code at}, oldest first; NaN = missing. */
  static List<Double> datapoints(CloudWatch cw, MetricAlarmSpec spec, Instant at) {
    Duration p = spec.period();
    int range = spec.evaluationRange();
    List<Double> out = new ArrayList<>(range);
    for (int k = range; k >= 1; k--) {
      Instant from = at.minus(p.multipliedBy(k));
      OptionalDouble v = cw.statistic(spec.metric(), from, from.plus(p), spec.statistic());
      out.add(v.isPresent() ? v.getAsDouble() : Double.NaN);
    }
    return out;
  }

  static boolean breaches(ComparisonOperator op, double v, double threshold) {
    switch (op) {
      case GreaterThanOrEqualToThreshold:
        return v >= threshold;
      case GreaterThanThreshold:
        return v > threshold;
      case LessThanThreshold:
        return v < threshold;
      case LessThanOrEqualToThreshold:
        return v <= threshold;
      default:
        throw new AssertionError(op);
    }
  }

  /**
   * The state the rules give for {@code points} (oldest first), or null when they keep the current
   * state ({@code ignore}).
   */
  static AlarmState decide(MetricAlarmSpec spec, List<Double> points) {
    int n = spec.evaluationPeriods();
    int m = spec.datapointsToAlarm();
    TreatMissingData t = spec.treatMissingData();
    List<Boolean> real = new ArrayList<>(); // breaching flags of the real points, oldest first
    for (double v : points) {
      if (!Double.isNaN(v)) real.add(breaches(spec.comparisonOperator(), v, spec.threshold()));
    }
    if (real.size() >= n) {
      int bad = 0;
      for (boolean b : real.subList(real.size() - n, real.size())) if (b) bad++;
      return bad >= m ? AlarmState.ALARM : AlarmState.OK;
    }
    if (real.isEmpty()) {
      switch (t) {
        case missing:
          return AlarmState.INSUFFICIENT_DATA;
        case breaching:
          return AlarmState.ALARM;
        case notBreaching:
          return AlarmState.OK;
        default:
          return null;
      }
    }
    int bad = 0;
    for (boolean b : real) if (b) bad++;
    if (t == TreatMissingData.breaching) bad += n - real.size();
    if (t == TreatMissingData.breaching || t == TreatMissingData.notBreaching) {
      return bad >= m ? AlarmState.ALARM : AlarmState.OK;
    }
    // missing / ignore: the real points decide, except the premature-alarm guard below M points.
    if (real.size() < m && guard(spec, points)) {
      return t == TreatMissingData.ignore ? null : AlarmState.ALARM;
    }
    if (bad >= m) return AlarmState.ALARM;
    // no non-breaching datapoint: nothing justifies OK, the state stays (issue 12)
    return bad == real.size() ? null : AlarmState.OK;
  }

  /**
   * The oldest breaching point among the newest N is at least M old, newer ones breach or are
   * missing.
   */
  private static boolean guard(MetricAlarmSpec spec, List<Double> points) {
    int n = spec.evaluationPeriods();
    int m = spec.datapointsToAlarm();
    List<Double> newest = points.subList(points.size() - n, points.size());
    int oldest = -1;
    for (int i = 0; i < newest.size(); i++) {
      double v = newest.get(i);
      if (!Double.isNaN(v) && breaches(spec.comparisonOperator(), v, spec.threshold())) {
        oldest = i;
        break;
      }
    }
    if (oldest < 0) return false;
    int age = newest.size() - oldest; // the newest point is 1 old
    if (age < m) return false;
    for (int i = oldest + 1; i < newest.size(); i++) {
      double v = newest.get(i);
      if (!Double.isNaN(v) && !breaches(spec.comparisonOperator(), v, spec.threshold()))
        return false;
    }
    return true;
  }

  /** Checks the alarm's last evaluation against the recomputation; returns a problem or null. */
  static String check(CloudWatch cw, MetricAlarm alarm) {
    MetricAlarm.Evaluation e = alarm.lastEvaluation();
    if (e == null) return null;
    List<Double> mine = datapoints(cw, alarm.spec(), e.evaluatedAt());
    List<Double> theirs = e.datapoints();
    if (mine.size() != theirs.size()) {
      return alarm.alarmName()
          + ": range of "
          + theirs.size()
          + " points, recomputed "
          + mine.size();
    }
    for (int i = 0; i < mine.size(); i++) {
      double a = mine.get(i);
      double b = theirs.get(i);
      boolean same =
          Double.isNaN(a)
              ? Double.isNaN(b)
              : !Double.isNaN(b) && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
      if (!same) {
        return alarm.alarmName()
            + " at "
            + e.evaluatedAt()
            + ": datapoints "
            + theirs
            + ", recomputed "
            + mine;
      }
    }
    AlarmState expected = decide(alarm.spec(), mine);
    if (expected != null && expected != e.result()) {
      return alarm.alarmName()
          + " at "
          + e.evaluatedAt()
          + ": result "
          + e.result()
          + " for "
          + theirs
          + " (N="
          + alarm.spec().evaluationPeriods()
          + ", M="
          + alarm.spec().datapointsToAlarm()
          + ", "
          + alarm.spec().treatMissingData()
          + "), recomputed "
          + expected;
    }
    if (alarm.state() != e.result()) {
      return alarm.alarmName()
          + ": state "
          + alarm.state()
          + " differs from its last evaluation "
          + e.result();
    }
    return null;
  }
}
