package io.github.cloudtwin.elb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Target health of instances that stop or terminate, and registering an instance that is not
 * running, in AWS's words (docs/fidelity.md, "AWS's words").
 */
class TargetHealthWordsTest {

  @Test
  void aStoppedInstanceReadsTargetIsInTheStoppedStateOnceItHasStopped() {
    try (var f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 2, 1).twinCloser()) {
      ElbFixture e = f.fixture;
      String id = e.zoneA.get(0);
      e.twin.ec2().stopInstance(id);
      assertThat(e.elb.targetHealth("tg", id))
          .isEqualTo(
              new TargetHealth(
                  TargetHealthState.UNUSED,
                  "Target.InvalidState",
                  "Target is in the stopping state"));
      e.twin.advance(Ec2.SHUTDOWN_TIME);
      assertThat(e.twin.ec2().instance(id).state()).isEqualTo(InstanceState.STOPPED);
      assertThat(e.elb.targetHealth("tg", id))
          .isEqualTo(
              new TargetHealth(
                  TargetHealthState.UNUSED,
                  "Target.InvalidState",
                  "Target is in the stopped state"));
      assertThat(e.elb.targetHealths("tg")).containsKey(id); // a stopped instance stays registered
    }
  }

  @Test
  void aTerminatedInstanceDrainsForTheDeregistrationDelayAndThenLeavesTheGroup() {
    try (var f =
        ElbFixture.alb(
                TargetGroupSpec.builder("tg").deregistrationDelay(Duration.ofSeconds(60)), 2, 1)
            .twinCloser()) {
      ElbFixture e = f.fixture;
      String id = e.zoneA.get(0);
      e.twin.ec2().terminateInstance(id);
      assertThat(e.elb.targetHealth("tg", id))
          .isEqualTo(
              new TargetHealth(
                  TargetHealthState.DRAINING,
                  "Target.DeregistrationInProgress",
                  "Target deregistration is in progress"));
      e.twin.advance(Duration.ofSeconds(59));
      assertThat(e.elb.targetHealths("tg")).containsKey(id);
      e.twin.advance(Duration.ofSeconds(1));
      assertThat(e.elb.targetHealths("tg")).doesNotContainKey(id).containsKey(e.zoneA.get(1));
      assertThat(e.elb.targetHealth("tg", id))
          .isEqualTo(
              new TargetHealth(
                  TargetHealthState.UNUSED,
                  "Target.NotRegistered",
                  "Target is not registered to the target group"));
    }
  }

  @Test
  void registeringAnInstanceThatIsNotRunningIsRefusedWithAwsMessageAndRegistersNothing() {
    try (var f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 2, 1).twinCloser()) {
      ElbFixture e = f.fixture;
      String stopped = e.zoneA.get(0);
      String other = e.zoneA.get(1);
      e.elb.deregisterTargets("tg", stopped, other, e.zoneB.get(0));
      e.twin.advance(Duration.ofMinutes(10));
      e.twin.ec2().stopInstance(stopped);
      e.twin.advance(Ec2.SHUTDOWN_TIME);
      assertThatThrownBy(() -> e.elb.registerTargets("tg", other, stopped))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith(
              "InvalidTarget: The following targets are not in a running state and cannot be registered: '"
                  + stopped
                  + "'")
          .satisfies(x -> assertThat(((ValidationException) x).field()).isEqualTo("Targets.Id"));
      assertThat(e.elb.targetHealths("tg")).isEmpty();
    }
  }
}
