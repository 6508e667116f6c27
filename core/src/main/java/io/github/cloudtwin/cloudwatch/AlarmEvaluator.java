package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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

  // scratch of the simulation thread, reused by every evaluation: the range's buckets and the
  // tick's snapshot of the alarms
  private double[] values = new double[0];
  private double[] counts = new double[0];
  private long[] starts = new long[0];
  private boolean[] low = new boolean[0];
  private MetricAlarm[] snapshot = new MetricAlarm[0];

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
    // a snapshot: an action may create or delete alarms while the tick runs. The array is reused:
    // ticks do not nest (advancing from inside the simulation fails)
    MetricAlarm[] snapshot = alarms.toArray(this.snapshot);
    this.snapshot = snapshot;
    int count = alarms.size();
    for (int i = 0; i < count; i++) {
      MetricAlarm a = snapshot[i];
      snapshot[i] = null; // the array keeps no deleted alarm alive until the next tick
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

  static double newestReal(double[] values, int range) {
    for (int i = range - 1; i >= 0; i--) {
      if (!Double.isNaN(values[i])) return values[i];
    }
    return Double.NaN;
  }

  /** Makes the scratch arrays hold {@code range} buckets. */
  private void ensureScratch(int range) {
    if (values.length < range) {
      values = new double[range];
      counts = new double[range];
      starts = new long[range];
      low = new boolean[range];
    }
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
    ensureScratch(range);
    double[] values = this.values;
    double[] counts = this.counts;
    long[] starts = this.starts;
    boolean[] low = this.low;
    MetricSeries s = a.cachedSeries;
    if (s == null || a.cachedFor != spec) {
      s = store.seriesOrNull(metric);
      a.cachedSeries = s;
      a.cachedFor = spec;
      a.cachedKind = BucketReads.kindOf(stat);
    }
    int kind = a.cachedKind;
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
    // each bound searched once, from the newest down: a bucket's start is the next older one's end
    int last = s == null ? 0 : s.lowerBoundAtMost(end, s.size());
    for (int k = range - 1; k >= 0; k--) {
      long start = window.bucketStart(end, p);
      end = start;
      starts[k] = start;
      if (s == null) {
        values[k] = Double.NaN;
        counts[k] = 0;
        low[k] = false;
        continue;
      }
      int first = s.lowerBoundAtMost(start, last);
      double count = s.sampleCountBetween(first, last);
      counts[k] = count;
      values[k] =
          count == 0 ? Double.NaN : BucketReads.statistic(s, first, last, count, kind, stat);
      low[k] = minSamples > 0 && count > 0 && count < minSamples;
      last = first;
    }
    return decide(a, spec, now, range, values, counts, starts, low);
  }

  /** Evaluates an alarm on metric math: the returned query, one value per bucket of the range. */
  private boolean evaluateMath(MetricAlarm a, MetricAlarmSpec spec, long now) {
    int range = spec.evaluationRange();
    long p = spec.period().toMillis();
    long[] starts = new long[range];
    long[] ends = new long[range];
    EvaluationWindow window = spec.evaluationWindow();
    long end = window.newestEnd(now, p);
    for (int k = range - 1; k >= 0; k--) {
      long start = window.bucketStart(end, p);
      starts[k] = start;
      ends[k] = end;
      end = start;
    }
    MetricMath math = a.math(spec);
    MetricMath.Grid grid = new MetricMath.Grid(starts, ends, spec.period().getSeconds());
    double[] values =
        ((MetricMath.Series)
                math.new Evaluation(grid, store::statValues)
                    .value(spec.returnedQuery().orElseThrow().id()))
            .values();
    return decide(a, spec, now, range, values, null, starts, new boolean[range]);
  }

  /**
   * Applies the alarm rules to the first {@code range} buckets and transitions; true when the state
   * changed. Only a transition builds the reason, the StateReasonData and their lists.
   */
  private boolean decide(
      MetricAlarm a,
      MetricAlarmSpec spec,
      long now,
      int range,
      double[] values,
      double @Nullable [] counts,
      long[] starts,
      boolean[] low) {
    AlarmState decided = AlarmRules.state(spec, values, low, range);
    AlarmState current = a.state();
    a.recordEvaluation(now, values, range, decided == null ? current : decided);
    if (decided == null || decided == current) {
      return false;
    }
    double[] v = Arrays.copyOf(values, range);
    Instant[] stamps = new Instant[range];
    for (int k = 0; k < range; k++) stamps[k] = Instant.ofEpochMilli(starts[k]);
    AlarmRules.Outcome out = AlarmRules.evaluate(spec, v, stamps, Arrays.copyOf(low, range));
    transitions.transition(
        a,
        decided,
        out.reason(),
        reasonData(spec, now, out, v, counts == null ? null : Arrays.copyOf(counts, range), stamps),
        newestReal(v, range));
    return true;
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
