package io.github.cloudtwin.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.DesiredCapacityChange;
import io.github.cloudtwin.autoscaling.LifecycleState;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.facts.AutoScalingFact.DesiredCapacityChanged;
import io.github.cloudtwin.facts.AutoScalingFact.LifecycleStateChanged;
import io.github.cloudtwin.facts.AutoScalingFact.PolicyExecuted;
import io.github.cloudtwin.facts.CloudWatchFact.AlarmStateChanged;
import io.github.cloudtwin.facts.CloudWatchFact.MetricInjected;
import io.github.cloudtwin.facts.Ec2Fact.InstanceLaunched;
import io.github.cloudtwin.facts.Ec2Fact.InstanceStateChanged;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every timeline event carries a typed fact; text is rendered from it. The twin: group "web" of 2,
 * a simple scale-out policy (+2) behind alarm "cpu-high" (CPU above 80 for 2 minutes), CPU 95
 * injected from +00:05:00.
 */
class TimelineFactsTest {

  private static CloudTwin scaledOut() {
    CloudTwin twin = CloudTwin.builder().seed(7).build();
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .minSize(1)
                .maxSize(6)
                .desiredCapacity(2)
                .availabilityZones("us-east-1a", "us-east-1b")
                .detailedMonitoring(true)
                .build());
    ScalingPolicy out =
        twin.autoScaling()
            .putScalingPolicy(
                SimpleScalingPolicy.builder()
                    .policyName("out")
                    .autoScalingGroupName("web")
                    .scalingAdjustment(2)
                    .build());
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("cpu-high")
                .metric(MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web"))
                .period(Duration.ofMinutes(1))
                .evaluationPeriods(2)
                .threshold(80)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .alarmActions(out.asAlarmAction())
                .build());
    twin.advance(Duration.ofMinutes(5));
    twin.cloudWatch()
        .inject(
            MetricInjection.metric("CPUUtilization")
                .forGroup("web")
                .from(twin.elapsed())
                .constant(95));
    twin.advance(Duration.ofMinutes(5));
    return twin;
  }

  @Test
  void everyEventOfTheTwinCarriesATypedFactAndItsTextIsRenderedFromIt() {
    try (CloudTwin twin = scaledOut()) {
      List<TimelineEvent> events = twin.timeline().events();
      assertThat(events).hasSizeGreaterThan(20);
      assertThat(events).extracting(TimelineEvent::fact).noneMatch(f -> f instanceof Note);
      for (TimelineEvent e : events) {
        assertThat(e.message()).isEqualTo(e.fact().message());
        assertThat(e.resource()).isEqualTo(e.fact().resource());
        assertThat(e.kind()).isEqualTo(e.fact().kind());
      }
    }
  }

  @Test
  void theChainFromInjectionToNewInstancesReadsAsFacts() {
    try (CloudTwin twin = scaledOut()) {
      TimelineEvent alarm =
          twin.timeline().events(AlarmStateChanged.class).stream()
              .filter(e -> ((AlarmStateChanged) e.fact()).to() == AlarmState.ALARM)
              .findFirst()
              .orElseThrow();
      AlarmStateChanged change = (AlarmStateChanged) alarm.fact();
      assertThat(change.alarmName()).isEqualTo("cpu-high");
      assertThat(change.data().recentDatapoints()).containsExactly(95.0, 95.0);
      assertThat(change.data().threshold()).isEqualTo(80.0);

      TimelineEvent executed = twin.timeline().events(PolicyExecuted.class).get(0);
      assertThat(executed.causeId()).isEqualTo(alarm.id());
      assertThat(executed.fact(PolicyExecuted.class))
          .get()
          .isEqualTo(new PolicyExecuted("out", "web", "cpu-high", 2, 4));

      TimelineEvent desired = twin.timeline().events(DesiredCapacityChanged.class).get(0);
      assertThat(twin.timeline().causeChain(desired.id()))
          .extracting(TimelineEvent::id)
          .contains(executed.id());
      DesiredCapacityChanged d = desired.fact(DesiredCapacityChanged.class).orElseThrow();
      assertThat(d.from()).isEqualTo(2);
      assertThat(d.to()).isEqualTo(4);
      assertThat(d.cause())
          .isEqualTo("a monitor alarm cpu-high in state ALARM triggered policy out");
      assertThat(desired.message()).isEqualTo("desired capacity 2 -> 4: " + d.cause());

      assertThat(twin.timeline().events(InstanceLaunched.class)).hasSize(4);
      assertThat(twin.timeline().events(MetricInjected.class))
          .singleElement()
          .satisfies(
              e ->
                  assertThat(e.message())
                      .isEqualTo("injected constant 95.0 for group web over +00:05:00 onwards"));
      long inService =
          twin.timeline().events(LifecycleStateChanged.class).stream()
              .mapToInt(e -> ((LifecycleStateChanged) e.fact()).inServiceDelta())
              .sum();
      assertThat(inService).isEqualTo(twin.autoScaling().group("web").inServiceCount());
    }
  }

  @Test
  void theGroupsCapacityHistoryIsReadFromItsFacts() {
    try (CloudTwin twin = scaledOut()) {
      List<DesiredCapacityChange> history = twin.autoScaling().group("web").capacityHistory();
      assertThat(history).extracting(DesiredCapacityChange::desiredCapacity).containsExactly(2, 4);
      assertThat(history.get(0).event().fact()).isInstanceOf(AutoScalingFact.GroupCreated.class);
      assertThat(history.get(1).event().fact()).isInstanceOf(DesiredCapacityChanged.class);
      assertThat(history.get(1).time()).isAfter(history.get(0).time());
    }
  }

  @Test
  void factsAreValuesWithTheirOwnWords() {
    assertThat(
            new LifecycleStateChanged(
                    "i-1", "web tier", LifecycleState.PENDING, LifecycleState.PENDING)
                .message())
        .isEqualTo("Pending in group web tier");
    assertThat(
            new LifecycleStateChanged(
                    "i-1", "web tier", LifecycleState.PENDING, LifecycleState.IN_SERVICE)
                .inServiceDelta())
        .isEqualTo(1);
    assertThat(
            new LifecycleStateChanged(
                    "i-1", "web tier", LifecycleState.IN_SERVICE, LifecycleState.TERMINATING)
                .inServiceDelta())
        .isEqualTo(-1);
    assertThat(
            new InstanceStateChanged("i-1", InstanceState.PENDING, InstanceState.RUNNING).message())
        .isEqualTo("pending -> running");
    assertThat(new PolicyExecuted("p", "g", null, 3, -1).message())
        .isEqualTo("executed by a user request: no change");
    assertThat(
            new ElbFact.TargetHealthChanged(
                    "i-1",
                    "tg",
                    false,
                    null,
                    io.github.cloudtwin.elb.TargetHealthState.INITIAL,
                    "Elb.RegistrationInProgress",
                    "Target registration is in progress")
                .details())
        .containsExactly(
            java.util.Map.entry("targetGroup", "tg"),
            java.util.Map.entry("state", "initial"),
            java.util.Map.entry("reasonCode", "Elb.RegistrationInProgress"));
  }
}
