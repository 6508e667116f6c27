package io.github.cloudtwin.cloudwatch;

import static io.github.cloudtwin.cloudwatch.MetricDataQuery.expression;
import static io.github.cloudtwin.cloudwatch.MetricDataQuery.metric;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code toBuilder().build()} gives back the same alarm, every field set away from its default. */
class AlarmSpecCopyTest {

  private static final MetricId CPU = MetricId.of("AWS/EC2", "CPUUtilization", "InstanceId", "i-1");
  private final AlarmAction page = AlarmAction.of("page", ctx -> {});
  private final AlarmAction clear = AlarmAction.of("clear", ctx -> {});
  private final AlarmAction wait = AlarmAction.of("wait", ctx -> {});

  @Test
  void aOneMetricAlarmWithEveryFieldSetCopiesToAnEqualSpec() {
    MetricAlarmSpec spec =
        MetricAlarmSpec.builder()
            .alarmName("cpu-p99")
            .alarmDescription("tail latency of one instance")
            .metric(CPU)
            .extendedStatistic("p99")
            .period(ofMinutes(5))
            .evaluationPeriods(4)
            .datapointsToAlarm(3)
            .threshold(85.5)
            .comparisonOperator(ComparisonOperator.LessThanThreshold)
            .treatMissingData(TreatMissingData.breaching)
            .evaluateLowSampleCountPercentile(false)
            .evaluationRange(9)
            .evaluationWindow(EvaluationWindow.wallClockWindow("+05:30"))
            .actionsEnabled(false)
            .unit(StandardUnit.PERCENT)
            .alarmActions(page)
            .okActions(clear)
            .insufficientDataActions(wait)
            .build();

    MetricAlarmSpec copy = spec.toBuilder().build();

    assertThat(copy).isEqualTo(spec);
    assertThat(copy.datapointsToAlarmSet()).isTrue();
  }

  @Test
  void anAlarmWithoutDatapointsToAlarmStaysWithoutItAndFollowsANewN() {
    MetricAlarmSpec spec =
        MetricAlarmSpec.builder()
            .alarmName("cpu-high")
            .metric(CPU)
            .evaluationPeriods(2)
            .threshold(80)
            .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
            .build();

    assertThat(spec.toBuilder().build()).isEqualTo(spec);
    MetricAlarmSpec longer = spec.toBuilder().evaluationPeriods(5).evaluationRange(7).build();
    assertThat(longer.datapointsToAlarmSet()).isFalse();
    assertThat(longer.datapointsToAlarm()).isEqualTo(5);
  }

  @Test
  void aMetricMathAlarmCopiesWithoutAStatisticOrPeriodOfItsOwn() {
    MetricId errors = MetricId.of("App", "Errors");
    MetricId requests = MetricId.of("App", "Requests");
    MetricAlarmSpec spec =
        MetricAlarmSpec.builder()
            .alarmName("error-rate")
            .metrics(
                metric("errors", errors, ofMinutes(5), Statistic.SUM).withReturnData(false),
                metric("requests", requests, ofMinutes(5), Statistic.SUM).withReturnData(false),
                expression("rate", "100 * errors / requests"))
            .evaluationPeriods(2)
            .threshold(5)
            .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
            .alarmActions(page)
            .build();

    MetricAlarmSpec copy = spec.toBuilder().build();

    assertThat(copy).isEqualTo(spec);
    assertThat(copy.statistic()).isNull();
    assertThat(copy.metric()).isNull();
    assertThat(copy.period()).isEqualTo(Duration.ofMinutes(5));
  }
}
