package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.ec2.InstanceType;
import io.github.cloudtwin.facts.EcsFact.ManagedScalingTriggered;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic of ECS managed scaling (cluster auto scaling), each rule at its edge. AWS's pages:
 * "Amazon ECS managed scaling behavior" (developerguide/managed-scaling-behavior.html, sections
 * "Managed scale-out behavior" and "Managed scale-in behavior"), "Automatically manage Amazon ECS
 * capacity with cluster auto scaling" (developerguide/cluster-auto-scaling.html,
 * CapacityProviderReservation = instances needed / running instances x 100) and, for the group's
 * limits, "Set scaling limits for your Auto Scaling group" (the desired capacity stays between the
 * minimum and the maximum size).
 */
class ManagedScalingRulesTest {

  private final CloudTwin twin = CloudTwin.builder().seed(25).build();
  private final Ecs ecs = twin.ecs();

  /** Group "asg" of m5.large (2048 CPU units), cluster "prod" with provider "cp" as default. */
  private AutoScalingGroup group(int min, int desired, int max) {
    AutoScalingGroup g =
        twin.autoScaling()
            .createAutoScalingGroup(
                AutoScalingGroupSpec.builder()
                    .autoScalingGroupName("asg")
                    .launchTemplate("ecs", "1")
                    .instanceType("m5.large")
                    .minSize(min)
                    .maxSize(max)
                    .desiredCapacity(desired)
                    .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                    .build());
    ecs.createCluster("prod");
    ecs.createCapacityProvider(
        new CapacityProviderSpec("cp", "asg", ManagedScaling.DEFAULT, false));
    ecs.putClusterCapacityProviders(
        "prod", List.of("cp"), List.of(CapacityProviderStrategyItem.of("cp", 1)));
    twin.advance(Duration.ofMinutes(1));
    return g;
  }

