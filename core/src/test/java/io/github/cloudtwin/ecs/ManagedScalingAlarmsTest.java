package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.facts.AutoScalingFact.DesiredCapacityChanged;
import io.github.cloudtwin.facts.AutoScalingFact.PolicyExecuted;
import io.github.cloudtwin.facts.CloudWatchFact.AlarmStateChanged;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ECS managed scaling as AWS builds it
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-auto-scaling.html): a target
 * tracking policy on the provider's group, on CapacityProviderReservation, whose CloudWatch alarms
 * scale the group.
 */
class ManagedScalingAlarmsTest {

  private final CloudTwin twin = CloudTwin.builder().seed(11).build();
  private final Ecs ecs = twin.ecs();
  private final MetricId cpr =
      MetricId.of(
          "AWS/ECS/ManagedScaling",
          "CapacityProviderReservation",
          "ClusterName",
          "prod",
          "CapacityProviderName",
          "cp");

  private AutoScalingGroup group(int desired, ManagedScaling ms, boolean protection) {
    AutoScalingGroup g =
        twin.autoScaling()
            .createAutoScalingGroup(
                AutoScalingGroupSpec.builder()
                    .autoScalingGroupName("asg")
                    .launchTemplate("ecs", "1")
                    .instanceType("m5.large")
                    .minSize(0)
                    .maxSize(20)
                    .desiredCapacity(desired)
                    .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                    .build());
    ecs.createCluster("prod");
    ecs.createCapacityProvider(new CapacityProviderSpec("cp", "asg", ms, protection));
    ecs.putClusterCapacityProviders(
        "prod", List.of("cp"), List.of(CapacityProviderStrategyItem.of("cp", 1)));
    twin.advance(Duration.ofMinutes(1));
    return g;
  }

