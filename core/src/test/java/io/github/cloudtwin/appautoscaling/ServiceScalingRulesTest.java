package io.github.cloudtwin.appautoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Application Auto Scaling rules for an ECS service, each from AWS's documentation: the limits of a
 * scalable target, what deregistering and deleting remove, the policy quota, step scaling with
 * ExactCapacity and its cooldown, and several target tracking policies agreeing before a scale-in.
 * Metrics are custom ones the test publishes, so each alarm breaches exactly when the test says.
 */
class ServiceScalingRulesTest {

  private static final String RESOURCE = "service/prod/web";
  private static final MetricId LOAD = MetricId.of("Custom", "Load", "Service", "web");

  private final CloudTwin twin = CloudTwin.builder().seed(11).build();
  private final ApplicationAutoScaling aas = twin.applicationAutoScaling();

  /** Service web with {@code desired} tasks of 256 CPU units on one m5.xlarge (16 fit). */
  private EcsService service(int desired) {
    twin.ecs().createCluster("prod");
    Instance i =
        twin.ec2()
            .runInstance(
                InstanceSpec.builder()
                    .instanceType("m5.xlarge")
                    .availabilityZone("us-east-1a")
                    .build());
    twin.advance(InstanceSpec.DEFAULT_BOOT_TIME);
    twin.ecs().registerContainerInstance("prod", i.instanceId());
    twin.ecs()
        .registerTaskDefinition(
            TaskDefinitionSpec.builder("web")
                .cpu(256)
                .memory(512)
                .container(ContainerDefinition.builder("app", "nginx").build())
                .build());
    EcsService s =
        twin.ecs()
            .createService(ServiceSpec.builder("prod", "web", "web").desiredCount(desired).build());
    twin.advance(Duration.ofMinutes(2));
    assertThat(s.runningCount()).isEqualTo(desired);
    return s;
  }

