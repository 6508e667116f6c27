package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** AWS's ValidationError cases: each is a clear ValidationException and leaves nothing applied. */
class ValidationTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "min above max",
            "MaxSize",
            "Max bound, 2, must be greater than or equal to min bound, 5",
            (Consumer<CloudTwin>)
                t -> t.autoScaling().createAutoScalingGroup(group("x", 5, 2, 5).build())),
        Arguments.of(
            "desired above max on create",
            "DesiredCapacity",
            "Desired capacity:11 must be between the specified min size:1 and max size:10",
            (Consumer<CloudTwin>)
                t -> t.autoScaling().createAutoScalingGroup(group("x", 1, 10, 11).build())),
        Arguments.of(
            "desired below min on update",
            "DesiredCapacity",
            "Desired capacity:0 must be between the specified min size:1 and max size:10",
            (Consumer<CloudTwin>)
                t -> t.autoScaling().updateAutoScalingGroup("web", null, null, 0)),
        Arguments.of(
            "min above max on update",
            "MaxSize",
            "Max bound, 3, must be greater than or equal to min bound, 4",
            (Consumer<CloudTwin>) t -> t.autoScaling().updateAutoScalingGroup("web", 4, 3, null)),
        Arguments.of(
            "SetDesiredCapacity above max",
            "DesiredCapacity",
            "New SetDesiredCapacity value 11 is above max value 10 for the AutoScalingGroup.",
            (Consumer<CloudTwin>) t -> t.autoScaling().setDesiredCapacity("web", 11, false)),
        Arguments.of(
            "SetDesiredCapacity below min",
            "DesiredCapacity",
            "New SetDesiredCapacity value 0 is below min value 1 for the AutoScalingGroup.",
            (Consumer<CloudTwin>) t -> t.autoScaling().setDesiredCapacity("web", 0, false)),
        Arguments.of(
            "negative min",
            "MinSize",
            "must be 0 or greater",
            (Consumer<CloudTwin>)
                t -> t.autoScaling().createAutoScalingGroup(group("x", -1, 2, 0).build())),
        Arguments.of(
            "negative default cooldown",
            "DefaultCooldown",
            "must be zero or positive",
            (Consumer<CloudTwin>)
                t ->
                    t.autoScaling()
                        .createAutoScalingGroup(
                            group("x", 1, 2, 1).defaultCooldown(Duration.ofSeconds(-1)).build())),
        Arguments.of(
            "negative policy cooldown",
            "Cooldown",
            "must be zero or positive",
            (Consumer<CloudTwin>)
                t ->
                    t.autoScaling()
                        .putScalingPolicy(
                            SimpleScalingPolicy.builder()
                                .policyName("p")
                                .autoScalingGroupName("web")
                                .scalingAdjustment(1)
                                .cooldown(Duration.ofSeconds(-5))
                                .build())),
        Arguments.of(
            "unknown policy",
            "PolicyName",
            "the name of a policy of group web",
            (Consumer<CloudTwin>) t -> t.autoScaling().executePolicy("web", "nope")),
        Arguments.of(
            "unknown group",
            "AutoScalingGroupName",
            "the name of an existing group",
            (Consumer<CloudTwin>) t -> t.autoScaling().setDesiredCapacity("nope", 1, false)),
        Arguments.of(
            "duplicate group",
            "AutoScalingGroupName",
            "AlreadyExists",
            (Consumer<CloudTwin>)
                t -> t.autoScaling().createAutoScalingGroup(group("web", 1, 2, 1).build())),
        Arguments.of(
            "unknown zone",
            "availabilityZone",
            "one of the twin's zones",
            (Consumer<CloudTwin>)
                t ->
                    t.autoScaling()
                        .createAutoScalingGroup(group("x", 1, 2, 1, "us-east-1z").build())),
        Arguments.of(
            "unknown target group",
            "TargetGroupARNs",
            "an existing target group",
            (Consumer<CloudTwin>)
                t ->
                    t.autoScaling()
                        .createAutoScalingGroup(
                            group("x", 1, 2, 1).targetGroupNames("tg").build())),
        Arguments.of(
            "overlapping steps",
            "StepAdjustments",
            "do not overlap",
            (Consumer<CloudTwin>)
                t ->
                    t.autoScaling()
                        .putScalingPolicy(
                            StepScalingPolicy.builder()
                                .policyName("s")
                                .autoScalingGroupName("web")
                                .step(0.0, 15.0, 1)
                                .step(10.0, null, 2)
                                .build())),
        Arguments.of(
            "steps with a gap",
            "StepAdjustments",
            "without gaps",
            (Consumer<CloudTwin>)
                t ->
                    t.autoScaling()
                        .putScalingPolicy(
                            StepScalingPolicy.builder()
                                .policyName("s")
                                .autoScalingGroupName("web")
                                .step(0.0, 10.0, 1)
                                .step(20.0, null, 2)
                                .build())),
        Arguments.of(
            "two open upper bounds",
            "StepAdjustments",
            "at most one null MetricIntervalUpperBound",
            (Consumer<CloudTwin>)
                t ->
                    t.autoScaling()
                        .putScalingPolicy(
                            StepScalingPolicy.builder()
                                .policyName("s")
                                .autoScalingGroupName("web")
                                .step(0.0, null, 1)
                                .step(10.0, null, 2)
                                .build())),
        Arguments.of(
            "positive upper bound without an open end",
            "StepAdjustments",
            "null MetricIntervalUpperBound is required",
            (Consumer<CloudTwin>)
                t ->
                    t.autoScaling()
                        .putScalingPolicy(
                            StepScalingPolicy.builder()
                                .policyName("s")
                                .autoScalingGroupName("web")
                                .step(0.0, 10.0, 1)
                                .build())),
        Arguments.of(
            "negative lower bound without an open end",
            "StepAdjustments",
            "null MetricIntervalLowerBound is required",
            (Consumer<CloudTwin>)
                t ->
                    t.autoScaling()
                        .putScalingPolicy(
                            StepScalingPolicy.builder()
                                .policyName("s")
                                .autoScalingGroupName("web")
                                .step(-10.0, 0.0, -1)
                                .build())),
        Arguments.of(
            "MinAdjustmentMagnitude without percent",
            "MinAdjustmentMagnitude",
            "PercentChangeInCapacity",
            (Consumer<CloudTwin>)
                t ->
                    t.autoScaling()
                        .putScalingPolicy(
                            SimpleScalingPolicy.builder()
                                .policyName("p")
                                .autoScalingGroupName("web")
                                .scalingAdjustment(1)
                                .minAdjustmentMagnitude(2)
                                .build())),
        Arguments.of(
            "negative ExactCapacity",
            "ScalingAdjustment",
            "0 or more for ExactCapacity",
            (Consumer<CloudTwin>)
                t ->
                    t.autoScaling()
                        .putScalingPolicy(
                            SimpleScalingPolicy.builder()
                                .policyName("p")
                                .autoScalingGroupName("web")
                                .adjustmentType(AdjustmentType.ExactCapacity)
                                .scalingAdjustment(-1)
                                .build())),
        Arguments.of(
            "target value 0",
            "TargetValue",
            "greater than 0",
            (Consumer<CloudTwin>)
                t ->
                    t.autoScaling()
                        .putScalingPolicy(
                            TargetTrackingScalingPolicy.builder()
                                .policyName("tt")
                                .autoScalingGroupName("web")
                                .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                                .targetValue(0)
                                .build())),
        Arguments.of(
            "ALBRequestCountPerTarget without a resource label",
            "ResourceLabel",
            "non-blank",
            (Consumer<CloudTwin>)
                t ->
                    t.autoScaling()
                        .putScalingPolicy(
                            TargetTrackingScalingPolicy.builder()
                                .policyName("tt")
                                .autoScalingGroupName("web")
                                .predefinedMetric(PredefinedMetricType.ALBRequestCountPerTarget)
                                .targetValue(100)
                                .build())),
        Arguments.of(
            "heartbeat timeout too short",
            "HeartbeatTimeout",
            "between 30 and 7200 seconds",
            (Consumer<CloudTwin>)
                t ->
                    t.autoScaling()
                        .putLifecycleHook(
                            LifecycleHookSpec.of("h", "web", LifecycleTransition.LAUNCHING)
                                .withHeartbeatTimeout(Duration.ofSeconds(10)))),
        Arguments.of(
            "bad cron",
            "Recurrence",
            "cron expression",
            (Consumer<CloudTwin>)
                t ->
                    t.autoScaling()
                        .putScheduledUpdateGroupAction(
                            ScheduledActionSpec.recurring(
                                "s", "web", "0 25 * * *", null, null, 3))),
        Arguments.of(
            "Default termination policy not last",
            "TerminationPolicies",
            "Default may only be the last",
            (Consumer<CloudTwin>)
                t ->
                    t.autoScaling()
                        .createAutoScalingGroup(
                            group("x", 1, 2, 1)
                                .terminationPolicies(
                                    TerminationPolicy.DEFAULT, TerminationPolicy.OLDEST_INSTANCE)
                                .build())),
        Arguments.of(
            "Standby below min",
            "ShouldDecrementDesiredCapacity",
            "at least MinSize 1",
            (Consumer<CloudTwin>)
                t ->
                    t.autoScaling()
                        .enterStandby(
                            "web",
                            true,
                            t.autoScaling().group("web").instances().stream()
                                .map(AutoScalingInstance::instanceId)
                                .toArray(String[]::new))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rejectedWithAClearValidationExceptionAndNothingApplied(
      String description, String field, String message, Consumer<CloudTwin> call) {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 2).build());
      twin.advance(Duration.ofMinutes(1));
      int events = twin.timeline().size();
      assertThatThrownBy(() -> call.accept(twin))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining(message)
          .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo(field));
      assertThat(twin.timeline().size()).as("nothing applied").isEqualTo(events);
      assertThat(twin.autoScaling().groups()).hasSize(1);
      assertThat(twin.autoScaling().group("web").desiredCapacity()).isEqualTo(2);
    }
  }
}