  private EcsService service(int cpu, int memory, int desired) {
    ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("work")
            .cpu(cpu)
            .memory(memory)
            .container(ContainerDefinition.builder("app", "worker").build())
            .build());
    return ecs.createService(
        ServiceSpec.builder("prod", "work", "work").desiredCount(desired).build());
  }

  /** Advances to just after the next whole minute, when the metric is published. */
  private void toNextMinute() {
    twin.advanceTo(twin.now().plusSeconds(60 - twin.now().getEpochSecond() % 60));
  }

  private List<ManagedScalingTriggered> triggered() {
    return twin.timeline().events(ManagedScalingTriggered.class).stream()
        .map(e -> e.fact(ManagedScalingTriggered.class).orElseThrow())
        .toList();
  }

  private static int registeredMemory() {
    return ContainerInstance.registeredMemory(InstanceType.of("m5.large"));
  }

  @Test
  void waitingTasksAreBinPackedByCpuSoFourHalfInstanceTasksNeedTwoInstances() {
    // "Managed scale-out behavior": the provisioning tasks are bin-packed onto the instance type
    // to estimate the instances needed; two tasks of 1,024 CPU units fill one m5.large exactly.
    AutoScalingGroup g = group(0, 2, 10);
    EcsService s = service(1024, 512, 4);
    twin.advance(Duration.ofMinutes(2));
    assertThat(s.runningCount()).isEqualTo(4);
    ecs.updateService(ServiceUpdate.builder("prod", "work").desiredCount(8).build());
    twin.advance(Duration.ofSeconds(1));
    assertThat(s.tasks(TaskStatus.PROVISIONING)).hasSize(4);
    toNextMinute();
    CapacityProvider cp = ecs.capacityProvider("cp");
    assertThat(cp.instancesNeeded()).isEqualTo(4); // 2 busy + 2 for the 4 waiting tasks
    assertThat(cp.instancesInGroup()).isEqualTo(2);
    assertThat(cp.capacityProviderReservation()).isEqualTo(200.0);
    assertThat(g.desiredCapacity()).isEqualTo(4);
  }

  @Test
  void waitingTasksAreBinPackedByMemorySoFourHalfMemoryTasksNeedTwoInstances() {
    // same rule, memory the scarce resource: two tasks of half the registered memory fill one
    AutoScalingGroup g = group(0, 2, 10);
    EcsService s = service(256, registeredMemory() / 2, 4);
    twin.advance(Duration.ofMinutes(2));
    assertThat(s.runningCount()).isEqualTo(4);
    ecs.updateService(ServiceUpdate.builder("prod", "work").desiredCount(8).build());
    twin.advance(Duration.ofSeconds(1));
    assertThat(s.tasks(TaskStatus.PROVISIONING)).hasSize(4);
    toNextMinute();
    CapacityProvider cp = ecs.capacityProvider("cp");
    assertThat(cp.instancesNeeded()).isEqualTo(4);
    assertThat(cp.capacityProviderReservation()).isEqualTo(200.0);
    assertThat(g.desiredCapacity()).isEqualTo(4);
  }

  @Test
  void aTaskReservingExactlyAnInstancesRegisteredCpuAndMemoryStillCountsAndScalesOutFromZero() {
    // "Managed scale-out behavior": only tasks too big for the instance type are left out of the
    // estimate; one that fits exactly counts, so from zero instances the reservation is 200 and
    // ECS scales out to two instances (cluster auto scaling, "scale out from zero").
    AutoScalingGroup g = group(0, 0, 10);
    EcsService s = service(2048, registeredMemory(), 1);
    twin.advance(Duration.ofSeconds(1));
    assertThat(s.tasks(TaskStatus.PROVISIONING)).hasSize(1);
    toNextMinute();
    assertThat(ecs.capacityProvider("cp").instancesNeeded()).isEqualTo(1);
    assertThat(ecs.capacityProvider("cp").capacityProviderReservation()).isEqualTo(200.0);
    assertThat(g.desiredCapacity()).isEqualTo(2);
    twin.advance(Duration.ofMinutes(3));
    assertThat(s.runningCount()).isEqualTo(1);
  }

  @Test
  void aTaskOneMebibyteOverTheRegisteredMemoryIsIgnoredAndTheReservationStaysAt100() {
    // "Managed scale-out behavior": a task too big for the instance type does not drive scaling;
    // with no instances and nothing else needed the reservation is 100 and the group stays empty.
    AutoScalingGroup g = group(0, 0, 10);
    EcsService s = service(256, registeredMemory() + 1, 1);
    twin.advance(Duration.ofMinutes(5));
    assertThat(s.tasks(TaskStatus.PROVISIONING)).hasSize(1);
    assertThat(ecs.capacityProvider("cp").instancesNeeded()).isZero();
    assertThat(ecs.capacityProvider("cp").capacityProviderReservation()).isEqualTo(100.0);
    assertThat(g.desiredCapacity()).isZero();
    assertThat(triggered()).isEmpty();
  }

  @Test
  void tenEmptyInstancesScaleInToSixFirstLessThanHalfTheGroupInOneStep() {
    // "Managed scale-in behavior": after 15 minutes below the target, ECS removes at least one
    // instance and less than half of the group per step: 10 -> 6 (4 of 10), not 5 and not 0.
    AutoScalingGroup g = group(0, 10, 20);
    twin.advance(Duration.ofMinutes(2));
    assertThat(ecs.capacityProvider("cp").capacityProviderReservation()).isZero();
    for (int i = 0; i < 20 && g.desiredCapacity() == 10; i++) twin.advance(Duration.ofMinutes(1));
    assertThat(g.desiredCapacity()).isEqualTo(6);
    assertThat(triggered())
        .first()
        .satisfies(
            t -> {
              assertThat(t.scaleOut()).isFalse();
              assertThat(t.from()).isEqualTo(10);
              assertThat(t.to()).isEqualTo(6);
              assertThat(t.instancesRunning()).isEqualTo(10);
            });
  }

  @Test
  void aGroupAtItsMaximumSizeIsNotScaledOutAndTheTaskKeepsWaiting() {
    // The desired capacity of an Auto Scaling group never exceeds its maximum size ("Set scaling
    // limits for your Auto Scaling group"): managed scaling asks for nothing at the maximum.
    AutoScalingGroup g = group(0, 2, 2);
    EcsService s = service(2048, 4096, 3);
    twin.advance(Duration.ofMinutes(3));
    assertThat(s.runningCount()).isEqualTo(2);
    assertThat(ecs.capacityProvider("cp").capacityProviderReservation()).isEqualTo(150.0);
    twin.advance(Duration.ofMinutes(5));
    assertThat(g.desiredCapacity()).isEqualTo(2);
    assertThat(triggered()).isEmpty();
    assertThat(s.tasks(TaskStatus.PROVISIONING)).hasSize(1);
  }

  @Test
  void aGroupAtItsMinimumSizeIsNotScaledInEvenWhenEveryInstanceIsEmpty() {
    // ... nor falls below its minimum size: two empty instances of a group with minimum 2 stay
    AutoScalingGroup g = group(2, 2, 10);
    twin.advance(Duration.ofMinutes(2));
    assertThat(ecs.capacityProvider("cp").capacityProviderReservation()).isZero();
    twin.advance(Duration.ofMinutes(20));
    assertThat(g.desiredCapacity()).isEqualTo(2);
    assertThat(triggered()).isEmpty();
  }

  @Test
  void theManagedPolicyIsNamedEcsManagedAutoScalingPolicyFollowedByAVersion4Uuid() {
    // Cluster auto scaling: ECS creates the target tracking policy ECSManagedAutoScalingPolicy-<id>
    // on the group, the id a random (version 4) UUID.
    group(0, 1, 10);
    assertThat(ecs.capacityProvider("cp").managedScalingPolicyName())
        .hasValueSatisfying(
            n ->
                assertThat(n)
                    .matches(
                        "ECSManagedAutoScalingPolicy-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}"
                            + "-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
  }
}
