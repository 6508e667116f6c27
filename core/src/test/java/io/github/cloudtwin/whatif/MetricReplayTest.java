package io.github.cloudtwin.whatif;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.AlarmHistoryItem;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.Datapoint;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricReplayTest {

  static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  /**
   * One CSV line per minute from T0: {@code values[i]} at minute i, NaN meaning no line (a gap).
   */
  static String csv(double... values) {
    StringBuilder sb = new StringBuilder("timestamp,value\n");
    for (int i = 0; i < values.length; i++) {
      if (!Double.isNaN(values[i]))
        sb.append(T0.plus(ofMinutes(i))).append(',').append(values[i]).append('\n');
    }
    return sb.toString();
  }

  static double[] minutes(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  static double[] concat(double[]... parts) {
    int n = 0;
    for (double[] p : parts) n += p.length;
    double[] out = new double[n];
    int k = 0;
    for (double[] p : parts) {
      System.arraycopy(p, 0, out, k, p.length);
      k += p.length;
    }
    return out;
  }

  private static CloudTwin twin() {
    CloudTwin twin = CloudTwin.builder().start(T0).build();
    Estates.fixed(twin, 2);
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("cpu-high")
                .metric(Estates.GROUP_CPU)
                .period(ofMinutes(1))
                .evaluationPeriods(3)
                .threshold(80)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .build());
    return twin;
  }

  @Test
  void theRecordedValuesAreTheGroupMetricAndTheAlarmSeesThemAtTheirInstants() {
    RecordedSeries s =
        RecordedLoad.csv("cpu.csv", csv(concat(minutes(20, 40), minutes(10, 95), minutes(10, 30))));
    try (CloudTwin twin = twin()) {
      LoadReplay.ReplayStart start = MetricReplay.into(s, Estates.GROUP_CPU).applyTo(twin);
      assertThat(start.replayed()).isEqualTo(40);
      assertThat(start.history()).isZero();
      assertThat(start.endsAt()).isEqualTo(T0.plus(ofMinutes(40)));
      twin.advanceTo(start.endsAt());

      List<Datapoint> dps =
          twin.cloudWatch()
              .getMetricStatistics(
                  Estates.GROUP_CPU, T0, T0.plus(ofMinutes(40)), ofMinutes(1), Statistic.AVERAGE);
      assertThat(dps)
          .hasSize(40); // the instances' own CPU (idle, 0 %) is silenced: the recording alone
      assertThat(dps.get(19).value()).isEqualTo(40.0);
      assertThat(dps.get(20).value()).isEqualTo(95.0);
      List<AlarmHistoryItem> h = twin.cloudWatch().alarm("cpu-high").stateHistory();
      // three 95 % minutes (20, 21, 22) complete at 10:23
      assertThat(h)
          .filteredOn(i -> i.newState() == AlarmState.ALARM)
          .first()
          .satisfies(i -> assertThat(i.timestamp()).isEqualTo(T0.plus(ofMinutes(23))));
      assertThat(twin.cloudWatch().alarm("cpu-high").state()).isEqualTo(AlarmState.OK);
    }
  }

  @Test
  void datapointsBeforeTheStartAreHistoryTheFirstEvaluationSees() {
    RecordedSeries s = RecordedLoad.csv("cpu.csv", csv(concat(minutes(3, 95), minutes(10, 95))));
    try (CloudTwin twin = twin()) {
      LoadReplay.ReplayStart start =
          MetricReplay.into(s, Estates.GROUP_CPU).startingAt(T0.plus(ofMinutes(3))).applyTo(twin);
      assertThat(start.history()).isEqualTo(3);
      twin.advance(ofMinutes(1));
      assertThat(twin.cloudWatch().alarm("cpu-high").state()).isEqualTo(AlarmState.ALARM);
      // the history keeps its shifted timestamps: three minutes before the twin's start
      assertThat(
              twin.cloudWatch()
                  .getMetricStatistics(
                      Estates.GROUP_CPU,
                      T0.minus(ofMinutes(3)),
                      T0,
                      ofMinutes(1),
                      Statistic.AVERAGE))
          .hasSize(3);
    }
  }

  @Test
  void aGapInTheRecordingIsMissingData() {
    RecordedSeries s =
        RecordedLoad.csv(
            "cpu.csv", csv(concat(minutes(10, 40), minutes(10, Double.NaN), minutes(5, 40))));
    try (CloudTwin twin = twin()) {
      MetricReplay.into(s, Estates.GROUP_CPU).applyTo(twin);
      twin.advance(ofMinutes(18));
      assertThat(twin.cloudWatch().alarm("cpu-high").state())
          .isEqualTo(AlarmState.INSUFFICIENT_DATA);
      assertThat(
              twin.cloudWatch()
                  .getMetricStatistics(
                      Estates.GROUP_CPU,
                      T0,
                      T0.plus(ofMinutes(18)),
                      ofMinutes(1),
                      Statistic.AVERAGE))
          .hasSize(10);
    }
  }

  @Test
  void aRecordingThatDoesNotFitTheMetricIsRefusedAndNothingIsReplayed() {
    try (CloudTwin twin = twin()) {
      int events = twin.timeline().size();
      RecordedSeries counts =
          RecordedLoad.csv("count.csv", csv(1, 2, 3))
              .withUnit(io.github.cloudtwin.cloudwatch.StandardUnit.COUNT);
      assertThatThrownBy(() -> MetricReplay.into(counts, Estates.GROUP_CPU))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("count.csv Unit")
          .hasMessageContaining("Percent");
      RecordedSeries over = RecordedLoad.csv("cpu.csv", csv(50, 150, 50));
      assertThatThrownBy(() -> MetricReplay.into(over, Estates.GROUP_CPU))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("cpu.csv line 3")
          .hasMessageContaining("150.0");
      RecordedSeries old =
          RecordedLoad.csv("cpu.csv", "2026-01-01T00:00:00Z,50\n2026-03-02T10:00:00Z,50\n");
      MetricReplay fromMarch = MetricReplay.into(old, Estates.GROUP_CPU).startingAt(T0);
      assertThatThrownBy(() -> fromMarch.applyTo(twin))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("cpu.csv line 1")
          .hasMessageContaining("14 days");
      assertThatThrownBy(
              () ->
                  MetricReplay.into(
                          RecordedLoad.csv("cpu.csv", csv(50)),
                          io.github.cloudtwin.cloudwatch.MetricId.of(
                              "AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "nope"))
                      .applyTo(twin))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("nope");
      assertThat(twin.timeline().size()).isEqualTo(events);
      twin.advance(Duration.ofMinutes(2));
      assertThat(
              twin.cloudWatch()
                  .getMetricStatistics(
                      Estates.GROUP_CPU, T0, twin.now(), ofMinutes(1), Statistic.MAXIMUM))
          .allSatisfy(d -> assertThat(d.value()).isZero()); // only the idle instances' own 0 %
    }
  }
}
