package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.A;
import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.github.cloudtwin.CloudTwin;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lifecycle hooks, Standby, protection, suspend/resume, scheduled actions, user actions, listeners.
 */
class LifecycleAndProcessesTest {

  private static final Instant T0 = CloudTwin.DEFAULT_START;

  @Test
  void launchHookHoldsInstancesInPendingWaitUntilTheTestCompletesIt() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling().createAutoScalingGroup(group("web", 0, 4, 0).build());
      twin.autoScaling()
          .putLifecycleHook(LifecycleHookSpec.of("boot", "web", LifecycleTransition.LAUNCHING));
      twin.autoScaling().setDesiredCapacity("web", 1, false);
      AutoScalingGroup g = twin.autoScaling().group("web");
      twin.advance(Duration.ofMinutes(5));
      AutoScalingInstance i = g.instances().get(0);
      assertThat(i.lifecycleState()).isEqualTo(LifecycleState.PENDING_WAIT);
      assertThat(g.activities().get(0).statusCode()).isEqualTo(ActivityStatus.MidLifecycleAction);
      twin.autoScaling()
          .completeLifecycleAction("web", "boot", i.instanceId(), LifecycleActionResult.CONTINUE);
      assertThat(g.instances().get(0).lifecycleState()).isEqualTo(LifecycleState.IN_SERVICE);
      assertThat(g.activities().get(0).statusCode()).isEqualTo(ActivityStatus.Successful);
    }
  }

  @Test
  void launchHookTimeoutAbandonsByDefaultAndTheInstanceIsReplaced() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling().createAutoScalingGroup(group("web", 0, 4, 0).build());
      twin.autoScaling()
          .putLifecycleHook(
              LifecycleHookSpec.of("boot", "web", LifecycleTransition.LAUNCHING)
                  .withHeartbeatTimeout(Duration.ofSeconds(120)));
      twin.autoScaling().setDesiredCapacity("web", 1, false);
      AutoScalingGroup g = twin.autoScaling().group("web");
      String first = g.instances().get(0).instanceId();
      twin.advanceTo(T0.plusSeconds(30 + 120));
      assertThat(g.instances()).hasSize(2);
      assertThat(g.instances().get(0).instanceId()).isEqualTo(first);
      assertThat(g.instances().get(0).lifecycleState()).isEqualTo(LifecycleState.TERMINATING);
      assertThat(g.instances().get(1).lifecycleState()).isEqualTo(LifecycleState.PENDING);
      assertThat(g.activities())
          .filteredOn(a -> first.equals(a.instanceId()) && a.description().startsWith("Launching"))
          .singleElement()
          .satisfies(a -> assertThat(a.statusCode()).isEqualTo(ActivityStatus.Failed));
    }
  }

  @Test
  void terminateHookHoldsTerminatingWaitThenContinueOnTimeout() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = twin.autoScaling().createAutoScalingGroup(group("web", 0, 4, 2).build());
      twin.autoScaling()
          .putLifecycleHook(
              LifecycleHookSpec.of("drain", "web", LifecycleTransition.TERMINATING)
                  .withHeartbeatTimeout(Duration.ofSeconds(60))
                  .withDefaultResult(LifecycleActionResult.CONTINUE));
      twin.advance(Duration.ofMinutes(1));
      twin.autoScaling().setDesiredCapacity("web", 1, false);
      assertThat(g.instances(LifecycleState.TERMINATING_WAIT)).hasSize(1);
      twin.advance(Duration.ofSeconds(60));
      assertThat(g.instances(LifecycleState.TERMINATING_PROCEED)).hasSize(1);
      twin.advance(Duration.ofSeconds(30));
      assertThat(g.instances()).hasSize(1);
    }
  }

  @Test
  void standbyDecrementsDesiredAndExitIncrementsIt() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = twin.autoScaling().createAutoScalingGroup(group("web", 1, 4, 3).build());
      twin.advance(Duration.ofMinutes(1));
      String id = g.instances().get(0).instanceId();
      twin.autoScaling().enterStandby("web", true, id);
      assertThat(g.desiredCapacity()).isEqualTo(2);
      assertThat(g.instances())
          .filteredOn(i -> i.instanceId().equals(id))
          .singleElement()
          .extracting(AutoScalingInstance::lifecycleState)
          .isEqualTo(LifecycleState.STANDBY);
      twin.ec2().stopInstance(id); // Standby instances are not health-checked
      twin.advance(Duration.ofMinutes(5));
      assertThat(g.instances()).hasSize(3);
      twin.ec2().startInstance(id);
      twin.advance(Duration.ofMinutes(1));
      twin.autoScaling().exitStandby("web", id);
      assertThat(g.desiredCapacity()).isEqualTo(3);
      assertThat(g.inServiceCount()).isEqualTo(3);
      assertThat(g.activities().get(0).description())
          .isEqualTo("Moving EC2 instance out of Standby: " + id);
    }
  }

  @Test
  void aRunawayCapacityStopsAtTheInstanceQuotaWithFailedLaunchActivities() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.ec2().setInstanceQuota(50);
      twin.autoScaling().createAutoScalingGroup(group("web", 0, 10, 0).build());
      twin.autoScaling().updateAutoScalingGroup("web", 1_000_000_000, 2_000_000_000, null);
      AutoScalingGroup g = twin.autoScaling().group("web");
      assertThat(g.desiredCapacity()).isEqualTo(1_000_000_000);
      assertThat(g.instances()).hasSize(50);
      assertThat(g.activities())
          .anySatisfy(
              a -> {
                assertThat(a.statusCode()).isEqualTo(ActivityStatus.Failed);
                assertThat(a.description()).contains("InstanceLimitExceeded");
              });
      twin.advance(Duration.ofMinutes(2)); // retries fail the same way, and return
      assertThat(g.instances()).hasSize(50);
    }
  }

  @Test
  void aStandbyInstanceTerminatedThroughEc2LeavesTheGroupAndCannotExitStandby() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = twin.autoScaling().createAutoScalingGroup(group("web", 0, 3, 2).build());
      twin.advance(Duration.ofMinutes(1));
      String id = g.instances().get(0).instanceId();
      twin.autoScaling().enterStandby("web", true, id);
      twin.ec2().terminateInstance(id);
      twin.advance(Duration.ofMinutes(6));
      assertThat(g.instances()).extracting(AutoScalingInstance::instanceId).doesNotContain(id);
      assertThat(g.desiredCapacity()).isEqualTo(1);
      assertThat(g.inServiceCount()).isEqualTo(1);
      int events = twin.timeline().size();
      assertThatThrownBy(() -> twin.autoScaling().exitStandby("web", id))
          .isInstanceOf(io.github.cloudtwin.kernel.ValidationException.class)
          .hasMessageContaining(id);
      assertThat(twin.timeline().size()).isEqualTo(events);
    }
  }

  @Test
  void standbyWithoutDecrementLaunchesAReplacementAndExitScalesInOne() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = twin.autoScaling().createAutoScalingGroup(group("web", 1, 4, 3).build());
      twin.advance(Duration.ofMinutes(1));
      String id = g.instances().get(0).instanceId();
      twin.autoScaling().enterStandby("web", false, id);
      twin.advance(Duration.ofMinutes(1));
      assertThat(g.inServiceCount()).isEqualTo(3);
      twin.autoScaling().exitStandby("web", id);
      twin.advance(Duration.ofMinutes(1));
      assertThat(g.desiredCapacity()).isEqualTo(3);
      assertThat(g.inServiceCount()).isEqualTo(3);
    }
  }

  @Test
  void suspendedLaunchStopsLaunchesUntilResumed() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = twin.autoScaling().createAutoScalingGroup(group("web", 0, 4, 0).build());
      twin.autoScaling().suspendProcesses("web", ScalingProcess.Launch);
      twin.autoScaling().setDesiredCapacity("web", 2, false);
      twin.advance(Duration.ofMinutes(5));
      assertThat(g.instances()).isEmpty();
      assertThat(g.suspendedProcesses()).containsExactly(ScalingProcess.Launch);
      twin.autoScaling().resumeProcesses("web");
      assertThat(g.instances()).hasSize(2);
    }
  }

  @Test
  void suspendedProcessesCarryAwsSuspensionReasonWithTheTimeOfTheFirstSuspension() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = twin.autoScaling().createAutoScalingGroup(group("web", 0, 4, 0).build());
      twin.advance(Duration.ofSeconds(90));
      twin.autoScaling().suspendProcesses("web", ScalingProcess.AZRebalance, ScalingProcess.Launch);
      twin.advance(Duration.ofMinutes(5));
      twin.autoScaling().suspendProcesses("web", ScalingProcess.Launch, ScalingProcess.Terminate);
      assertThat(g.suspendedProcessDetails())
          .containsExactly(
              new SuspendedProcess(ScalingProcess.Launch, "User suspended at 2026-01-01T00:01:30Z"),
              new SuspendedProcess(
                  ScalingProcess.Terminate, "User suspended at 2026-01-01T00:06:30Z"),
              new SuspendedProcess(
                  ScalingProcess.AZRebalance, "User suspended at 2026-01-01T00:01:30Z"));
      twin.autoScaling().resumeProcesses("web", ScalingProcess.Launch);
      assertThat(g.suspendedProcessDetails())
          .extracting(SuspendedProcess::processName)
          .containsExactly(ScalingProcess.Terminate, ScalingProcess.AZRebalance);
    }
  }

  @Test
  void suspendedAlarmNotificationDropsPolicyInvocations() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 2).build());
      ScalingPolicy out =
          twin.autoScaling()
              .putScalingPolicy(
                  SimpleScalingPolicy.builder()
                      .policyName("out")
                      .autoScalingGroupName("web")
                      .scalingAdjustment(1)
                      .build());
      twin.cloudWatch()
          .putMetricAlarm(
              Fixtures.cpuAlarm(
                  "high",
                  "web",
                  io.github.cloudtwin.cloudwatch.ComparisonOperator.GreaterThanThreshold,
                  80,
                  60,
                  1,
                  out.asAlarmAction()));
      twin.autoScaling().suspendProcesses("web", ScalingProcess.AlarmNotification);
      twin.advance(Duration.ofMinutes(10));
      Fixtures.cpu(twin, "web", 95);
      twin.advance(Duration.ofMinutes(10));
      assertThat(g.desiredCapacity()).isEqualTo(2);
      twin.autoScaling().resumeProcesses("web", ScalingProcess.AlarmNotification);
      twin.advance(
          Duration.ofMinutes(
              1)); // the alarm is still in ALARM: the next re-invocation runs the policy
      assertThat(g.desiredCapacity()).isEqualTo(3);
    }
  }

  @Test
  void suspendedAzRebalanceLeavesTheGroupUnbalancedAfterTheZoneReturns() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = twin.autoScaling().createAutoScalingGroup(group("web", 1, 6, 6).build());
      twin.advance(Duration.ofMinutes(5));
      twin.faults().failZone(A);
      twin.advance(Duration.ofMinutes(10));
      twin.autoScaling().suspendProcesses("web", ScalingProcess.AZRebalance);
      twin.faults().restoreZone(A);
      twin.advance(Duration.ofMinutes(30));
      assertThat(g.inServiceCountByZone().get(A)).isZero();
      twin.autoScaling().resumeProcesses("web", ScalingProcess.AZRebalance);
      twin.advance(Duration.ofMinutes(10));
      assertThat(g.inServiceCountByZone().values()).containsExactly(2, 2, 2);
    }
  }

  @Test
  void suspendedTerminateKeepsExtraInstancesUntilResumed() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = twin.autoScaling().createAutoScalingGroup(group("web", 1, 6, 4).build());
      twin.advance(Duration.ofMinutes(1));
      twin.autoScaling().suspendProcesses("web", ScalingProcess.Terminate);
      twin.autoScaling().setDesiredCapacity("web", 2, false);
      twin.advance(Duration.ofMinutes(5));
      assertThat(g.inServiceCount()).isEqualTo(4);
      twin.autoScaling().resumeProcesses("web", ScalingProcess.Terminate);
      twin.advance(Duration.ofMinutes(1));
      assertThat(g.inServiceCount()).isEqualTo(2);
    }
  }

  @Test
  void scheduledActionsOneOffAndCronRunInVirtualTime() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 1).build());
      twin.autoScaling()
          .putScheduledUpdateGroupAction(
              ScheduledActionSpec.once(
                  "morning", "web", T0.plus(Duration.ofHours(8)), null, null, 4));
      twin.autoScaling()
          .putScheduledUpdateGroupAction(
              ScheduledActionSpec.recurring("night", "web", "0 20 * * *", 1, null, 1));
      twin.advanceTo(T0.plus(Duration.ofHours(8)).minusSeconds(1));
      assertThat(g.desiredCapacity()).isEqualTo(1);
      twin.advanceTo(T0.plus(Duration.ofHours(8)));
      assertThat(g.desiredCapacity()).isEqualTo(4);
      assertThat(g.activities().get(0).cause())
          .startsWith(
              "At 2026-01-01T08:00:00Z a scheduled action update of"
                  + " AutoScalingGroup constraints to min: 1, max: 10, desired: 4 changing the desired capacity from 1 to 4.");
      twin.advanceTo(T0.plus(Duration.ofHours(20)));
      assertThat(g.desiredCapacity()).isEqualTo(1);
      twin.autoScaling().setDesiredCapacity("web", 5, false);
      twin.advanceTo(T0.plus(Duration.ofHours(44)));
      assertThat(g.desiredCapacity()).isEqualTo(1); // the cron fired again the next evening
    }
  }

  @Test
  void updateMovesDesiredIntoTheNewBounds() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 5).build());
      twin.autoScaling().updateAutoScalingGroup("web", null, 3, null);
      assertThat(g.desiredCapacity()).isEqualTo(3);
      twin.autoScaling().updateAutoScalingGroup("web", 4, 6, null);
      assertThat(g.desiredCapacity()).isEqualTo(4);
      assertThat(g.minSize()).isEqualTo(4);
      assertThat(g.maxSize()).isEqualTo(6);
    }
  }

  @Test
  void honorCooldownRefusesWhileAnActivityIsInProgress() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 2).build());
      assertThatThrownBy(() -> twin.autoScaling().setDesiredCapacity("web", 3, true))
          .isInstanceOf(ScalingActivityInProgressException.class);
      twin.autoScaling().setDesiredCapacity("web", 3, false);
      assertThat(twin.autoScaling().group("web").desiredCapacity()).isEqualTo(3);
    }
  }

  @Test
  void terminateInstanceInGroupWithoutDecrementLaunchesAReplacement() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 2).build());
      twin.advance(Duration.ofMinutes(1));
      String id = g.instances().get(0).instanceId();
      twin.autoScaling().terminateInstanceInAutoScalingGroup(id, false);
      twin.advance(Duration.ofMinutes(1));
      assertThat(g.inServiceCount()).isEqualTo(2);
      assertThat(g.instances()).extracting(AutoScalingInstance::instanceId).doesNotContain(id);
      twin.autoScaling()
          .terminateInstanceInAutoScalingGroup(g.instances().get(0).instanceId(), true);
      assertThat(g.desiredCapacity()).isEqualTo(1);
    }
  }

  @Test
  void customTerminationPolicyChoosesTheVictim() {
    try (CloudTwin twin = CloudTwin.create()) {
      TerminationPolicy lastById =
          TerminationPolicy.custom(
              "LastById",
              (candidates, now) ->
                  List.of(
                      candidates.stream()
                          .max((x, y) -> x.instanceId().compareTo(y.instanceId()))
                          .orElseThrow()));
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 10, 3, A)
                      .terminationPolicies(lastById, TerminationPolicy.DEFAULT)
                      .build());
      twin.advance(Duration.ofMinutes(1));
      String last =
          g.instances().stream()
              .map(AutoScalingInstance::instanceId)
              .max(String::compareTo)
              .orElseThrow();
      twin.autoScaling().setDesiredCapacity("web", 2, false);
      assertThat(g.instances(LifecycleState.TERMINATING))
          .extracting(AutoScalingInstance::instanceId)
          .containsExactly(last);
    }
  }

  @Test
  void oldestAndNewestInstancePolicies() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 10, 1, A)
                      .terminationPolicies(TerminationPolicy.NEWEST_INSTANCE)
                      .build());
      twin.advance(Duration.ofMinutes(10));
      twin.autoScaling().setDesiredCapacity("web", 2, false);
      twin.advance(Duration.ofMinutes(1));
      String newest = g.instances().get(1).instanceId();
      twin.autoScaling().setDesiredCapacity("web", 1, false);
      assertThat(g.instances(LifecycleState.TERMINATING))
          .extracting(AutoScalingInstance::instanceId)
          .containsExactly(newest);
    }
  }

  @Test
  void activityListenerSeesStartsAndEnds() {
    try (CloudTwin twin = CloudTwin.create()) {
      ScalingActivityListener listener = mock(ScalingActivityListener.class);
      twin.autoScaling().addScalingActivityListener(listener);
      twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 2).build());
      twin.advance(Duration.ofMinutes(1));
      verify(listener, times(2))
          .activityStarted(
              argThat(a -> a.description().startsWith("Launching a new EC2 instance: i-0")));
      verify(listener, times(2))
          .activityCompleted(argThat(a -> a.statusCode() == ActivityStatus.Successful));
    }
  }

  @Test
  void sameSeedSameTimeline() {
    String[] texts = new String[2];
    for (int run = 0; run < 2; run++) {
      try (CloudTwin twin = CloudTwin.builder().seed(7).build()) {
        twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 6).build());
        twin.advance(Duration.ofMinutes(5));
        twin.faults().failZone(A);
        twin.advance(Duration.ofMinutes(10));
        twin.faults().restoreZone(A);
        twin.autoScaling().setDesiredCapacity("web", 2, false);
        twin.advance(Duration.ofMinutes(10));
        texts[run] = twin.timeline().text();
      }
    }
    assertThat(texts[0]).isEqualTo(texts[1]);
  }
}