  /** An alarm on LOAD at or above {@code threshold} for one minute, invoking {@code policy}. */
  private void alarm(String name, double threshold, ScalingPolicy policy) {
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName(name)
                .metric(LOAD)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GreaterThanOrEqualToThreshold)
                .alarmActions(policy.alarmAction())
                .build());
  }

  /** Publishes {@code value} on {@code metric} every minute for {@code minutes} minutes. */
  private void publish(MetricId metric, double value, int minutes) {
    for (int m = 0; m < minutes; m++) {
      twin.cloudWatch().putMetricData(metric, value);
      twin.advance(Duration.ofMinutes(1));
    }
  }

  private List<String> activities() {
    return aas.describeScalingActivities(RESOURCE).stream()
        .map(ScalingActivity::description)
        .toList();
  }

  private boolean alarmExists(String name) {
    return twin.cloudWatch().alarms().stream().anyMatch(a -> a.alarmName().equals(name));
  }

  @Test
  void aDesiredCountAtEitherLimitIsLeftAsItIsAndTheTargetIsReturnedAndListed() {
    // RegisterScalableTarget: a current capacity outside the new limits is moved to the nearest
    // limit; one at a limit is inside them. MinCapacity may equal MaxCapacity.
    EcsService s = service(4);
    ScalableTarget t =
        aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 4, 9));
    assertThat(t.resourceId()).isEqualTo(RESOURCE);
    assertThat(t.minCapacity()).isEqualTo(4);
    assertThat(t.maxCapacity()).isEqualTo(9);
    aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 1, 4));
    aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 4, 4));
    assertThat(s.desiredCount()).isEqualTo(4);
    assertThat(activities()).isEmpty();
    assertThat(aas.scalableTargets()).singleElement().isSameAs(t);
    assertThat(t.maxCapacity()).isEqualTo(4);
  }

  @Test
  void deregisteringATargetDeletesItsPoliciesAndTheirAlarms() {
    // DeregisterScalableTarget: "Deregistering a scalable target deletes the scaling policies and
    // the scheduled actions that are associated with it."
    service(2);
    ScalableTarget t =
        aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 1, 9));
    ScalingPolicy p =
        aas.putScalingPolicy(
            TargetTrackingPolicySpec.predefined(
                "cpu50", RESOURCE, PredefinedMetricType.ECSServiceAverageCPUUtilization, 50));
    assertThat(t.policies()).extracting(ScalingPolicy::policyName).containsExactly("cpu50");
    assertThat(p.alarmNames()).hasSize(2).allMatch(this::alarmExists);

    aas.deregisterScalableTarget(RESOURCE);
    assertThat(p.alarmNames()).noneMatch(this::alarmExists);
    assertThat(aas.scalableTargets()).isEmpty();
    assertThatThrownBy(() -> aas.scalableTarget(RESOURCE))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("No scalable target registered");
  }

  @Test
  void deletingATargetTrackingPolicyDeletesItsAlarmsAndAStepPolicyLeavesTheUsersAlarm() {
    // DeleteScalingPolicy: "Deleting a step scaling policy deletes the underlying alarm action,
    // but does not delete the CloudWatch alarm associated with the scaling policy"; deleting a
    // target tracking policy deletes the alarms Application Auto Scaling created for it.
    service(2);
    aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 1, 9));
    ScalingPolicy tt =
        aas.putScalingPolicy(
            TargetTrackingPolicySpec.predefined(
                "cpu50", RESOURCE, PredefinedMetricType.ECSServiceAverageCPUUtilization, 50));
    ScalingPolicy step =
        aas.putScalingPolicy(
            StepScalingPolicySpec.of(
                "out", RESOURCE, AdjustmentType.ChangeInCapacity, StepAdjustment.of(0.0, null, 1)));
    alarm("load-high", 80, step);

    aas.deleteScalingPolicy("cpu50", RESOURCE);
    assertThat(tt.alarmNames()).noneMatch(this::alarmExists);
    aas.deleteScalingPolicy("out", RESOURCE);
    assertThat(alarmExists("load-high")).isTrue();
    assertThat(aas.scalableTarget(RESOURCE).policies()).isEmpty();
    assertThatThrownBy(() -> aas.deleteScalingPolicy("out", RESOURCE))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("PolicyName");
  }

  @Test
  void puttingAPolicyUnderAnExistingNameReplacesItAndItsAlarms() {
    // PutScalingPolicy: "Creates or updates a scaling policy"
    service(2);
    aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 1, 9));
    ScalingPolicy first =
        aas.putScalingPolicy(
            TargetTrackingPolicySpec.predefined(
                "cpu", RESOURCE, PredefinedMetricType.ECSServiceAverageCPUUtilization, 50));
    ScalingPolicy second =
        aas.putScalingPolicy(
            TargetTrackingPolicySpec.predefined(
                "cpu", RESOURCE, PredefinedMetricType.ECSServiceAverageCPUUtilization, 70));
    assertThat(first.alarmNames()).noneMatch(this::alarmExists);
    assertThat(second.alarmNames()).hasSize(2).allMatch(this::alarmExists);
    assertThat(aas.scalableTarget(RESOURCE).policies()).singleElement().isEqualTo(second);
    assertThat(second.policyArn()).contains(":policyName/cpu").startsWith("arn:aws:autoscaling:");
  }

  @Test
  void anUpdatedStepPolicyKeepsItsArnAndTheAlarmOnItRunsTheNewSteps() {
    // PutScalingPolicy: "To update an existing policy, use the existing policy name": the same
    // policy (same ARN), so an alarm whose action names it runs the updated steps
    EcsService s = service(2);
    aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 1, 9));
    ScalingPolicy first =
        aas.putScalingPolicy(
            StepScalingPolicySpec.of(
                "out", RESOURCE, AdjustmentType.ChangeInCapacity, StepAdjustment.of(0.0, null, 1)));
    alarm("load-high", 80, first);
    ScalingPolicy updated =
        aas.putScalingPolicy(
            StepScalingPolicySpec.of(
                "out", RESOURCE, AdjustmentType.ChangeInCapacity, StepAdjustment.of(0.0, null, 3)));
    assertThat(updated.policyArn()).isEqualTo(first.policyArn());

    publish(LOAD, 90, 2);
    assertThat(s.desiredCount()).as("2 + 3 from the updated step, not 2 + 1").isEqualTo(5);
  }

  @Test
  void aTargetTakesFiftyPoliciesAndAFiftyFirstIsRejectedWhileReplacingOneStillWorks() {
    // Application Auto Scaling quotas: "Scaling policies per scalable target: 50"
    service(2);
    aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 1, 9));
    for (int i = 1; i <= ApplicationAutoScaling.MAX_POLICIES; i++) {
      aas.putScalingPolicy(
          StepScalingPolicySpec.of(
              "p" + i, RESOURCE, AdjustmentType.ChangeInCapacity, StepAdjustment.of(0.0, null, 1)));
    }
    assertThatThrownBy(
            () ->
                aas.putScalingPolicy(
                    StepScalingPolicySpec.of(
                        "p51",
                        RESOURCE,
                        AdjustmentType.ChangeInCapacity,
                        StepAdjustment.of(0.0, null, 1))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at most 50 policies");
    aas.putScalingPolicy(
        StepScalingPolicySpec.of(
            "p50", RESOURCE, AdjustmentType.ChangeInCapacity, StepAdjustment.of(0.0, null, 2)));
    assertThat(aas.scalableTarget(RESOURCE).policies()).hasSize(50);
  }

  @Test
  void exactCapacitySetsTheDesiredCountAndDoesNothingWhenItIsAlreadyThere() {
    // "Step scaling policies for Application Auto Scaling", adjustment types: ExactCapacity
    // changes the current capacity to the specified value; StepAdjustment: for ExactCapacity the
    // adjustment is not negative (0 is allowed).
    EcsService s = service(3);
    aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 0, 9));
    ScalingPolicy three =
        aas.putScalingPolicy(
            StepScalingPolicySpec.of(
                "three", RESOURCE, AdjustmentType.ExactCapacity, StepAdjustment.of(0.0, null, 3)));
    alarm("load-high", 50, three);
    publish(LOAD, 60, 3);
    assertThat(twin.cloudWatch().alarm("load-high").state()).isEqualTo(AlarmState.ALARM);
    assertThat(s.desiredCount()).isEqualTo(3);
    assertThat(activities()).isEmpty();

    // the policy is deleted: its alarm (still in ALARM) no longer sets the count back to 3
    aas.deleteScalingPolicy("three", RESOURCE);
    ScalingPolicy five =
        aas.putScalingPolicy(
            StepScalingPolicySpec.of(
                "five", RESOURCE, AdjustmentType.ExactCapacity, StepAdjustment.of(0.0, null, 5)));
    alarm("load-higher", 70, five);
    publish(LOAD, 80, 4);
    assertThat(twin.cloudWatch().alarm("load-high").state()).isEqualTo(AlarmState.ALARM);
    assertThat(s.desiredCount()).isEqualTo(5);
    assertThat(activities()).containsExactly("Setting desired count to 5.");

    assertThat(
            StepScalingPolicySpec.of(
                    "zero", RESOURCE, AdjustmentType.ExactCapacity, StepAdjustment.of(0.0, null, 0))
                .stepAdjustments())
        .hasSize(1);
    assertThatThrownBy(
            () ->
                StepScalingPolicySpec.of(
                    "neg",
                    RESOURCE,
                    AdjustmentType.ExactCapacity,
                    StepAdjustment.of(0.0, null, -1)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ScalingAdjustment");
  }

  @Test
  void aStepScaleInWaitsForItsCooldownBeforeTheNextOne() {
    // "Step scaling policies for Application Auto Scaling", cooldown: during a scale-in cooldown,
    // the alarm triggering the policy again does not remove more capacity until it expires.
    EcsService s = service(6);
    aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 1, 9));
    ScalingPolicy in =
        aas.putScalingPolicy(
            StepScalingPolicySpec.of(
                    "in",
                    RESOURCE,
                    AdjustmentType.ChangeInCapacity,
                    StepAdjustment.of(0.0, null, -1))
                .withCooldown(Duration.ofMinutes(3)));
    alarm("load-low", 10, in);
    publish(LOAD, 20, 2);
    assertThat(s.desiredCount()).isEqualTo(5);
    publish(LOAD, 20, 1); // re-invoked each minute in ALARM, inside the 3-minute cooldown
    assertThat(s.desiredCount()).isEqualTo(5);
    publish(LOAD, 20, 2); // the cooldown has ended: the next invocation removes one more
    assertThat(s.desiredCount()).isEqualTo(4);
    assertThat(activities())
        .containsExactly("Setting desired count to 5.", "Setting desired count to 4.");
  }

  @Test
  void withTwoTargetTrackingPoliciesScaleInWaitsUntilBothAreReadyToScaleIn() {
    // "Target tracking scaling policies for Application Auto Scaling", multiple policies:
    // Application Auto Scaling scales in only if all of the target tracking policies (with the
    // scale-in portion enabled) are ready to scale in.
    EcsService s = service(6);
    aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 1, 9));
    MetricId a = MetricId.of("Custom", "A", "Service", "web");
    MetricId b = MetricId.of("Custom", "B", "Service", "web");
    for (MetricId m : List.of(a, b)) {
      aas.putScalingPolicy(
          new TargetTrackingPolicySpec(
              "tt-" + m.metricName(),
              RESOURCE,
              null,
              null,
              m,
              Statistic.AVERAGE,
              50,
              Duration.ofMinutes(5),
              Duration.ofMinutes(5),
              false));
    }
    // A is low (10 < 45, its scale-in threshold); B sits at its target
    for (int m = 0; m < 20; m++) {
      twin.cloudWatch().putMetricData(a, 10);
      twin.cloudWatch().putMetricData(b, 50);
      twin.advance(Duration.ofMinutes(1));
    }
    assertThat(s.desiredCount()).isEqualTo(6);
    assertThat(activities()).isEmpty();
    // now both are low: after B's low alarm has seen 15 minutes, the service scales in
    for (int m = 0; m < 17; m++) {
      twin.cloudWatch().putMetricData(a, 10);
      twin.cloudWatch().putMetricData(b, 10);
      twin.advance(Duration.ofMinutes(1));
    }
    assertThat(s.desiredCount()).isLessThan(6);
  }

  @Test
  void aCustomizedMetricKeepsItsStatisticAndTheTargetValueMustBeAboveZero() {
    // TargetTrackingScalingPolicyConfiguration: CustomizedMetricSpecification.Statistic;
    // TargetValue has a minimum of 8.515920e-109 (so 0 is rejected and a tiny value accepted)
    service(2);
    aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 1, 9));
    ScalingPolicy p =
        aas.putScalingPolicy(
            new TargetTrackingPolicySpec(
                "max",
                RESOURCE,
                null,
                null,
                LOAD,
                Statistic.MAXIMUM,
                50,
                Duration.ZERO,
                Duration.ZERO,
                false));
    assertThat(p.alarmNames())
        .allSatisfy(
            n ->
                assertThat(twin.cloudWatch().alarm(n).spec().statistic())
                    .isEqualTo(Statistic.MAXIMUM));
    assertThatThrownBy(
            () ->
                TargetTrackingPolicySpec.predefined(
                    "zero", RESOURCE, PredefinedMetricType.ECSServiceAverageCPUUtilization, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("TargetValue");
    assertThat(
            TargetTrackingPolicySpec.predefined(
                    "tiny",
                    RESOURCE,
                    PredefinedMetricType.ECSServiceAverageCPUUtilization,
                    8.6e-109)
                .targetValue())
        .isPositive();
  }

  @Test
  void aStepWhoseUpperBoundIsNotAboveItsLowerBoundIsRejected() {
    // StepAdjustment (Application Auto Scaling API reference): "The upper bound must be greater
    // than the lower bound."
    assertThatThrownBy(() -> StepAdjustment.of(10.0, 5.0, 1))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> StepAdjustment.of(5.0, 5.0, 1))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void aScaleOutAtTheMaximumAndAScaleInAtTheMinimumChangeNothingAndRecordNoActivity() {
    // RegisterScalableTarget: Application Auto Scaling does not scale a target above MaxCapacity
    // or below MinCapacity; a policy asking for more (or less) changes nothing, so there is no
    // scaling activity to describe.
    EcsService s = service(4);
    aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 2, 4));
    ScalingPolicy out =
        aas.putScalingPolicy(
            StepScalingPolicySpec.of(
                "out", RESOURCE, AdjustmentType.ChangeInCapacity, StepAdjustment.of(0.0, null, 2)));
    alarm("load-high", 50, out);
    publish(LOAD, 60, 3);
    assertThat(twin.cloudWatch().alarm("load-high").state()).isEqualTo(AlarmState.ALARM);
    assertThat(s.desiredCount()).isEqualTo(4);
    assertThat(activities()).isEmpty();

    aas.deleteScalingPolicy("out", RESOURCE);
    aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 4, 9));
    ScalingPolicy in =
        aas.putScalingPolicy(
            StepScalingPolicySpec.of(
                "in", RESOURCE, AdjustmentType.ChangeInCapacity, StepAdjustment.of(0.0, null, -1)));
    alarm("load-low", 10, in);
    publish(LOAD, 20, 3);
    assertThat(twin.cloudWatch().alarm("load-low").state()).isEqualTo(AlarmState.ALARM);
    assertThat(s.desiredCount()).isEqualTo(4);
    assertThat(activities()).isEmpty();
  }

  @Test
  void aScaleOutAfterTheCooldownEndedStartsANewCooldownFromTheCapacityThen() {
    // "Step scaling policies for Application Auto Scaling", cooldown period: while a scale-out
    // cooldown is in effect, the capacity added by the scale-out that started it counts as part
    // of the capacity for the next scale-out. Each scale-out outside a cooldown starts a new one,
    // so the capacity that counts is the one when the latest cooldown began.
    EcsService s = service(4);
    aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 1, 16));
    ScalingPolicy steps =
        aas.putScalingPolicy(
            StepScalingPolicySpec.of(
                    "steps",
                    RESOURCE,
                    AdjustmentType.ChangeInCapacity,
                    StepAdjustment.of(0.0, 10.0, 2),
                    StepAdjustment.of(10.0, null, 3))
                .withCooldown(Duration.ofMinutes(3)));
    alarm("load-high", 50, steps);
    publish(LOAD, 55, 1); // +2 on 4: a cooldown starts with 4 as its capacity
    assertThat(s.desiredCount()).isEqualTo(6);
    publish(LOAD, 55, 2); // inside the cooldown, +2 on 4 adds nothing
    assertThat(s.desiredCount()).isEqualTo(6);
    publish(LOAD, 55, 1); // the cooldown has ended: +2 on the 6 running, a new cooldown from 6
    assertThat(s.desiredCount()).isEqualTo(8);
    publish(LOAD, 65, 1); // +3 inside the new cooldown counts from 6, not from 4: adds 1
    assertThat(s.desiredCount()).isEqualTo(9);
    assertThat(activities())
        .containsExactly(
            "Setting desired count to 6.",
            "Setting desired count to 8.",
            "Setting desired count to 9.");
  }

  @Test
  void aTargetTrackingScaleInWaitsForTheScaleInCooldownNotTheScaleOutOne() {
    // TargetTrackingScalingPolicyConfiguration: ScaleInCooldown is the time after a scale-in
    // activity completes before another scale-in can start; ScaleOutCooldown applies to
    // scale-outs only.
    EcsService s = service(6);
    aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 1, 16));
    aas.putScalingPolicy(
        new TargetTrackingPolicySpec(
            "tt",
            RESOURCE,
            null,
            null,
            LOAD,
            Statistic.AVERAGE,
            50,
            Duration.ofMinutes(1),
            Duration.ofMinutes(10),
            false));
    publish(LOAD, 10, 16); // 15 of 15 low datapoints: 6 tasks at 10 against 50 need 2
    assertThat(s.desiredCount()).isEqualTo(2);
    publish(LOAD, 10, 5); // still low, but inside the 10-minute scale-in cooldown
    assertThat(s.desiredCount()).isEqualTo(2);
    publish(LOAD, 10, 6); // the scale-in cooldown has ended: 2 at 10 against 50 need 1
    assertThat(s.desiredCount()).isEqualTo(1);
  }

  @Test
  void aStepAdjustmentStartsFromTheRunningTasksWhenSomeCannotBePlaced() {
    // docs/ecs.md, Application Auto Scaling: calculations start from the running task count, so
    // tasks that cannot be placed do not feed a runaway scale-out (aws-behaviour 5.7).
    EcsService s = service(16); // the one m5.xlarge is full
    aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 1, 30));
    twin.ecs()
        .updateService(
            io.github.cloudtwin.ecs.ServiceUpdate.builder("prod", "web").desiredCount(18).build());
    twin.advance(Duration.ofMinutes(1));
    assertThat(s.runningCount()).isEqualTo(16);
    ScalingPolicy out =
        aas.putScalingPolicy(
            StepScalingPolicySpec.of(
                "out", RESOURCE, AdjustmentType.ChangeInCapacity, StepAdjustment.of(0.0, null, 1)));
    alarm("load-high", 50, out);
    publish(LOAD, 60, 3); // +1 on the 16 running is 17: below the desired 18, so nothing changes
    assertThat(twin.cloudWatch().alarm("load-high").state()).isEqualTo(AlarmState.ALARM);
    assertThat(s.desiredCount()).isEqualTo(18);
    assertThat(activities()).isEmpty();
  }
}
