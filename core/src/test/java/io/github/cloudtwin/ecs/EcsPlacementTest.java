package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Worked example E10 (aws-behaviour.md section 7) and placement behaviour around it. */
class EcsPlacementTest {

  @Test
  void defaultSpreadPlacesFiveTasksTwoTwoOneAndTheEmptierInstanceWithinAZone() {
    EcsFixture f = new EcsFixture();
    List<ContainerInstance> ci = f.instances("t3.medium", "a", "a", "b", "c");
    assertThat(ci).allSatisfy(i -> assertThat(i.registeredCpu()).isEqualTo(2048));
    f.taskDef("web", 512, 256);
    EcsService s =
        f.ecs.createService(ServiceSpec.builder(f.cluster, "web", "web").desiredCount(5).build());
    f.advance(Duration.ofMinutes(2));

    assertThat(s.runningCount()).isEqualTo(5);
    assertThat(f.perZone(s))
        .containsExactly(
            Map.entry("us-east-1a", 2), Map.entry("us-east-1b", 2), Map.entry("us-east-1c", 1));
    assertThat(f.perInstance(s))
        .containsEntry(ci.get(0).ec2InstanceId(), 1)
        .containsEntry(ci.get(1).ec2InstanceId(), 1);

    f.ecs.updateService(ServiceUpdate.builder(f.cluster, "web").desiredCount(3).build());
    f.advance(Duration.ofMinutes(2));
    assertThat(s.runningCount()).isEqualTo(3);
    assertThat(f.perZone(s))
        .containsExactly(
            Map.entry("us-east-1a", 1), Map.entry("us-east-1b", 1), Map.entry("us-east-1c", 1));
    assertThat(s.eventMessages()).first().isEqualTo("(service web) has reached a steady state.");
  }

  @Test
  void tasksOneToThreeLandOnePerZone() {
    EcsFixture f = new EcsFixture();
    f.instances("t3.medium", "a", "a", "b", "c");
    f.taskDef("web", 512, 256);
    EcsService s =
        f.ecs.createService(ServiceSpec.builder(f.cluster, "web", "web").desiredCount(3).build());
    f.advance(Duration.ofMinutes(1));
    assertThat(f.perZone(s))
        .containsExactly(
            Map.entry("us-east-1a", 1), Map.entry("us-east-1b", 1), Map.entry("us-east-1c", 1));
  }

