package io.github.cloudtwin.cloudwatch;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricAlarmTest {

  private final CloudTwin twin = CloudTwin.builder().seed(1).build();
  private final CloudWatch cw = twin.cloudWatch();
  private final Instant t0 = twin.now();
  private final MetricId latency = MetricId.of("App", "Latency", "Service", "checkout");

  @AfterEach
  void close() {
    twin.close();
  }

  private MetricAlarmSpec.Builder alarm() {
    return MetricAlarmSpec.builder()
        .alarmName("latency-high")
        .metric(latency)
        .period(Duration.ofMinutes(1))
        .evaluationPeriods(3)
        .threshold(70)
        .comparisonOperator(ComparisonOperator.GreaterThanThreshold);
  }

  private void putAtMinute(int minute, double value) {
    cw.putMetricData(latency, t0.plus(ofMinutes(minute)), value, StandardUnit.MILLISECONDS);
  }

  @Test
  void aNewAlarmStartsInInsufficientDataWithAwsReason() {
    MetricAlarm a = cw.putMetricAlarm(alarm().build());
    assertThat(a.state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
    assertThat(a.stateReason()).isEqualTo("Unchecked: Initial alarm creation");
    twin.advance(ofMinutes(1));
    // evaluated, still no data: the state (and so its reason) does not change
    assertThat(a.state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
    assertThat(a.stateReason()).isEqualTo("Unchecked: Initial alarm creation");
    assertThat(a.lastEvaluation().evaluatedAt()).isEqualTo(t0.plus(ofMinutes(1)));
    assertThat(a.lastEvaluation().datapoints()).hasSize(5).allMatch(d -> d.isNaN());
  }

  @Test
  void alarmsAtTheMinuteTheThirdBreachingPeriodCompletes() {
    MetricAlarm a = cw.putMetricAlarm(alarm().build());
    for (int m = 0; m < 10; m++) putAtMinute(m, m >= 2 ? 90 : 10);
    List<Instant> transitions = new ArrayList<>();
    cw.addAlarmListener((al, from, to, reason) -> transitions.add(twin.now()));
    twin.advance(ofMinutes(10));
    // minutes 2, 3, 4 breach; the bucket [4:00, 5:00) completes at 5:00
    assertThat(a.stateHistory())
        .extracting(AlarmHistoryItem::newState)
        .containsExactly(AlarmState.OK, AlarmState.ALARM);
    assertThat(a.stateUpdatedTimestamp()).isEqualTo(t0.plus(ofMinutes(5)));
    assertThat(a.stateReason())
        .isEqualTo(
            "Threshold Crossed: 3 datapoints [90.0 (01/01/26 00:04:00), 90.0 (01/01/26 00:03:00),"
                + " 90.0 (01/01/26 00:02:00)] were greater than the threshold (70.0).");
    assertThat(transitions).containsExactly(t0.plus(ofMinutes(1)), t0.plus(ofMinutes(5)));
  }

  @Test
  void e5LateDataDoesNotAlarmUntilTheBreachIsThreePointsOldEvenUnderMissing() {
    // M = 3: data "- - - - X", then "- - - X -", then "- - X - -"
    MetricAlarm a = cw.putMetricAlarm(alarm().build());
    twin.advance(ofMinutes(4));
    putAtMinute(4, 90);
    twin.advance(ofMinutes(1)); // evaluated at 5:00: - - - - X
    // one breaching datapoint is neither ALARM (M = 3) nor a reason for OK: the state stays
    assertThat(a.state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
    twin.advance(ofMinutes(1)); // 6:00: - - - X -
    assertThat(a.state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
    assertThat(a.stateHistory()).isEmpty();
    twin.advance(ofMinutes(1)); // 7:00: - - X - -
    assertThat(a.state()).isEqualTo(AlarmState.ALARM);
    assertThat(a.stateUpdatedTimestamp()).isEqualTo(t0.plus(ofMinutes(7)));
  }

  @Test
  void e5OneOkPointThenSilenceUnderBreachingAlarmsOneMinuteLater() {
    // M = 3, "0 - - - -" with breaching: OK now, ALARM one minute later if the data is still
    // missing
    MetricAlarm a = cw.putMetricAlarm(alarm().treatMissingData(TreatMissingData.breaching).build());
    twin.advance(ofMinutes(5));
    putAtMinute(5, 10);
    twin.advance(ofMinutes(5)); // at 10:00 the range is [5..9]: 0 - - - -
    assertThat(a.state()).isEqualTo(AlarmState.OK);
    twin.advance(ofMinutes(1)); // at 11:00 the 0 dropped out
    assertThat(a.state()).isEqualTo(AlarmState.ALARM);
  }

  @Test
  void e5AllMissingGivesEachModesOutcome() {
    MetricAlarm missing =
        cw.putMetricAlarm(
            alarm().alarmName("m").treatMissingData(TreatMissingData.missing).build());
    MetricAlarm breaching =
        cw.putMetricAlarm(
            alarm().alarmName("b").treatMissingData(TreatMissingData.breaching).build());
    MetricAlarm notBreaching =
        cw.putMetricAlarm(
            alarm().alarmName("n").treatMissingData(TreatMissingData.notBreaching).build());
    MetricAlarm ignore =
        cw.putMetricAlarm(alarm().alarmName("i").treatMissingData(TreatMissingData.ignore).build());
    twin.advance(ofMinutes(1));
    assertThat(missing.state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
    assertThat(breaching.state()).isEqualTo(AlarmState.ALARM);
    assertThat(notBreaching.state()).isEqualTo(AlarmState.OK);
    assertThat(ignore.state()).isEqualTo(AlarmState.INSUFFICIENT_DATA); // unchanged from creation
  }

  @Test
  void e5GapInTheMiddleWithTwoOfThree() {
    // M = 2, "0 - X - -": missing -> OK; breaching -> ALARM
    MetricAlarm missing = cw.putMetricAlarm(alarm().alarmName("m").datapointsToAlarm(2).build());
    MetricAlarm breaching =
        cw.putMetricAlarm(
            alarm()
                .alarmName("b")
                .datapointsToAlarm(2)
                .treatMissingData(TreatMissingData.breaching)
                .build());
    twin.advance(ofMinutes(9).plusSeconds(30));
    putAtMinute(5, 10);
    putAtMinute(7, 90);
    twin.advance(ofSeconds(30)); // evaluated at 10:00 over [5..9]
    assertThat(missing.state()).isEqualTo(AlarmState.OK);
    assertThat(breaching.state()).isEqualTo(AlarmState.ALARM);
  }

  @Test
  void threeOfFiveAlarmsOnNonConsecutiveBreaches() {
    MetricAlarm a = cw.putMetricAlarm(alarm().evaluationPeriods(5).datapointsToAlarm(3).build());
    double[] data = {90, 10, 90, 10, 90};
    for (int m = 0; m < data.length; m++) putAtMinute(m, data[m]);
    twin.advance(ofMinutes(5));
    assertThat(a.state()).isEqualTo(AlarmState.ALARM);
    assertThat(a.stateUpdatedTimestamp()).isEqualTo(t0.plus(ofMinutes(5)));
  }

  @Test
  void percentileAlarmUsesTheSamplesOfEachPeriod() {
    MetricAlarm a =
        cw.putMetricAlarm(
            alarm().extendedStatistic("p90").evaluationPeriods(1).threshold(100).build());
    // 10 samples in minute 0: nine fast, one slow -> p90 is the ninth value (nearest rank)
    for (int i = 0; i < 9; i++)
      cw.putMetricData(latency, t0.plusSeconds(i), 50 + i, StandardUnit.MILLISECONDS);
    cw.putMetricData(latency, t0.plusSeconds(30), 500, StandardUnit.MILLISECONDS);
    assertThat(
            cw.statistic(latency, t0, t0.plus(ofMinutes(1)), Statistic.percentile(90))
                .getAsDouble())
        .isEqualTo(58);
    twin.advance(ofMinutes(1));
    assertThat(a.state()).isEqualTo(AlarmState.OK);
  }

  @Test
  void percentileWithTooFewSamplesUnderIgnoreKeepsTheState() {
    MetricAlarm a =
        cw.putMetricAlarm(
            alarm()
                .extendedStatistic("p99")
                .evaluationPeriods(1)
                .threshold(100)
                .evaluateLowSampleCountPercentile(false)
                .build());
    cw.putMetricData(
        latency, t0.plusSeconds(5), 900, StandardUnit.MILLISECONDS); // 1 sample < 1000 needed
    twin.advance(ofMinutes(1));
    assertThat(a.state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
    MetricAlarm evaluate =
        cw.putMetricAlarm(
            alarm()
                .alarmName("eval")
                .extendedStatistic("p99")
                .evaluationPeriods(1)
                .threshold(100)
                .build());
    cw.putMetricData(latency, t0.plus(ofMinutes(1)).plusSeconds(5), 900, StandardUnit.MILLISECONDS);
    twin.advance(ofMinutes(1));
    assertThat(evaluate.state()).isEqualTo(AlarmState.ALARM);
  }

  @Test
  void everyComparisonOperatorComparesAsNamed() {
    assertThat(ComparisonOperator.GreaterThanOrEqualToThreshold.breaches(70, 70)).isTrue();
    assertThat(ComparisonOperator.GreaterThanThreshold.breaches(70, 70)).isFalse();
    assertThat(ComparisonOperator.LessThanThreshold.breaches(70, 70)).isFalse();
    assertThat(ComparisonOperator.LessThanOrEqualToThreshold.breaches(70, 70)).isTrue();
    MetricAlarm low =
        cw.putMetricAlarm(
            alarm()
                .evaluationPeriods(1)
                .threshold(20)
                .comparisonOperator(ComparisonOperator.LessThanThreshold)
                .build());
    putAtMinute(0, 5);
    twin.advance(ofMinutes(1));
    assertThat(low.state()).isEqualTo(AlarmState.ALARM);
    assertThat(low.stateReason()).contains("was less than the threshold (20.0)");
  }

  @Test
  void scalingActionsAreReinvokedEveryMinuteWhileInAlarmAndPlainActionsOnlyOnTransition() {
    List<String> calls = new ArrayList<>();
    AlarmAction scaling =
        AlarmAction.scaling(
            "policy/scale-out",
            c -> calls.add("scale@" + minutes(c.time()) + (c.reinvocation() ? "r" : "")));
    AlarmAction notify = AlarmAction.of("sns/ops", c -> calls.add("notify@" + minutes(c.time())));
    cw.putMetricAlarm(
        alarm()
            .evaluationPeriods(1)
            .period(Duration.ofMinutes(5))
            .alarmActions(scaling, notify)
            .build());
    for (int m = 0; m < 10; m++) putAtMinute(m, 90);
    twin.advance(ofMinutes(8));
    // 300 s period evaluated every minute over the sliding window [t - 5m, t): the 0:00 sample
    // is in the window at 1:00; then re-invoked each minute, not each period
    assertThat(calls)
        .containsExactly(
            "scale@1",
            "notify@1",
            "scale@2r",
            "scale@3r",
            "scale@4r",
            "scale@5r",
            "scale@6r",
            "scale@7r",
            "scale@8r");
  }

  @Test
  void actionsDisabledStillChangesState() {
    List<String> calls = new ArrayList<>();
    MetricAlarm a =
        cw.putMetricAlarm(
            alarm()
                .evaluationPeriods(1)
                .actionsEnabled(false)
                .alarmActions(AlarmAction.of("x", c -> calls.add("x")))
                .build());
    putAtMinute(0, 90);
    twin.advance(ofMinutes(1));
    assertThat(a.state()).isEqualTo(AlarmState.ALARM);
    assertThat(calls).isEmpty();
  }

  @Test
  void setAlarmStateHoldsUntilTheNextEvaluation() {
    MetricAlarm a = cw.putMetricAlarm(alarm().evaluationPeriods(1).build());
    putAtMinute(0, 10);
    twin.advance(ofSeconds(30));
    cw.setAlarmState("latency-high", AlarmState.ALARM, "testing the pager");
    assertThat(a.state()).isEqualTo(AlarmState.ALARM);
    assertThat(a.stateReason()).isEqualTo("testing the pager");
    twin.advance(ofSeconds(30));
    assertThat(a.state()).isEqualTo(AlarmState.OK);
  }

  @Test
  void alarmTransitionsAreOnTheTimelineCausingTheirActions() {
    cw.putMetricAlarm(
        alarm().evaluationPeriods(1).alarmActions(AlarmAction.of("sns/ops", c -> {})).build());
    putAtMinute(0, 90);
    twin.advance(ofMinutes(1));
    var events = twin.timeline().eventsOf("alarm/latency-high");
    assertThat(events)
        .extracting(e -> e.kind())
        .containsExactly("create", "state-change", "action");
    assertThat(events.get(2).causeId()).isEqualTo(events.get(1).id());
    assertThat(events.get(1).message())
        .startsWith(
            "INSUFFICIENT_DATA -> ALARM: Threshold Crossed: 1 datapoint [90.0 (01/01/26 00:00:00)]");
  }

  @Test
  void groupAverageCoversTheInstancesThatReport() {
    var ec2 = twin.ec2();
    List<String> ids = new ArrayList<>();
    for (String zone : List.of("us-east-1a", "us-east-1b")) {
      ids.add(
          ec2.runInstance(
                  InstanceSpec.builder()
                      .availabilityZone(zone)
                      .detailedMonitoring(true)
                      .autoScalingGroupName("web")
                      .build())
              .instanceId());
    }
    cw.inject(
        MetricInjection.metric("CPUUtilization")
            .forInstance(ids.get(0))
            .between(ofMinutes(0), ofMinutes(60))
            .constant(80));
    cw.inject(
        MetricInjection.metric("CPUUtilization")
            .forInstance(ids.get(1))
            .between(ofMinutes(0), ofMinutes(60))
            .constant(40));
    twin.advance(ofMinutes(5));
    MetricId group = MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web");
    assertThat(
            cw.statistic(group, t0.plus(ofMinutes(2)), t0.plus(ofMinutes(3)), Statistic.AVERAGE)
                .getAsDouble())
        .isEqualTo(60);
    assertThat(
            cw.statistic(
                    group, t0.plus(ofMinutes(2)), t0.plus(ofMinutes(3)), Statistic.SAMPLE_COUNT)
                .getAsDouble())
        .isEqualTo(2);
    assertThat(
            cw.statistic(group, t0.plus(ofMinutes(2)), t0.plus(ofMinutes(3)), Statistic.MAXIMUM)
                .getAsDouble())
        .isEqualTo(80);
    // zone b fails: the group average now covers only the instance in a
    twin.faults().failZone("us-east-1b");
    twin.advance(ofMinutes(2));
    assertThat(
            cw.statistic(group, twin.now().minus(ofMinutes(1)), twin.now(), Statistic.AVERAGE)
                .getAsDouble())
        .isEqualTo(80);
  }

  private long minutes(Instant t) {
    return Duration.between(t0, t).toMinutes();
  }
}
