package io.github.cloudtwin.examples;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static io.github.cloudtwin.cloudwatch.AlarmState.ALARM;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.AlarmAction;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.CompositeAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricDataQuery;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.cloudwatch.TreatMissingData;
import io.github.cloudtwin.junit.CloudTwinTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pager that wakes the on-call only when users suffer. In production: the error-rate alarm and
 * the latency alarm each fire during every rolling deployment, and a page on either one trained the
 * team to ignore the pager. The composite alarm pages only when both fire, and the deployment
 * pipeline's "deploying" alarm, its actions suppressor, keeps it quiet while a deployment runs and
 * for two minutes after. A real incident still pages, one wait period (60 s) after the composite
 * alarm fires.
 */
@CloudTwinTest
class DeploymentSuppressesThePagerTest {

  private final MetricId errors = MetricId.of("Shop", "Errors", "Service", "checkout");
  private final MetricId requests = MetricId.of("Shop", "Requests", "Service", "checkout");
  private final MetricId latency = MetricId.of("Shop", "Latency", "Service", "checkout");
  private final MetricId deployments =
      MetricId.of("Pipeline", "DeploymentInProgress", "Service", "checkout");

  @BeforeEach
  void steadyTraffic(CloudTwin twin) {
    // from minute 1, a steady 0.2 % of errors at 100 ms
    twin.cloudWatch()
        .inject(
            MetricInjection.metric(requests).between(ofMinutes(1), ofMinutes(60)).constant(1000));
    twin.cloudWatch()
        .inject(MetricInjection.metric(errors).between(ofMinutes(1), ofMinutes(60)).constant(2));
    twin.cloudWatch()
        .inject(MetricInjection.metric(latency).between(ofMinutes(1), ofMinutes(60)).constant(100));
  }

  private void alarms(CloudTwin twin) {
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("error-rate")
                .metrics(
                    MetricDataQuery.metric("errors", errors, Duration.ofMinutes(1), Statistic.SUM)
                        .withReturnData(false),
                    MetricDataQuery.metric(
                            "requests", requests, Duration.ofMinutes(1), Statistic.SUM)
                        .withReturnData(false),
                    MetricDataQuery.expression("rate", "100 * errors / requests"))
                .evaluationPeriods(2)
                .threshold(5)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .build());
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("latency")
                .metric(latency)
                .evaluationPeriods(2)
                .threshold(500)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .build());
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("deploying")
                .metric(deployments)
                .statistic(Statistic.MAXIMUM)
                .threshold(1)
                .comparisonOperator(ComparisonOperator.GreaterThanOrEqualToThreshold)
                .treatMissingData(TreatMissingData.notBreaching)
                .build());
    // tag::composite-alarm[]
    twin.cloudWatch()
        .putCompositeAlarm(
            CompositeAlarmSpec.builder()
                .alarmName("page-oncall")
                .alarmRule("ALARM(\"error-rate\") AND ALARM(latency)")
                .alarmActions(
                    AlarmAction.of("arn:aws:sns:us-east-1:123456789012:oncall", page -> {}))
                .actionsSuppressor("deploying", ofSeconds(60), ofSeconds(120))
                .build());
    // end::composite-alarm[]
  }

  /** 10 % errors from {@code from} for six minutes, and 900 ms latency a minute later. */
  private void trouble(CloudTwin twin, int from) {
    twin.cloudWatch()
        .inject(
            MetricInjection.metric(errors)
                .between(ofMinutes(from), ofMinutes(from + 6))
                .constant(100));
    twin.cloudWatch()
        .inject(
            MetricInjection.metric(latency)
                .between(ofMinutes(from + 1), ofMinutes(from + 7))
                .constant(900));
  }

  @Test
  void aDeploymentThatTripsBothAlarmsDoesNotPage(CloudTwin twin) {
    twin.cloudWatch()
        .inject(
            MetricInjection.metric(deployments).between(ofMinutes(10), ofMinutes(20)).constant(1));
    trouble(twin, 12);
    alarms(twin);
    twin.advance(ofMinutes(30));
    // both alarms fired (error rate at 14:00, latency at 15:00): the composite alarm went to ALARM
    assertThat(twin).alarm("error-rate").transitionedToAlarmAt(ofMinutes(14));
    assertThat(twin)
        .compositeAlarm("page-oncall")
        .transitionedToAlarmAt(ofMinutes(15))
        .neverTookActionsIn(ALARM);
  }

  @Test
  void aRealIncidentPagesOneWaitPeriodAfterBothAlarmsFire(CloudTwin twin) {
    trouble(twin, 40);
    alarms(twin);
    twin.advance(ofMinutes(50));
    assertThat(twin)
        .compositeAlarm("page-oncall")
        .transitionedToAlarmAt(ofMinutes(43))
        .tookActionsAt(ofMinutes(44));
  }
}
