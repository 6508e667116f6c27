package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The evaluation of metric alarms: the periodic ticks (every minute; every 10 s once an alarm has a
 * period under a minute), the datapoints of each alarm's evaluation range read from the {@link
 * MetricStore} (or computed by its metric math), the rules applied ({@link AlarmRules}) and, when
 * they give a new state, the transition with AWS's {@code StateReasonData}. Simulation thread only.
 */
final class AlarmEvaluator {

  private final Kernel kernel;
  private final Collection<MetricAlarm> alarms;
  private final MetricStore store;
  private final AlarmTransitions transitions;
  private final AlarmActions actions;
  private boolean minuteEvaluation;
  private boolean highResolutionEvaluation;

  /**
   * Creates the evaluator.
   *
   * @param alarms the live metric alarms, in creation order (a view the registry keeps current)
   */
  AlarmEvaluator(
      Kernel kernel,
      Collection<MetricAlarm> alarms,
      MetricStore store,
      AlarmTransitions transitions,
      AlarmActions actions) {
    this.kernel = kernel;
    this.alarms = alarms;
    this.store = store;
    this.transitions = transitions;
    this.actions = actions;
  }

  /** Starts the tick {@code spec}'s period needs, once per kind. */
  void ensureEvaluation(MetricAlarmSpec spec) {
    if (spec.period().getSeconds() >= 60 && !minuteEvaluation) {
      minuteEvaluation = true;
      kernel.every(Duration.ofMinutes(1), Phase.EVALUATE, () -> evaluateAll(true));
    }
    if (spec.period().getSeconds() < 60 && !highResolutionEvaluation) {
      highResolutionEvaluation = true;
      kernel.every(Duration.ofSeconds(10), Phase.EVALUATE, () -> evaluateAll(false));
    }
  }

  private void evaluateAll(boolean minute) {
    if (alarms.isEmpty()) {
      return;
    }
    long now = kernel.clock().now().toEpochMilli();
    for (MetricAlarm a : List.copyOf(alarms)) {
      if (a.isDeleted()) continue;
      MetricAlarmSpec spec = a.spec();
      boolean highRes = spec.period().getSeconds() < 60;
      if (highRes != !minute) {
        // a high-resolution alarm is evaluated by the 10 s tick; still re-invoke its scaling
        // actions once a minute
        if (minute && highRes) actions.reinvoke(a);
        continue;
      }
      boolean transitioned = evaluate(a, spec, now);
      if (minute && !transitioned) {
        actions.reinvoke(a);
      }
    }
  }

  private static double newestReal(double[] values) {
    for (int i = values.length - 1; i >= 0; i--) {
      if (!Double.isNaN(values[i])) return values[i];
    }
    return Double.NaN;
  }

  /** Evaluates one alarm at {@code now}; true when its state changed. */
  private boolean evaluate(MetricAlarm a, MetricAlarmSpec spec, long now) {
    MetricId metric = spec.metric();
    Statistic stat = spec.statistic();
    if (metric == null || stat == null) { // an alarm on metric math has neither
      return evaluateMath(a, spec, now);
    }
    int range = spec.evaluationRange();
    long p = spec.period().toMillis();
    double[] values = new double[range];
    double[] counts = new double[range];
    Instant[] stamps = new Instant[range];
    boolean[] low = new boolean[range];
    MetricSeries s = a.cachedSeries;
    if (s == null || a.cachedFor != spec) {
      s = store.seriesOrNull(metric);
      a.cachedSeries = s;
      a.cachedFor = spec;
    }
    if (s != null && spec.unit() != null && s.unit != spec.unit()) {
      s = null; // an alarm with a unit sees only datapoints published in that unit
    }
    double minSamples = 0;
    if (stat.isPercentile() && !spec.evaluateLowSampleCountPercentile()) {
      double q = stat.percentile();
      minSamples = q >= 0.5 ? 10 / (1 - q) : 10 / q;
    }
    EvaluationWindow window = spec.evaluationWindow();
    long end = window.newestEnd(now, p);
    for (int k = range - 1; k >= 0; k--) {
      long start = window.bucketStart(end, p);
      long bucketEnd = end;
      end = start;
      stamps[k] = Instant.ofEpochMilli(start);
      if (s == null) {
        values[k] = Double.NaN;
        continue;
      }
      // each bound searched once for both the count and the statistic
      int first = s.lowerBound(start);
      int last = s.lowerBound(bucketEnd);
      double count = s.sampleCountBetween(first, last);
      counts[k] = count;
      values[k] = count == 0 ? Double.NaN : s.statisticBetween(first, last, stat);
      low[k] = minSamples > 0 && count > 0 && count < minSamples;
    }
    return decide(a, spec, now, values, counts, stamps, low);
  }

