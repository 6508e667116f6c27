package io.github.cloudtwin.cloudwatch;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The per-minute evaluation path that allocates nothing: {@link AlarmRules#state} decides the same
 * state as {@link AlarmRules#evaluate} for every range, the newest evaluation is written in place
 * yet every {@code lastEvaluation()} a caller holds stays as it was read, and a re-invocation
 * without scaling actions runs nothing.
 */
class AlarmEvaluationReuseTest {

  private static final double[] CELLS = {Double.NaN, 0, 70, 90, 90};
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /**
   * Every range of up to 6 buckets from missing, good, at-threshold, breaching and low-sample
   * breaching datapoints, for every M of N up to 4, both range lengths, every treatment and two
   * operators: the fast state is the full outcome's state.
   */
  @Test
  void theFastStateIsTheFullOutcomesStateForEveryRange() {
    int checked = 0;
    for (int n = 1; n <= 4; n++) {
      for (int m = 1; m <= n; m++) {
        for (int range : new int[] {n, n + 2}) {
          for (TreatMissingData t : TreatMissingData.values()) {
            for (ComparisonOperator op :
                new ComparisonOperator[] {
                  ComparisonOperator.GreaterThanThreshold,
                  ComparisonOperator.LessThanOrEqualToThreshold
                }) {
              MetricAlarmSpec spec = spec(n, m, range, t, op);
              checked += checkAll(spec, range);
            }
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(100_000);
  }

  private static int checkAll(MetricAlarmSpec spec, int range) {
    int patterns = (int) Math.pow(CELLS.length, range);
    double[] values = new double[range + 3]; // longer than the range: only the range is read
    boolean[] low = new boolean[range + 3];
    values[range] = 90; // past the range, would change the count if read
    low[range] = true;
    Instant[] stamps = new Instant[range];
    for (int i = 0; i < range; i++) stamps[i] = T0.plus(ofMinutes(i));
    for (int p = 0; p < patterns; p++) {
      int code = p;
      for (int i = 0; i < range; i++) {
        int c = code % CELLS.length;
        code /= CELLS.length;
        values[i] = CELLS[c];
        low[i] = c == CELLS.length - 1;
      }
      AlarmRules.Outcome full =
          AlarmRules.evaluate(
              spec,
              java.util.Arrays.copyOf(values, range),
              stamps,
              java.util.Arrays.copyOf(low, range));
      AlarmState fast = AlarmRules.state(spec, values, low, range);
      assertThat(fast)
          .as(
              "%s of %s, range %s, %s, %s: %s low %s",
              spec.datapointsToAlarm(),
              spec.evaluationPeriods(),
              range,
              spec.treatMissingData(),
              spec.comparisonOperator(),
              java.util.Arrays.toString(java.util.Arrays.copyOf(values, range)),
              java.util.Arrays.toString(java.util.Arrays.copyOf(low, range)))
          .isEqualTo(full.state());
    }
    return patterns;
  }

  private static MetricAlarmSpec spec(
      int n, int m, int range, TreatMissingData t, ComparisonOperator op) {
    return MetricAlarmSpec.builder()
        .alarmName("a")
        .metric(MetricId.of("App", "Latency"))
        .period(Duration.ofMinutes(1))
        .evaluationPeriods(n)
        .datapointsToAlarm(m)
        .evaluationRange(range)
        .threshold(70)
        .comparisonOperator(op)
        .treatMissingData(t)
        .build();
  }

  @Test
  void anEvaluationReadEarlierKeepsItsDatapointsWhileNewerOnesAreWrittenInPlace() {
    try (CloudTwin twin = CloudTwin.builder().seed(1).build()) {
      CloudWatch cw = twin.cloudWatch();
      MetricId load = MetricId.of("App", "Load");
      MetricAlarm alarm = cw.putMetricAlarm(spec(load, 1));
      Instant t0 = twin.now();
      cw.putMetricData(load, t0.plusSeconds(30), 75, StandardUnit.NONE);
      twin.advance(ofMinutes(1));
      MetricAlarm.Evaluation first = alarm.lastEvaluation();
      cw.putMetricData(load, t0.plusSeconds(90), 20, StandardUnit.NONE);
      twin.advance(ofMinutes(1));
      MetricAlarm.Evaluation second = alarm.lastEvaluation();
      assertThat(first.evaluatedAt()).isEqualTo(t0.plus(ofMinutes(1)));
      assertThat(first.datapoints()).containsExactly(Double.NaN, Double.NaN, 75.0);
      assertThat(first.result()).isEqualTo(AlarmState.ALARM);
      assertThat(second.evaluatedAt()).isEqualTo(t0.plus(ofMinutes(2)));
      assertThat(second.datapoints()).containsExactly(Double.NaN, 75.0, 20.0);
      assertThat(second.result()).isEqualTo(AlarmState.OK);
      assertThat(second.newestDatapoint()).isEqualTo(20.0);
    }
  }

  @Test
  void aReaderOnAnotherThreadSeesOnlyWholeEvaluations() throws InterruptedException {
    try (CloudTwin twin = CloudTwin.builder().seed(1).build()) {
      CloudWatch cw = twin.cloudWatch();
      MetricId load = MetricId.of("App", "Load");
      MetricAlarm alarm = cw.putMetricAlarm(spec(load, 1));
      Instant t0 = twin.now();
      List<String> torn = new ArrayList<>();
      AtomicInteger reads = new AtomicInteger();
      Thread reader =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  MetricAlarm.Evaluation e = alarm.lastEvaluation();
                  if (e == null) continue;
                  reads.incrementAndGet();
                  long k = Duration.between(t0, e.evaluatedAt()).toMinutes();
                  List<Double> d = e.datapoints();
                  // each minute's datapoint is its minute: the evaluation at +k reads k-3, k-2, k-1
                  if (k >= 3 && !d.equals(List.of(k - 3.0, k - 2.0, k - 1.0))) {
                    synchronized (torn) {
                      torn.add(k + ": " + d);
                    }
                  }
                }
              });
      reader.start();
      for (int k = 0; k < 3_000; k++) {
        cw.putMetricData(load, t0.plus(ofMinutes(k)).plusSeconds(30), k, StandardUnit.NONE);
        twin.advance(ofMinutes(1));
      }
      reader.interrupt();
      reader.join();
      assertThat(torn).isEmpty();
      assertThat(alarm.lastEvaluation().datapoints()).containsExactly(2_997.0, 2_998.0, 2_999.0);
    }
  }

  @Test
  void aStateWithoutScalingActionsIsNotReinvokedButOneWithThemIsEveryMinute() {
    try (CloudTwin twin = CloudTwin.builder().seed(1).build()) {
      CloudWatch cw = twin.cloudWatch();
      MetricId load = MetricId.of("App", "Load");
      List<Boolean> plain = new ArrayList<>();
      List<Double> scaling = new ArrayList<>();
      AlarmAction notify =
          new AlarmAction() {
            @Override
            public String name() {
              return "notify";
            }

            @Override
            public void invoke(AlarmActionContext ctx) {
              plain.add(ctx.reinvocation());
            }
          };
      AlarmAction scale =
          new AlarmAction() {
            @Override
            public String name() {
              return "scale";
            }

            @Override
            public boolean isScalingAction() {
              return true;
            }

            @Override
            public void invoke(AlarmActionContext ctx) {
              scaling.add(ctx.newestDatapoint());
            }
          };
      cw.putMetricAlarm(spec(load, 1, notify));
      cw.putMetricAlarm(spec(load, 1, scale).toBuilder().alarmName("scaling").build());
      Instant t0 = twin.now();
      for (int k = 0; k < 4; k++) {
        cw.putMetricData(load, t0.plus(ofMinutes(k)).plusSeconds(30), 80 + k, StandardUnit.NONE);
      }
      twin.advance(ofMinutes(4));
      assertThat(plain).as("run once on entering ALARM, never again").containsExactly(false);
      assertThat(scaling)
          .as("on entering ALARM at +1, then each minute with the newest datapoint")
          .containsExactly(80.0, 81.0, 82.0, 83.0);
    }
  }

  private static MetricAlarmSpec spec(MetricId metric, int n, AlarmAction... actions) {
    return MetricAlarmSpec.builder()
        .alarmName("load")
        .metric(metric)
        .period(Duration.ofMinutes(1))
        .evaluationPeriods(n)
        .threshold(70)
        .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
        .alarmActions(actions)
        .build();
  }
}