  private EcsService wholeInstanceService(int desired) {
    ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("big")
            .cpu(2048)
            .memory(4096)
            .container(ContainerDefinition.builder("app", "worker").build())
            .build());
    return ecs.createService(
        ServiceSpec.builder("prod", "big", "big").desiredCount(desired).build());
  }

  private ScalingPolicy managedPolicy() {
    String name = ecs.capacityProvider("cp").managedScalingPolicyName().orElseThrow();
    return twin.autoScaling().policy("asg", name);
  }

  @Test
  void
      associatingAProviderWithManagedScalingPutsATargetTrackingPolicyWhoseAlarmsLiveInCloudWatch() {
    group(4, ManagedScaling.target(90), false);
    ScalingPolicy policy = managedPolicy();
    assertThat(policy.policyName())
        .matches(
            "ECSManagedAutoScalingPolicy-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    TargetTrackingScalingPolicy spec = (TargetTrackingScalingPolicy) policy.spec();
    assertThat(spec.metric()).isEqualTo(cpr);
    assertThat(spec.targetValue()).isEqualTo(90);
    assertThat(spec.estimatedInstanceWarmup()).isEqualTo(Duration.ofSeconds(300));

    assertThat(ecs.capacityProvider("cp").managedScalingAlarmNames())
        .isEqualTo(policy.alarmNames());
    MetricAlarmSpec high = twin.cloudWatch().alarm(policy.highAlarmName().orElseThrow()).spec();
    assertThat(high.alarmName()).matches("TargetTracking-asg-AlarmHigh-[0-9a-f-]{36}");
    assertThat(high.metric()).isEqualTo(cpr);
    assertThat(high.comparisonOperator()).isEqualTo(ComparisonOperator.GreaterThanThreshold);
    assertThat(high.threshold()).isEqualTo(90);
    assertThat(high.datapointsToAlarm()).isEqualTo(1);
    assertThat(high.evaluationPeriods()).isEqualTo(1);
    assertThat(high.alarmActions()).containsExactly(policy.asAlarmAction());
    MetricAlarmSpec low = twin.cloudWatch().alarm(policy.lowAlarmName().orElseThrow()).spec();
    assertThat(low.alarmName()).matches("TargetTracking-asg-AlarmLow-[0-9a-f-]{36}");
    assertThat(low.comparisonOperator()).isEqualTo(ComparisonOperator.LessThanThreshold);
    assertThat(low.threshold()).isEqualTo(90);
    assertThat(low.datapointsToAlarm()).isEqualTo(15);
    assertThat(low.alarmDescription())
        .isEqualTo(
            "DO NOT EDIT OR DELETE. For TargetTrackingScaling policy " + policy.policyArn() + ".");
  }

  @Test
  void theHighAlarmGoingToAlarmTriggersThePolicyThatScalesTheGroupOutThenReturnsToOk() {
    AutoScalingGroup g = group(9, ManagedScaling.target(90), false);
    wholeInstanceService(9);
    twin.advance(Duration.ofMinutes(2));
    ScalingPolicy policy = managedPolicy();
    MetricAlarm high = twin.cloudWatch().alarm(policy.highAlarmName().orElseThrow());

    TimelineEvent toAlarm =
        twin.timeline().events(AlarmStateChanged.class).stream()
            .filter(
                e ->
                    e.fact(AlarmStateChanged.class)
                            .orElseThrow()
                            .alarmName()
                            .equals(high.alarmName())
                        && e.fact(AlarmStateChanged.class).orElseThrow().to() == AlarmState.ALARM)
            .findFirst()
            .orElseThrow();
    TimelineEvent change =
        twin.timeline().events(DesiredCapacityChanged.class).stream()
            .filter(e -> e.fact(DesiredCapacityChanged.class).orElseThrow().to() == 10)
            .findFirst()
            .orElseThrow();
    DesiredCapacityChanged c = change.fact(DesiredCapacityChanged.class).orElseThrow();
    assertThat(c.from()).isEqualTo(9);
    assertThat(c.cause())
        .isEqualTo(
            "a monitor alarm "
                + high.alarmName()
                + " in state ALARM triggered policy "
                + policy.policyName());
    assertThat(twin.timeline().causeChain(change.id()))
        .extracting(TimelineEvent::id)
        .contains(toAlarm.id());
    assertThat(twin.timeline().causeChain(change.id()))
        .extracting(TimelineEvent::fact)
        .anySatisfy(
            f ->
                assertThat(f)
                    .isEqualTo(
                        new PolicyExecuted(policy.policyName(), "asg", high.alarmName(), 9, 10)));
    assertThat(g.desiredCapacity()).isEqualTo(10);

    twin.advance(Duration.ofMinutes(3)); // 9 busy of 10: 90, at the target
    assertThat(
            twin.cloudWatch()
                .statistic(
                    cpr,
                    twin.now().minusSeconds(60),
                    twin.now(),
                    io.github.cloudtwin.cloudwatch.Statistic.MAXIMUM))
        .hasValue(90.0);
    assertThat(high.state()).isEqualTo(AlarmState.OK);
    assertThat(g.desiredCapacity()).isEqualTo(10);
  }

  @Test
  void theLowAlarmReachesAlarmAfterFifteenMinutesBelowTheTargetAndScalesTheGroupIn() {
    AutoScalingGroup g = group(10, ManagedScaling.DEFAULT, true);
    wholeInstanceService(7);
    twin.advance(Duration.ofMinutes(2));
    MetricAlarm low = twin.cloudWatch().alarm(managedPolicy().lowAlarmName().orElseThrow());
    assertThat(low.state()).isNotEqualTo(AlarmState.ALARM);

    twin.advance(Duration.ofMinutes(10));
    assertThat(low.state()).isNotEqualTo(AlarmState.ALARM);
    assertThat(g.desiredCapacity()).isEqualTo(10);
    java.time.Instant start = twin.now();
    twin.advance(Duration.ofMinutes(6));
    assertThat(low.firstTransitionTo(AlarmState.ALARM))
        .hasValueSatisfying(t -> assertThat(t).isAfter(start));
    assertThat(g.desiredCapacity()).isEqualTo(7);
    assertThat(low.state()).isEqualTo(AlarmState.OK); // 7 busy of 7: back at the target
    assertThat(twin.timeline().events(PolicyExecuted.class))
        .extracting(e -> e.fact(PolicyExecuted.class).orElseThrow())
        .anySatisfy(
            p -> {
              assertThat(p.alarmName()).isEqualTo(low.alarmName());
              assertThat(p.to()).isEqualTo(7);
            });
  }

  @Test
  void turningManagedScalingOffOrLeavingTheClusterDeletesThePolicyAndItsAlarms() {
    group(4, ManagedScaling.DEFAULT, false);
    List<String> alarms = managedPolicy().alarmNames();
    assertThat(alarms).hasSize(2);

    ecs.updateCapacityProvider("cp", ManagedScaling.DISABLED);
    assertThat(ecs.capacityProvider("cp").managedScalingPolicyName()).isEmpty();
    assertThat(twin.autoScaling().policies("asg")).isEmpty();
    assertThat(twin.cloudWatch().alarms())
        .extracting(MetricAlarm::alarmName)
        .doesNotContainAnyElementsOf(alarms);

    ecs.updateCapacityProvider("cp", ManagedScaling.target(80));
    ScalingPolicy again = managedPolicy();
    assertThat(((TargetTrackingScalingPolicy) again.spec()).targetValue()).isEqualTo(80);
    assertThat(twin.cloudWatch().alarm(again.lowAlarmName().orElseThrow()).spec().threshold())
        .isEqualTo(80);

    assertThatThrownBy(() -> ecs.deleteCapacityProvider("cp"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("not associated with a cluster");
    ecs.putClusterCapacityProviders("prod", List.of(), List.of());
    assertThat(twin.autoScaling().policies("asg")).isEmpty();
    assertThat(twin.cloudWatch().alarms())
        .extracting(MetricAlarm::alarmName)
        .doesNotContainAnyElementsOf(again.alarmNames());
    ecs.deleteCapacityProvider("cp");
    assertThatThrownBy(() -> ecs.capacityProvider("cp")).isInstanceOf(ValidationException.class);
  }
}
