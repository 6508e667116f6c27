package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DeleteAutoScalingGroup, RecordLifecycleActionHeartbeat, DeleteLifecycleHook and the read-side
 * listings.
 */
class GroupDeletionAndHeartbeatTest {

  private static final Instant T0 = CloudTwin.DEFAULT_START;

  @Test
  void deletingAGroupWithInstancesNeedsForceDeleteWhichTerminatesThem() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling().createAutoScalingGroup(group("web", 2, 4, 2).build());
      twin.autoScaling()
          .putScalingPolicy(
              TargetTrackingScalingPolicy.builder()
                  .policyName("cpu")
                  .autoScalingGroupName("web")
                  .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                  .targetValue(50)
                  .build());
      twin.advance(Duration.ofMinutes(1));
      List<String> ids =
          twin.autoScaling().group("web").instances().stream()
              .map(AutoScalingInstance::instanceId)
              .toList();

      assertThatThrownBy(() -> twin.autoScaling().deleteAutoScalingGroup("web", false))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("You cannot delete an AutoScalingGroup");
      assertThat(twin.autoScaling().groups()).hasSize(1);

      twin.autoScaling().deleteAutoScalingGroup("web", true);
      assertThat(twin.autoScaling().groups()).isEmpty();
      assertThat(twin.cloudWatch().alarms()).isEmpty();
      twin.advance(Duration.ofMinutes(5));
      assertThat(ids)
          .allSatisfy(
              id ->
                  assertThat(twin.ec2().instance(id).state()).isEqualTo(InstanceState.TERMINATED));
      assertThat(twin.ec2().instances(InstanceState.RUNNING)).isEmpty();
    }
  }

  @Test
  void aHeartbeatRestartsTheHookTimeout() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling().createAutoScalingGroup(group("web", 0, 4, 0).build());
      twin.autoScaling()
          .putLifecycleHook(
              LifecycleHookSpec.of("boot", "web", LifecycleTransition.LAUNCHING)
                  .withHeartbeatTimeout(Duration.ofSeconds(120)));
      twin.autoScaling().setDesiredCapacity("web", 1, false);
      AutoScalingGroup g = twin.autoScaling().group("web");
      String id = g.instances().get(0).instanceId();
      twin.advanceTo(T0.plusSeconds(30 + 100));
      twin.autoScaling().recordLifecycleActionHeartbeat("web", "boot", id);
      twin.advanceTo(T0.plusSeconds(30 + 200));
      assertThat(g.instances().get(0).lifecycleState()).isEqualTo(LifecycleState.PENDING_WAIT);
      twin.advanceTo(T0.plusSeconds(30 + 100 + 121));
      assertThat(g.instances().get(0).lifecycleState()).isNotEqualTo(LifecycleState.PENDING_WAIT);
    }
  }

  @Test
  void deletingAHookReleasesWaitingInstancesWithItsDefaultResult() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling().createAutoScalingGroup(group("web", 0, 4, 0).build());
      twin.autoScaling()
          .putLifecycleHook(
              LifecycleHookSpec.of("boot", "web", LifecycleTransition.LAUNCHING)
                  .withDefaultResult(LifecycleActionResult.CONTINUE));
      twin.autoScaling().setDesiredCapacity("web", 1, false);
      twin.advance(Duration.ofMinutes(1));
      assertThat(twin.autoScaling().lifecycleHooks("web"))
          .extracting(LifecycleHookSpec::lifecycleHookName)
          .containsExactly("boot");

      twin.autoScaling().deleteLifecycleHook("web", "boot");

      assertThat(twin.autoScaling().lifecycleHooks("web")).isEmpty();
      assertThat(twin.autoScaling().group("web").instances().get(0).lifecycleState())
          .isEqualTo(LifecycleState.IN_SERVICE);
    }
  }

  @Test
  void groupsKnowWhenTheyWereCreated() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.advance(Duration.ofMinutes(3));
      twin.autoScaling().createAutoScalingGroup(group("web", 0, 4, 0).build());
      assertThat(twin.autoScaling().group("web").createdTime()).isEqualTo(T0.plusSeconds(180));
    }
  }
}