  /** Evaluates an alarm on metric math: the returned query, one value per bucket of the range. */
  private boolean evaluateMath(MetricAlarm a, MetricAlarmSpec spec, long now) {
    int range = spec.evaluationRange();
    long p = spec.period().toMillis();
    long[] starts = new long[range];
    long[] ends = new long[range];
    Instant[] stamps = new Instant[range];
    EvaluationWindow window = spec.evaluationWindow();
    long end = window.newestEnd(now, p);
    for (int k = range - 1; k >= 0; k--) {
      long start = window.bucketStart(end, p);
      starts[k] = start;
      ends[k] = end;
      stamps[k] = Instant.ofEpochMilli(start);
      end = start;
    }
    MetricMath math = a.math(spec);
    MetricMath.Grid grid = new MetricMath.Grid(starts, ends, spec.period().getSeconds());
    double[] values =
        ((MetricMath.Series)
                math.new Evaluation(grid, store::statValues)
                    .value(spec.returnedQuery().orElseThrow().id()))
            .values();
    return decide(a, spec, now, values, null, stamps, new boolean[range]);
  }

  /**
   * Applies the alarm rules to the evaluated range and transitions; true when the state changed.
   */
  private boolean decide(
      MetricAlarm a,
      MetricAlarmSpec spec,
      long now,
      double[] values,
      double @Nullable [] counts,
      Instant[] stamps,
      boolean[] low) {
    AlarmRules.Outcome out = AlarmRules.evaluate(spec, values, stamps, low);
    AlarmState decided = out.state();
    AlarmState result = decided == null ? a.state() : decided;
    a.lastEvaluation(new MetricAlarm.Evaluation(Instant.ofEpochMilli(now), values, result));
    if (decided != null && decided != a.state()) {
      transitions.transition(
          a,
          decided,
          out.reason(),
          reasonData(spec, now, out, values, counts, stamps),
          newestReal(values));
      return true;
    }
    return false;
  }

  /** What the evaluation saw, as AWS's StateReasonData. */
  static StateReasonData reasonData(
      MetricAlarmSpec spec,
      long now,
      AlarmRules.Outcome out,
      double[] values,
      double @Nullable [] counts,
      Instant[] stamps) {
    List<Integer> used = new ArrayList<>(out.used());
    Collections.sort(used);
    List<Double> recent = new ArrayList<>(used.size());
    for (int i : used) recent.add(values[i]);
    List<StateReasonData.EvaluatedDatapoint> evaluated = new ArrayList<>(out.evaluated());
    for (int i = values.length - 1; i >= values.length - out.evaluated(); i--) {
      evaluated.add(
          Double.isNaN(values[i])
              ? new StateReasonData.EvaluatedDatapoint(stamps[i], null, null)
              : new StateReasonData.EvaluatedDatapoint(
                  stamps[i], counts == null ? null : counts[i], values[i]));
    }
    return new StateReasonData(
        "1.0",
        Instant.ofEpochMilli(now),
        used.isEmpty() ? null : stamps[used.get(0)],
        spec.unit(),
        spec.statistic(),
        spec.period().getSeconds(),
        recent,
        spec.threshold(),
        evaluated);
  }
}
