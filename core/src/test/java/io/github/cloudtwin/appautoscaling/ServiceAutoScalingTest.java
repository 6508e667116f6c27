package io.github.cloudtwin.appautoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.Ecs;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Service auto scaling (aws-behaviour.md 2.3, 2.4, 2.5, 5.7). */
class ServiceAutoScalingTest {

  private static final String RESOURCE = "service/prod/web";

  private final CloudTwin twin = CloudTwin.builder().seed(3).build();
  private final Ecs ecs = twin.ecs();
  private final ApplicationAutoScaling aas = twin.applicationAutoScaling();

  /**
   * A cluster of {@code instances} m5.xlarge (4096 CPU units each) and service web of 512-unit
   * tasks.
   */
  private EcsService service(int instances, int desired) {
    ecs.createCluster("prod");
    List<Instance> launched = new ArrayList<>();
    String[] zones = {"a", "b", "c"};
    for (int i = 0; i < instances; i++) {
      launched.add(
          twin.ec2()
              .runInstance(
                  InstanceSpec.builder()
                      .instanceType("m5.xlarge")
                      .availabilityZone("us-east-1" + zones[i % 3])
                      .build()));
    }
    twin.advance(Duration.ofSeconds(30));
    for (Instance i : launched) ecs.registerContainerInstance("prod", i.instanceId());
    ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .cpu(512)
            .memory(1024)
            .container(ContainerDefinition.builder("app", "nginx").portMapping(80).build())
            .build());
    EcsService s =
        ecs.createService(ServiceSpec.builder("prod", "web", "web").desiredCount(desired).build());
    twin.advance(Duration.ofMinutes(2));
    assertThat(s.runningCount()).isEqualTo(desired);
    return s;
  }

  /** Offers the request rate that keeps {@code tasks} tasks of 512 units at {@code percent} CPU. */
  private void load(int tasks, double percent) {
    ecs.inProcessRuntime().setRequestRate("prod", "web", tasks * 512 * percent / 100.0);
  }

  @Test
  void
      targetTrackingCreatesAlarmHighAboveTargetThreeOfThreeAndAlarmLowBelowNinetyPercentFifteenOfFifteen() {
    service(3, 4);
    aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 1, 20));
    ScalingPolicy p =
        aas.putScalingPolicy(
            TargetTrackingPolicySpec.predefined(
                "cpu50", RESOURCE, PredefinedMetricType.ECSServiceAverageCPUUtilization, 50));
    assertThat(p.alarmNames()).hasSize(2);
    MetricAlarm high = twin.cloudWatch().alarm(p.alarmNames().get(0));
    MetricAlarm low = twin.cloudWatch().alarm(p.alarmNames().get(1));
    assertThat(high.alarmName())
        .matches(
            "TargetTracking-service/prod/web-AlarmHigh-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(low.alarmName()).startsWith("TargetTracking-service/prod/web-AlarmLow-");
    assertThat(high.spec().threshold()).isEqualTo(50.0);
    assertThat(high.spec().comparisonOperator()).isEqualTo(ComparisonOperator.GreaterThanThreshold);
    assertThat(high.spec().evaluationPeriods()).isEqualTo(3);
    assertThat(high.spec().datapointsToAlarm()).isEqualTo(3);
    assertThat(high.spec().metric())
        .isEqualTo(
            MetricId.of("AWS/ECS", "CPUUtilization", "ClusterName", "prod", "ServiceName", "web"));
    assertThat(low.spec().threshold()).isEqualTo(45.0);
    assertThat(low.spec().comparisonOperator()).isEqualTo(ComparisonOperator.LessThanThreshold);
    assertThat(low.spec().evaluationPeriods()).isEqualTo(15);
    assertThat(low.spec().datapointsToAlarm()).isEqualTo(15);
  }

  @Test
  void anActivityIsInProgressUntilEcsHasFulfilledTheChangeThenSuccessfulWithAwsStatusMessage() {
    EcsService s = service(3, 4);
    aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 1, 20));
    aas.putScalingPolicy(
        TargetTrackingPolicySpec.predefined(
            "cpu50", RESOURCE, PredefinedMetricType.ECSServiceAverageCPUUtilization, 50));
    load(4, 80);
    ScalingActivity started = null;
    for (int i = 0; i < 600 && started == null; i++) {
      twin.advance(Duration.ofSeconds(1));
      List<ScalingActivity> acts = aas.describeScalingActivities(RESOURCE);
      if (!acts.isEmpty()) started = acts.get(0);
    }
    assertThat(started).isNotNull();
    assertThat(started.statusCode()).isEqualTo("InProgress");
    assertThat(started.endTime()).isNull();
    assertThat(started.statusMessage()).isNull();
    assertThat(s.desiredCount()).isEqualTo(7);

    twin.advance(ApplicationAutoScaling.FULFILMENT_TIME);
    ScalingActivity done = aas.describeScalingActivities(RESOURCE).get(0);
    assertThat(done.activityId()).isEqualTo(started.activityId());
    assertThat(done.statusCode()).isEqualTo("Successful");
    assertThat(done.statusMessage())
        .isEqualTo("Successfully set desired count to 7. Change successfully fulfilled by ecs.");
    assertThat(done.endTime())
        .isEqualTo(started.startTime().plus(ApplicationAutoScaling.FULFILMENT_TIME));
  }

  @Test
  void cpuAt80WithTarget50ScalesFourToSevenThenCpuAt30ScalesInToFiveAfterFifteenMinutes() {
    EcsService s = service(3, 4);
    aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 1, 20));
    ScalingPolicy p =
        aas.putScalingPolicy(
            TargetTrackingPolicySpec.predefined(
                "cpu50", RESOURCE, PredefinedMetricType.ECSServiceAverageCPUUtilization, 50));
    load(4, 80);
    twin.advance(Duration.ofMinutes(4));
    assertThat(s.desiredCount()).isEqualTo(7);
    List<ScalingActivity> acts = aas.describeScalingActivities(RESOURCE);
    assertThat(acts).hasSize(1);
    assertThat(acts.get(0).description()).isEqualTo("Setting desired count to 7.");
    assertThat(acts.get(0).cause())
        .isEqualTo(
            "monitor alarm " + p.alarmNames().get(0) + " in state ALARM triggered policy cpu50");
    twin.advance(Duration.ofMinutes(2));
    assertThat(s.runningCount()).isEqualTo(7);

    load(7, 30);
    twin.advance(Duration.ofMinutes(14));
    assertThat(s.desiredCount()).isEqualTo(7);
    twin.advance(Duration.ofMinutes(3));
    assertThat(s.desiredCount()).isEqualTo(5); // ceil(7 x 30 / 50)
    assertThat(aas.describeScalingActivities(RESOURCE))
        .last()
        .satisfies(
            a -> {
              assertThat(a.description()).isEqualTo("Setting desired count to 5.");
              assertThat(a.cause())
                  .isEqualTo(
                      "monitor alarm "
                          + p.alarmNames().get(1)
                          + " in state ALARM triggered policy cpu50");
            });
  }

  @Test
  void scalingStartsFromTheRunningTaskCountSoUnplaceableTasksDoNotFeedRunawayScaling() {
    EcsService s = service(1, 4); // one m5.xlarge holds 8 tasks of 512 units
    aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 1, 50));
    aas.putScalingPolicy(
        TargetTrackingPolicySpec.predefined(
                "cpu50", RESOURCE, PredefinedMetricType.ECSServiceAverageCPUUtilization, 50)
            .withCooldowns(Duration.ZERO, Duration.ofSeconds(300)));
    ecs.inProcessRuntime().setRequestRate("prod", "web", 4 * 512 * 2.4); // 240 % of 4 tasks
    twin.advance(Duration.ofMinutes(30));
    // 4 x 240 / 50 = 19.2 -> 20 desired, only 8 run; then 8 x (4 x 240 / 8) / 50 = 19.2 -> 20 again
    // (21 when a minute mixes 7 and 8 running tasks); starting from desired would climb without end
    assertThat(s.runningCount()).isEqualTo(8);
    int settled = s.desiredCount();
    assertThat(settled).isBetween(20, 21);
    twin.advance(Duration.ofMinutes(60));
    assertThat(s.desiredCount()).isEqualTo(settled);
  }

  @Test
  void disableScaleInCreatesNoLowAlarmAndNeverRemovesTasks() {
    EcsService s = service(3, 4);
    aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 1, 20));
    ScalingPolicy p =
        aas.putScalingPolicy(
            TargetTrackingPolicySpec.predefined(
                    "cpu50", RESOURCE, PredefinedMetricType.ECSServiceAverageCPUUtilization, 50)
                .withDisableScaleIn(true));
    assertThat(p.alarmNames()).singleElement().asString().contains("-AlarmHigh-");
    load(4, 10);
    twin.advance(Duration.ofMinutes(40));
    assertThat(s.desiredCount()).isEqualTo(4);
  }

  @Test
  void stepScalingDuringTheScaleOutCooldownCountsTheCapacityAlreadyAdded() {
    EcsService s = service(3, 10);
    aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 1, 30));
    ScalingPolicy p =
        aas.putScalingPolicy(
            StepScalingPolicySpec.of(
                "steps",
                RESOURCE,
                AdjustmentType.ChangeInCapacity,
                StepAdjustment.of(0.0, 10.0, 2),
                StepAdjustment.of(10.0, null, 3)));
    MetricId load = MetricId.of("Custom", "Load", "Service", "web");
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("load-high")
                .metric(load)
                .threshold(60)
                .comparisonOperator(ComparisonOperator.GreaterThanOrEqualToThreshold)
                .alarmActions(p.alarmAction())
                .build());
    twin.cloudWatch().putMetricData(load, 65); // diff 5 -> +2, evaluated at the next minute
    twin.advance(Duration.ofMinutes(1));
    assertThat(twin.cloudWatch().alarm("load-high").state()).isEqualTo(AlarmState.ALARM);
    assertThat(s.desiredCount()).isEqualTo(12);
    twin.cloudWatch().putMetricData(load, 65);
    twin.advance(Duration.ofMinutes(1)); // the re-invocation at +2 adds nothing
    assertThat(s.desiredCount()).isEqualTo(12);
    twin.cloudWatch().putMetricData(load, 75); // diff 15 -> +3 on the base of 10: adds only 1
    twin.advance(Duration.ofMinutes(1));
    assertThat(s.desiredCount()).isEqualTo(13);
    assertThat(aas.describeScalingActivities(RESOURCE))
        .extracting(ScalingActivity::description)
        .containsExactly("Setting desired count to 12.", "Setting desired count to 13.");
  }

  @Test
  void percentChangeRoundsAsAwsDoes() {
    StepScalingPolicySpec pct =
        new StepScalingPolicySpec(
            "p",
            RESOURCE,
            AdjustmentType.PercentChangeInCapacity,
            List.of(StepAdjustment.of(0.0, null, 25)),
            2,
            Duration.ofSeconds(300));
    assertThat(PolicyExecution.adjustment(pct, 25, 4)).isEqualTo(2); // 1 raised to 2
    StepScalingPolicySpec plain =
        StepScalingPolicySpec.of(
            "p", RESOURCE, AdjustmentType.PercentChangeInCapacity, StepAdjustment.of(0.0, null, 1));
    assertThat(PolicyExecution.adjustment(plain, -30, 13)).isEqualTo(-3);
    assertThat(PolicyExecution.adjustment(plain, -5, 10)).isEqualTo(-1);
    assertThat(PolicyExecution.adjustment(plain, 10, 3)).isEqualTo(1);
    assertThat(PolicyExecution.adjustment(plain, 50, 10)).isEqualTo(5);
  }

  @Test
  void registeringMovesTheDesiredCountIntoTheLimits() {
    EcsService s = service(3, 4);
    aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 6, 10));
    assertThat(s.desiredCount()).isEqualTo(6);
    assertThat(aas.describeScalingActivities(RESOURCE))
        .singleElement()
        .satisfies(a -> assertThat(a.description()).isEqualTo("Setting desired count to 6."));
  }

  @Test
  void badTargetsAndPoliciesAreRejected() {
    service(1, 1);
    assertThatThrownBy(() -> ScalableTargetSpec.ecsService("prod", "web", 5, 2))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Minimum capacity cannot be greater than maximum capacity");
    assertThatThrownBy(
            () -> aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "nope", 1, 2)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Service not found.");
    assertThatThrownBy(
            () ->
                aas.putScalingPolicy(
                    TargetTrackingPolicySpec.predefined(
                        "x", RESOURCE, PredefinedMetricType.ECSServiceAverageCPUUtilization, 50)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("No scalable target registered");
    assertThatThrownBy(
            () ->
                StepScalingPolicySpec.of(
                    "s",
                    RESOURCE,
                    AdjustmentType.ChangeInCapacity,
                    StepAdjustment.of(0.0, 10.0, 1),
                    StepAdjustment.of(20.0, null, 2)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("intervals without gaps");
    assertThatThrownBy(
            () ->
                TargetTrackingPolicySpec.requestCountPerTarget(
                    "r", RESOURCE, "targetgroup/web", 100))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ResourceLabel");
  }

  @Test
  void scaleInWaitsWhileADeploymentIsInProgressAndWhenSuspended() {
    EcsService s = service(3, 6);
    aas.registerScalableTarget(
        ScalableTargetSpec.ecsService("prod", "web", 1, 20).withSuspended(true, false));
    aas.putScalingPolicy(
        TargetTrackingPolicySpec.predefined(
            "cpu50", RESOURCE, PredefinedMetricType.ECSServiceAverageCPUUtilization, 50));
    load(6, 10);
    twin.advance(Duration.ofMinutes(20));
    assertThat(s.desiredCount()).isEqualTo(6); // DynamicScalingInSuspended
    aas.registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 1, 20));
    ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .cpu(512)
            .memory(1024)
            .container(ContainerDefinition.builder("app", "nginx").portMapping(80).build())
            .build());
    ecs.inProcessRuntime()
        .behavior(
            "web:2",
            io.github.cloudtwin.ecs.TaskBehavior.DEFAULT.withExit(Duration.ofSeconds(3), 1));
    ecs.updateService(
        io.github.cloudtwin.ecs.ServiceUpdate.builder("prod", "web")
            .taskDefinition("web:2")
            .build());
    twin.advance(Duration.ofMinutes(5));
    assertThat(s.deployments()).hasSize(2); // web:2 keeps failing: the deployment stays in progress
    assertThat(s.desiredCount()).isEqualTo(6);
    assertThat(aas.describeScalingActivities(RESOURCE)).isEmpty();
    ecs.updateService(
        io.github.cloudtwin.ecs.ServiceUpdate.builder("prod", "web")
            .taskDefinition("web:1")
            .build());
    twin.advance(Duration.ofMinutes(3));
    assertThat(s.deployments()).hasSize(1);
    assertThat(s.desiredCount()).isLessThan(6); // scale-in resumed once the deployment completed
    assertThat(aas.describeScalingActivities(RESOURCE))
        .first()
        .satisfies(
            a ->
                assertThat(a.startTime())
                    .isAfterOrEqualTo(
                        twin.timeline()
                            .events(e -> e.message().endsWith("deployment completed."))
                            .get(1)
                            .time()));
  }
}
