package io.github.cloudtwin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.appautoscaling.AdjustmentType;
import io.github.cloudtwin.appautoscaling.PredefinedMetricType;
import io.github.cloudtwin.appautoscaling.ScalableTargetSpec;
import io.github.cloudtwin.appautoscaling.ScalingPolicy;
import io.github.cloudtwin.appautoscaling.StepAdjustment;
import io.github.cloudtwin.appautoscaling.StepScalingPolicySpec;
import io.github.cloudtwin.appautoscaling.TargetTrackingPolicySpec;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.ecs.LaunchType;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alarms a scaling service creates are named the way AWS names them, within CloudWatch's 255
 * characters, so a valid policy on a resource with a long name is created whole (issue 13, item 2:
 * before, it threw about an AlarmName the caller never set, after the policy was recorded).
 */
class NothingHalfAppliedTest {

  @Test
  void aTargetTrackingPolicyOnAGroupWithA201CharacterNameGetsBothAlarms() {
    String name = "g".repeat(201);
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling()
          .createAutoScalingGroup(
              AutoScalingGroupSpec.builder()
                  .autoScalingGroupName(name)
                  .minSize(1)
                  .maxSize(4)
                  .availabilityZones("us-east-1a")
                  .build());
      var policy =
          twin.autoScaling()
              .putScalingPolicy(
                  TargetTrackingScalingPolicy.builder()
                      .policyName("cpu")
                      .autoScalingGroupName(name)
                      .predefinedMetric(
                          io.github.cloudtwin.autoscaling.PredefinedMetricType
                              .ASGAverageCPUUtilization)
                      .targetValue(50)
                      .build());
      List<MetricAlarm> alarms = twin.cloudWatch().alarms();
      assertThat(alarms).hasSize(2);
      assertThat(alarms)
          .allSatisfy(
              a -> {
                assertThat(a.alarmName())
                    .hasSizeLessThanOrEqualTo(255)
                    .startsWith("TargetTracking-" + name.substring(0, 150));
                assertThat(a.spec().alarmActions()).isNotEmpty();
              });
      assertThat(alarms.get(0).alarmName()).matches("TargetTracking-g+-AlarmHigh-[0-9a-f-]{36}");
      assertThat(alarms.get(1).alarmName()).matches("TargetTracking-g+-AlarmLow-[0-9a-f-]{36}");
      assertThat(twin.autoScaling().policy(name, "cpu")).isNotNull();
      assertThat(policy).isNotNull();
      List<String> kinds =
          twin.timeline().events().stream()
              .filter(e -> !e.resource().startsWith("instance/"))
              .map(TimelineEvent::kind)
              .toList();
      assertThat(kinds).containsSubsequence("put", "create", "create");
    }
  }

  @Test
  void replacingAStepPolicyByTargetTrackingOnALongResourceIdKeepsAWholePolicy() {
    String cluster = "c".repeat(200);
    String resource = "service/" + cluster + "/web";
    try (CloudTwin twin = CloudTwin.create()) {
      twin.ecs().createCluster(cluster);
      twin.ecs().registerTaskDefinition(EcsOperationsProperties.taskDef(256));
      twin.ecs()
          .createService(
              ServiceSpec.builder(cluster, "web", "web")
                  .launchType(LaunchType.FARGATE)
                  .desiredCount(1)
                  .build());
      twin.applicationAutoScaling()
          .registerScalableTarget(ScalableTargetSpec.ecsService(cluster, "web", 1, 4));
      twin.applicationAutoScaling()
          .putScalingPolicy(
              StepScalingPolicySpec.of(
                  "p", resource, AdjustmentType.ChangeInCapacity, StepAdjustment.of(0.0, null, 1)));
      ScalingPolicy p =
          twin.applicationAutoScaling()
              .putScalingPolicy(
                  TargetTrackingPolicySpec.predefined(
                      "p", resource, PredefinedMetricType.ECSServiceAverageCPUUtilization, 50));
      assertThat(p.alarmNames())
          .hasSize(2)
          .allSatisfy(
              n ->
                  assertThat(n)
                      .hasSizeLessThanOrEqualTo(255)
                      .startsWith("TargetTracking-service/ccc"));
      assertThat(twin.cloudWatch().alarms())
          .extracting(MetricAlarm::alarmName)
          .containsExactlyElementsOf(p.alarmNames());
      assertThat(twin.applicationAutoScaling().scalableTarget(resource).policies())
          .hasSize(1)
          .first()
          .satisfies(v -> assertThat(v.alarmNames()).isEqualTo(p.alarmNames()));
      twin.advance(Duration.ofMinutes(5)); // the alarms evaluate without error
    }
  }
}
