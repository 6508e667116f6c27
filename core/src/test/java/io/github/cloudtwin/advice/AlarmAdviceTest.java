package io.github.cloudtwin.advice;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.cloudwatch.TreatMissingData;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.traffic.TrafficFlow;
import io.github.cloudtwin.traffic.Workload;
import org.junit.jupiter.api.Test;

/** The alarm rules' predictions, each followed by the scenario that shows it. */
class AlarmAdviceTest {

  static final MetricId CPU =
      MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web");

  static MetricAlarm cpuAlarm(CloudTwin twin, boolean detailedMonitoring) {
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .minSize(2)
                .maxSize(2)
                .availabilityZones("us-east-1a", "us-east-1b")
                .detailedMonitoring(detailedMonitoring)
                .build());
    // tag::period[]
    return twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("cpu-high")
                .metric(CPU)
                .period(ofMinutes(1))
                .evaluationPeriods(2)
                .threshold(80)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .build());
    // end::period[]
  }

  @Test
  void aOneMinutePeriodOnBasicMonitoringIsPredictedToMissEveryBreachAndDoes() {
    try (CloudTwin twin = CloudTwin.create()) {
      MetricAlarm alarm = cpuAlarm(twin, false);
      assertThat(twin.advice().findings(AdviceRule.PERIOD_FINER_THAN_RESOLUTION))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.resources()).containsExactly("alarm/cpu-high", "group/web");
                assertThat(f.happens()).contains("60 s periods").contains("basic monitoring");
              });
      twin.cloudWatch()
          .inject(
              MetricInjection.metric("CPUUtilization")
                  .forGroup("web")
                  .from(ofMinutes(5))
                  .constant(95));
      twin.advance(ofMinutes(60));
      // one datapoint every five minutes never makes two breaching one-minute datapoints in a row
      assertThat(alarm.stateHistory()).noneMatch(h -> h.newState() == AlarmState.ALARM);
    }
  }

  @Test
  void detailedMonitoringIsNotFlaggedAndTheSameBreachTripsTheAlarm() {
    try (CloudTwin twin = CloudTwin.create()) {
      MetricAlarm alarm = cpuAlarm(twin, true);
      assertThat(twin.advice().findings(AdviceRule.PERIOD_FINER_THAN_RESOLUTION)).isEmpty();
      twin.cloudWatch()
          .inject(
              MetricInjection.metric("CPUUtilization")
                  .forGroup("web")
                  .from(ofMinutes(5))
                  .constant(95));
      twin.advance(ofMinutes(60));
      assertThat(alarm.state()).isEqualTo(AlarmState.ALARM);
    }
  }

  /**
   * Four instances behind an ALB; a scale-in alarm on RequestCount below 600 a minute removes one.
   */
  static AutoScalingGroup scaleInOnRequests(CloudTwin twin, TreatMissingData missing) {
    twin.loadBalancing()
        .createLoadBalancer(
            LoadBalancerSpec.application("web")
                .availabilityZones("us-east-1a", "us-east-1b")
                .build());
    twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("web-tg").port(80).build());
    twin.loadBalancing()
        .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    AutoScalingGroup web =
        twin.autoScaling()
            .createAutoScalingGroup(
                AutoScalingGroupSpec.builder()
                    .autoScalingGroupName("web")
                    .minSize(1)
                    .maxSize(4)
                    .desiredCapacity(4)
                    .availabilityZones("us-east-1a", "us-east-1b")
                    .targetGroupNames("web-tg")
                    .build());
    ScalingPolicy shed =
        twin.autoScaling()
            .putScalingPolicy(
                SimpleScalingPolicy.builder()
                    .policyName("shed")
                    .autoScalingGroupName("web")
                    .scalingAdjustment(-1)
                    .build());
    MetricId requests =
        MetricId.of(
            "AWS/ApplicationELB",
            "RequestCount",
            "LoadBalancer",
            twin.loadBalancing().loadBalancer("web").dimensionValue());
    // tag::silent-scale-in[]
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("few-requests")
                .metric(requests)
                .statistic(io.github.cloudtwin.cloudwatch.Statistic.SUM)
                .period(ofMinutes(1))
                .evaluationPeriods(3)
                .threshold(600)
                .comparisonOperator(ComparisonOperator.LessThanThreshold)
                .treatMissingData(missing)
                .alarmActions(shed.asAlarmAction())
                .build());
    // end::silent-scale-in[]
    return web;
  }

  @Test
  void
      aScaleInAlarmOnRequestsThatTreatsMissingDataAsMissingIsPredictedToStaySilentWhenTrafficStopsAndDoes() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup web = scaleInOnRequests(twin, TreatMissingData.missing);
      assertThat(twin.advice().findings(AdviceRule.SCALE_IN_SILENT_WITHOUT_DATA))
          .singleElement()
          .satisfies(
              f ->
                  assertThat(f.resources())
                      .containsExactly("alarm/few-requests", "policy/shed", "group/web"));
      TrafficFlow busy = twin.traffic().apply("web", Workload.constant(50)); // 3,000 a minute
      twin.advance(ofMinutes(30));
      busy.stop();
      twin.advance(ofMinutes(60));
      assertThat(web.desiredCapacity())
          .as("idle capacity an hour after traffic stopped")
          .isEqualTo(4);
    }
  }

  @Test
  void aScaleInAlarmThatTreatsMissingDataAsBreachingIsNotFlaggedAndScalesTheIdleGroupIn() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup web = scaleInOnRequests(twin, TreatMissingData.breaching);
      assertThat(twin.advice().findings(AdviceRule.SCALE_IN_SILENT_WITHOUT_DATA)).isEmpty();
      TrafficFlow busy = twin.traffic().apply("web", Workload.constant(50));
      twin.advance(ofMinutes(30));
      busy.stop();
      twin.advance(ofMinutes(60));
      assertThat(web.desiredCapacity()).isEqualTo(1);
    }
  }
}
