package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.A;
import static io.github.cloudtwin.autoscaling.Fixtures.B;
import static io.github.cloudtwin.autoscaling.Fixtures.cpu;
import static io.github.cloudtwin.autoscaling.Fixtures.cpuAlarm;
import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * PutScalingPolicy on an existing policy name updates that policy (API reference, PutScalingPolicy:
 * "Creates or updates a scaling policy for an Auto Scaling group"): it keeps its ARN, and an alarm
 * whose action is the policy runs the updated policy. A policy deleted and put again is a new
 * policy with a new ARN; an alarm still holding the old one runs nothing.
 */
class PolicyUpdateTest {

  private static ScalingPolicy steps(CloudTwin twin, int adjustment) {
    return twin.autoScaling()
        .putScalingPolicy(
            StepScalingPolicy.builder()
                .policyName("out")
                .autoScalingGroupName("web")
                .step(0.0, null, adjustment)
                .build());
  }

  private static CloudTwin twinWithAlarmOn(int adjustment) {
    CloudTwin twin = CloudTwin.create();
    twin.autoScaling().createAutoScalingGroup(group("web", 2, 20, 2, A, B).build());
    twin.advance(Duration.ofMinutes(10));
    ScalingPolicy p = steps(twin, adjustment);
    twin.cloudWatch()
        .putMetricAlarm(
            cpuAlarm(
                "cpu-high",
                "web",
                ComparisonOperator.GreaterThanOrEqualToThreshold,
                70,
                60,
                1,
                p.asAlarmAction()));
    return twin;
  }

  @Test
  void anUpdatedPolicyKeepsItsArnAndItsAlarmRunsTheNewAdjustment() {
    try (CloudTwin twin = twinWithAlarmOn(1)) {
      String arn = twin.autoScaling().policies("web").get(0).policyArn();
      ScalingPolicy updated = steps(twin, 3);
      assertThat(updated.policyArn()).isEqualTo(arn);

      cpu(twin, "web", 90);
      twin.advance(Duration.ofMinutes(2));
      assertThat(twin.autoScaling().group("web").desiredCapacity())
          .as("2 + 3 from the updated step, not 2 + 1")
          .isEqualTo(5);
    }
  }

  @Test
  void aPolicyDeletedAndPutAgainIsANewPolicyThatTheOldAlarmDoesNotRun() {
    try (CloudTwin twin = twinWithAlarmOn(1)) {
      String arn = twin.autoScaling().policies("web").get(0).policyArn();
      twin.autoScaling().deletePolicy("web", "out");
      ScalingPolicy again = steps(twin, 3);
      assertThat(again.policyArn()).isNotEqualTo(arn);

      cpu(twin, "web", 90);
      twin.advance(Duration.ofMinutes(2));
      assertThat(twin.cloudWatch().alarm("cpu-high").state().name()).isEqualTo("ALARM");
      assertThat(twin.autoScaling().group("web").desiredCapacity()).isEqualTo(2);
    }
  }
}
