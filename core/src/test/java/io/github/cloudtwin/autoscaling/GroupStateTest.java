package io.github.cloudtwin.autoscaling;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared bookkeeping alone: counters in step with lifecycle states, the size history, the
 * facts.
 */
class GroupStateTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final CloudTwin twin =
      CloudTwin.builder().start(T0).seed(42).availabilityZones("us-east-1a", "us-east-1b").build();
  private final Kernel kernel = Kernel.of(twin);
  private final Ec2 ec2 = twin.ec2();
  private final GroupState state = new GroupState("web", kernel);

  private Member join(String zone, int weight) {
    Member m =
        new Member(
            ec2.runInstance(InstanceSpec.builder().availabilityZone(zone).build()),
            "lt",
            "1",
            state.now(),
            false,
            weight);
    state.members.put(m.instanceId, m);
    state.syncCount(m);
    state.memberState(m, LifecycleState.PENDING);
    return m;
  }

  @Test
  void membersCountTheirWeightTowardCapacityPerZoneUntilTheyTerminate() {
    Member a = join("us-east-1a", 2);
    Member b = join("us-east-1b", 1);
    assertThat(state.countingCount()).isEqualTo(3);
    assertThat(state.zoneCounts(List.of("us-east-1a", "us-east-1b")))
        .isEqualTo(Map.of("us-east-1a", 1, "us-east-1b", 1));

    state.memberState(a, LifecycleState.IN_SERVICE);
    state.memberState(b, LifecycleState.IN_SERVICE);
    a.terminationStarted = true;
    state.syncCount(a);
    assertThat(state.countingCount()).isEqualTo(1);
    assertThat(state.zoneCounts(List.of("us-east-1a", "us-east-1b")))
        .isEqualTo(Map.of("us-east-1a", 0, "us-east-1b", 1));
  }

  @Test
  void aHeldSlotKeepsCountingWhileTheMemberDrains() {
    Member a = join("us-east-1a", 1);
    state.memberState(a, LifecycleState.IN_SERVICE);
    a.terminationStarted = true;
    a.holdsCapacity = true;
    state.memberState(a, LifecycleState.TERMINATING);
    assertThat(state.countingCount()).isEqualTo(1);
    a.holdsCapacity = false;
    state.syncCount(a);
    assertThat(state.countingCount()).isZero();
  }

  @Test
  void stateCountsFollowEachMembersLifecycleState() {
    Member a = join("us-east-1a", 1);
    join("us-east-1b", 1);
    state.memberState(a, LifecycleState.IN_SERVICE);
    assertThat(state.stateCounts[LifecycleState.PENDING.ordinal()]).isEqualTo(1);
    assertThat(state.stateCounts[LifecycleState.IN_SERVICE.ordinal()]).isEqualTo(1);
    state.memberState(a, LifecycleState.STANDBY);
    assertThat(state.stateCounts[LifecycleState.IN_SERVICE.ordinal()]).isZero();
    assertThat(state.stateCounts[LifecycleState.STANDBY.ordinal()]).isEqualTo(1);
  }

  @Test
  void theSizeHistoryKeepsOneEntryPerInstantWithTheSizeAtItsEnd() {
    Member a = join("us-east-1a", 1);
    join("us-east-1b", 1);
    kernel.advance(ofMinutes(1));
    state.memberState(a, LifecycleState.IN_SERVICE); // still counts: no new entry
    state.memberState(a, LifecycleState.STANDBY);

    assertThat(state.sizeHistory).hasSize(2);
    assertThat(state.sizeHistory.get(0).time()).isEqualTo(T0);
    assertThat(state.sizeHistory.get(0).byZone())
        .isEqualTo(Map.of("us-east-1a", 1, "us-east-1b", 1));
    assertThat(state.sizeHistory.get(1).time()).isEqualTo(T0.plus(ofMinutes(1)));
    assertThat(state.sizeHistory.get(1).byZone())
        .isEqualTo(Map.of("us-east-1a", 0, "us-east-1b", 1));
  }

  @Test
  void aLifecycleFactIsRecordedForEachChangeAndForEveryPendingEntry() {
    Member a = join("us-east-1a", 1);
    state.memberState(a, LifecycleState.IN_SERVICE);
    state.memberState(a, LifecycleState.IN_SERVICE); // no change: no fact
    state.memberState(a, LifecycleState.PENDING); // back to Pending (ExitStandby's path): a fact

    assertThat(kernel.timeline().events(AutoScalingFact.LifecycleStateChanged.class))
        .extracting(e -> ((AutoScalingFact.LifecycleStateChanged) e.fact()).to())
        .containsExactly(LifecycleState.PENDING, LifecycleState.IN_SERVICE, LifecycleState.PENDING);
  }

  @Test
  void clearingTheMembersLeavesTheCountersAtZero() {
    Member a = join("us-east-1a", 3);
    state.clearMembers(List.of(a));
    assertThat(state.members).isEmpty();
    assertThat(state.countingCount()).isZero();
    assertThat(a.inCapacityCount).isFalse();
    assertThat(state.zoneCounts(List.of("us-east-1a"))).isEqualTo(Map.of("us-east-1a", 0));
  }
}