  @Test
  void binpackMemoryPicksTheInstanceWithLeastRemainingMemoryThatFits() {
    EcsFixture f = new EcsFixture();
    List<ContainerInstance> ci = f.instances("t3.medium", "a", "b");
    ContainerInstance i1 = ci.get(0);
    ContainerInstance i2 = ci.get(1);
    assertThat(i1.registeredMemory()).isEqualTo(3973); // 4096 - 3 %
    // fill i1 to 1000 MiB free and i2 to 3000 MiB free
    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("filler1")
            .container(
                ContainerDefinition.builder("f", "busybox")
                    .memory(i1.registeredMemory() - 1000)
                    .build())
            .build());
    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("filler2")
            .container(
                ContainerDefinition.builder("f", "busybox")
                    .memory(i2.registeredMemory() - 3000)
                    .build())
            .build());
    f.ecs.updateContainerInstancesState(
        f.cluster, i2.containerInstanceId(), ContainerInstanceStatus.DRAINING);
    assertThat(f.ecs.runTask(f.cluster, "filler1", 1, LaunchType.EC2).tasks()).hasSize(1);
    f.ecs.updateContainerInstancesState(
        f.cluster, i2.containerInstanceId(), ContainerInstanceStatus.ACTIVE);
    f.ecs.updateContainerInstancesState(
        f.cluster, i1.containerInstanceId(), ContainerInstanceStatus.DRAINING);
    assertThat(f.ecs.runTask(f.cluster, "filler2", 1, LaunchType.EC2).tasks()).hasSize(1);
    f.ecs.updateContainerInstancesState(
        f.cluster, i1.containerInstanceId(), ContainerInstanceStatus.ACTIVE);
    assertThat(i1.remainingMemory()).isEqualTo(1000);
    assertThat(i2.remainingMemory()).isEqualTo(3000);

    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("packed")
            .container(ContainerDefinition.builder("app", "nginx").memory(512).build())
            .build());
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "packed", "packed")
                .desiredCount(1)
                .placementStrategy(PlacementStrategy.binpack("memory"))
                .build());
    f.advance(Duration.ofSeconds(1));
    assertThat(s.tasks())
        .singleElement()
        .extracting(Task::ec2InstanceId)
        .isEqualTo(i1.ec2InstanceId());
    assertThat(i1.remainingMemory()).isEqualTo(488);

    f.ecs.updateService(ServiceUpdate.builder(f.cluster, "packed").desiredCount(2).build());
    f.advance(Duration.ofSeconds(1));
    assertThat(f.perInstance(s))
        .containsEntry(i1.ec2InstanceId(), 1)
        .containsEntry(i2.ec2InstanceId(), 1);
  }

  @Test
  void distinctInstanceWithMoreTasksThanInstancesRunsFourAndRepeatsTheUnableToPlaceEvent() {
    EcsFixture f = new EcsFixture();
    f.instances("t3.medium", "a", "b", "c", "a");
    f.taskDef("web", 256, 256);
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web")
                .desiredCount(5)
                .placementConstraints(PlacementConstraint.distinctInstance())
                .build());
    f.advance(Duration.ofMinutes(3));

    assertThat(s.runningCount()).isEqualTo(4);
    assertThat(s.pendingCount()).isZero();
    String expected =
        "(service web) was unable to place a task because no container instance met all of its requirements."
            + " The closest matching (container-instance "
            + f.ecs.cluster(f.cluster).containerInstances().get(0).containerInstanceId()
            + ") encountered error \"DistinctInstance placement constraint unsatisfied.\"."
            + " For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.";
    assertThat(s.eventMessages())
        .filteredOn(m -> m.equals(expected))
        .hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void insufficientCpuNamesTheClosestMatchingInstance() {
    EcsFixture f = new EcsFixture();
    List<ContainerInstance> ci = f.instances("t3.medium", "a");
    f.taskDef("big", 1536, 256);
    EcsService s =
        f.ecs.createService(ServiceSpec.builder(f.cluster, "big", "big").desiredCount(2).build());
    f.advance(Duration.ofSeconds(1));
    assertThat(s.tasks()).hasSize(1);
    assertThat(s.eventMessages())
        .contains(
            "(service big) was unable to place a task because no container instance met all of its requirements."
                + " The closest matching (container-instance "
                + ci.get(0).containerInstanceId()
                + ") has insufficient CPU units available."
                + " For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.");
  }

  @Test
  void memberOfExpressionsSelectInstancesByTypeAndZone() {
    EcsFixture f = new EcsFixture();
    List<ContainerInstance> t3 = f.instances("t3.medium", "a", "b", "c");
    List<ContainerInstance> m5 = f.instances("m5.large", "a", "b", "c");
    f.taskDef("web", 256, 256);
    EcsService onT3 =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "t3only", "web")
                .desiredCount(6)
                .placementConstraints(
                    PlacementConstraint.memberOf("attribute:ecs.instance-type =~ t3.*"))
                .build());
    EcsService inAb =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "ab", "web")
                .desiredCount(4)
                .placementConstraints(
                    PlacementConstraint.memberOf(
                        "attribute:ecs.availability-zone in [us-east-1a, us-east-1b] and attribute:ecs.instance-type == m5.large"))
                .build());
    f.advance(Duration.ofMinutes(1));
    assertThat(onT3.tasks())
        .hasSize(6)
        .allSatisfy(
            t ->
                assertThat(t.containerInstance().attributes().get("ecs.instance-type"))
                    .isEqualTo("t3.medium"));
    assertThat(inAb.tasks())
        .hasSize(4)
        .allSatisfy(
            t -> {
              assertThat(t.availabilityZone()).isIn("us-east-1a", "us-east-1b");
              assertThat(m5).contains(t.containerInstance());
            });
    assertThat(t3).hasSize(3);
  }

  @Test
  void bridgeTasksGetDynamicHostPortsAndHostModeTakesOnePortPerInstance() {
    EcsFixture f = new EcsFixture();
    List<ContainerInstance> ci = f.instances("t3.medium", "a");
    f.taskDef("web", 128, 128);
    EcsService s =
        f.ecs.createService(ServiceSpec.builder(f.cluster, "web", "web").desiredCount(3).build());
    f.advance(Duration.ofSeconds(1));
    assertThat(s.tasks())
        .extracting(t -> t.hostPort("app", 80))
        .containsExactlyInAnyOrder(49153, 49154, 49155);
    assertThat(ci.get(0).portsInUse()).containsExactly(49153, 49154, 49155);

    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("hosted")
            .networkMode(NetworkMode.HOST)
            .container(
                ContainerDefinition.builder("app", "nginx")
                    .cpu(128)
                    .memory(128)
                    .portMapping(8080)
                    .build())
            .build());
    EcsService h =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "hosted", "hosted").desiredCount(2).build());
    f.advance(Duration.ofSeconds(1));
    assertThat(h.tasks()).hasSize(1);
    assertThat(h.tasks().get(0).hostPort("app", 8080)).isEqualTo(8080);
    assertThat(h.eventMessages())
        .anyMatch(
            m ->
                m.endsWith(
                    "is already using a port required by your task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide."));
  }

  @Test
  void randomStrategyIsReproducibleWithTheSameSeed() {
    List<String> first = randomPlacement(7);
    List<String> second = randomPlacement(7);
    assertThat(first).isEqualTo(second).hasSize(8);
  }

  private static List<String> randomPlacement(long seed) {
    EcsFixture f = new EcsFixture(seed);
    f.instances("t3.medium", "a", "b", "c", "a", "b");
    f.taskDef("web", 128, 128);
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web")
                .desiredCount(8)
                .placementStrategy(PlacementStrategy.random())
                .build());
    f.advance(Duration.ofSeconds(1));
    return s.tasks().stream().map(Task::availabilityZone).toList();
  }
}
