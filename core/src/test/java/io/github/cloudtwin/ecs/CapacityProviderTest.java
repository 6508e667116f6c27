package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetType;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Capacity providers and managed scaling: worked example E11 (aws-behaviour.md 5.8, 5.9, section
 * 7).
 */
class CapacityProviderTest {

  private final CloudTwin twin = CloudTwin.builder().seed(11).build();
  private final Ecs ecs = twin.ecs();

  /**
   * Group "asg" of m5.large (2048 CPU units), cluster "prod" with provider "cp" as default
   * strategy.
   */
  private AutoScalingGroup group(int desired, int max, ManagedScaling ms, boolean protection) {
    AutoScalingGroup g =
        twin.autoScaling()
            .createAutoScalingGroup(
                AutoScalingGroupSpec.builder()
                    .autoScalingGroupName("asg")
                    .launchTemplate("ecs", "1")
                    .instanceType("m5.large")
                    .minSize(0)
                    .maxSize(max)
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

  /** A service whose every task fills one m5.large. */
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

  @Test
  void
      fourBusyInstancesAndATaskNeedingOneMoreGiveReservation125AndDesiredFiveThenNoScaleOutDuringWarmup() {
    AutoScalingGroup g = group(4, 20, ManagedScaling.DEFAULT, false);
    EcsService s = wholeInstanceService(4);
    twin.advance(Duration.ofMinutes(2));
    assertThat(s.runningCount()).isEqualTo(4);
    assertThat(ecs.capacityProvider("cp").capacityProviderReservation()).isEqualTo(100.0);

    ecs.updateService(ServiceUpdate.builder("prod", "big").desiredCount(5).build());
    twin.advance(Duration.ofSeconds(1));
    assertThat(s.tasks(TaskStatus.PROVISIONING)).hasSize(1);
    twin.advanceTo(
        twin.now().plusSeconds(60 - twin.now().getEpochSecond() % 60)); // the next minute
    CapacityProvider cp = ecs.capacityProvider("cp");
    assertThat(cp.instancesNeeded()).isEqualTo(5);
    assertThat(cp.instancesInGroup()).isEqualTo(4);
    assertThat(cp.capacityProviderReservation()).isEqualTo(125.0);
    assertThat(g.desiredCapacity()).isEqualTo(5);
    MetricId cpr =
        MetricId.of(
            "AWS/ECS/ManagedScaling",
            "CapacityProviderReservation",
            "ClusterName",
            "prod",
            "CapacityProviderName",
            "cp");
    assertThat(
            twin.cloudWatch()
                .statistic(cpr, twin.now().minusSeconds(60), twin.now(), Statistic.MAXIMUM))
        .hasValue(125.0);

    ecs.updateService(ServiceUpdate.builder("prod", "big").desiredCount(7).build());
    twin.advance(Duration.ofMinutes(4));
    assertThat(s.runningCount())
        .isEqualTo(5); // the new instance registered and took the waiting task
    assertThat(g.desiredCapacity()).isEqualTo(5); // warm-up: no scale-out for 300 s
    twin.advance(Duration.ofMinutes(2));
    assertThat(g.desiredCapacity()).isEqualTo(7);
    twin.advance(Duration.ofMinutes(2));
    assertThat(s.runningCount()).isEqualTo(7);
  }

  @Test
  void anEmptyGroupWithAWaitingTaskHasReservation200AndGrowsToTwoInstances() {
    AutoScalingGroup g = group(0, 10, ManagedScaling.DEFAULT, false);
    EcsService s = wholeInstanceService(1);
    twin.advance(Duration.ofSeconds(1));
    assertThat(s.tasks())
        .singleElement()
        .satisfies(t -> assertThat(t.lastStatus()).isEqualTo(TaskStatus.PROVISIONING));
    assertThat(s.pendingCount()).isEqualTo(1);
    twin.advance(Duration.ofMinutes(1));
    assertThat(ecs.capacityProvider("cp").capacityProviderReservation()).isEqualTo(200.0);
    assertThat(g.desiredCapacity()).isEqualTo(2);
    twin.advance(Duration.ofMinutes(2));
    assertThat(s.runningCount()).isEqualTo(1);
  }

  @Test
  void targetCapacity90WithNineBusyInstancesScalesToTen() {
    AutoScalingGroup g = group(9, 20, ManagedScaling.target(90), false);
    EcsService s = wholeInstanceService(9);
    twin.advance(Duration.ofMinutes(2));
    assertThat(s.runningCount()).isEqualTo(9);
    assertThat(twin.timeline().eventsOf("capacity-provider/cp"))
        .extracting(e -> e.message())
        .contains("CapacityProviderReservation 100 > 90 (1 of 1): desired capacity 9 -> 10");
    assertThat(g.desiredCapacity()).isEqualTo(10);
    assertThat(ecs.capacityProvider("cp").capacityProviderReservation())
        .isEqualTo(90.0); // 9 busy of 10: at target
  }

  @Test
  void threeEmptyOfTenScaleInToSevenAfterFifteenMinutesAndProtectionKeepsTheBusyOnes() {
    AutoScalingGroup g = group(10, 20, ManagedScaling.DEFAULT, true);
    EcsService s = wholeInstanceService(7);
    twin.advance(Duration.ofMinutes(2));
    assertThat(s.runningCount()).isEqualTo(7);
    assertThat(ecs.capacityProvider("cp").capacityProviderReservation()).isEqualTo(70.0);
    List<String> busy = s.tasks().stream().map(Task::ec2InstanceId).sorted().toList();
    assertThat(g.instances())
        .filteredOn(AutoScalingInstance::protectedFromScaleIn)
        .extracting(AutoScalingInstance::instanceId)
        .containsExactlyInAnyOrderElementsOf(busy);

    twin.advance(Duration.ofMinutes(10));
    assertThat(g.desiredCapacity()).isEqualTo(10);
    twin.advance(Duration.ofMinutes(6));
    assertThat(g.desiredCapacity()).isEqualTo(7);
    twin.advance(Duration.ofMinutes(2));
    assertThat(g.instances())
        .extracting(AutoScalingInstance::instanceId)
        .containsExactlyInAnyOrderElementsOf(busy);
    assertThat(s.runningCount()).isEqualTo(7);
    assertThat(s.tasks(TaskStatus.STOPPED)).isEmpty();
  }

  @Test
  void baseAndWeightSplitTasksBetweenProviders() {
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("a-asg")
                .launchTemplate("ecs", "1")
                .instanceType("m5.xlarge")
                .minSize(0)
                .maxSize(10)
                .desiredCapacity(3)
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .build());
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("b-asg")
                .launchTemplate("ecs", "1")
                .instanceType("m5.xlarge")
                .minSize(0)
                .maxSize(10)
                .desiredCapacity(3)
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .build());
    ecs.createCluster("prod");
    ecs.createCapacityProvider(CapacityProviderSpec.of("A", "a-asg"));
    ecs.createCapacityProvider(CapacityProviderSpec.of("B", "b-asg"));
    ecs.putClusterCapacityProviders(
        "prod", List.of("A", "B"), List.of(CapacityProviderStrategyItem.of("A", 1)));
    twin.advance(Duration.ofMinutes(1));
    ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .cpu(256)
            .memory(256)
            .container(ContainerDefinition.builder("app", "nginx").build())
            .build());
    EcsService s =
        ecs.createService(
            ServiceSpec.builder("prod", "web", "web")
                .desiredCount(10)
                .capacityProviderStrategy("A", 2, 1)
                .capacityProviderStrategy("B", 0, 3)
                .build());
    twin.advance(Duration.ofMinutes(1));
    long onA = s.tasks().stream().filter(t -> "A".equals(t.capacityProviderName())).count();
    long onB = s.tasks().stream().filter(t -> "B".equals(t.capacityProviderName())).count();
    assertThat(onA).isEqualTo(4); // 2 base + 2 of the remaining 8 at 1:3
    assertThat(onB).isEqualTo(6);
    assertThat(s.tasks())
        .allSatisfy(
            t ->
                assertThat(t.containerInstance().capacityProviderName())
                    .isEqualTo(t.capacityProviderName()));
  }

  @Test
  void zoneOutageReplacesTasksInTheOtherZonesOnceNewInstancesRegister() {
    AutoScalingGroup g = group(6, 10, ManagedScaling.DEFAULT, true);
    twin.loadBalancing()
        .createLoadBalancer(
            LoadBalancerSpec.application("web")
                .availabilityZones(List.of("us-east-1a", "us-east-1b", "us-east-1c"))
                .build());
    twin.loadBalancing()
        .createTargetGroup(
            TargetGroupSpec.builder("web-tg")
                .targetType(TargetType.IP)
                .deregistrationDelay(Duration.ofSeconds(30))
                .build());
    twin.loadBalancing()
        .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .networkMode(NetworkMode.AWSVPC)
            .cpu(2048)
            .memory(4096)
            .container(ContainerDefinition.builder("app", "nginx").portMapping(80).build())
            .build());
    EcsService s =
        ecs.createService(
            ServiceSpec.builder("prod", "web", "web")
                .desiredCount(6)
                .loadBalancer("web-tg", "app", 80)
                .build());
    twin.advance(Duration.ofMinutes(3));
    assertThat(s.runningCount()).isEqualTo(6);
    assertThat(s.tasks())
        .extracting(Task::availabilityZone)
        .containsOnly("us-east-1a", "us-east-1b", "us-east-1c");

    twin.faults().failZone("us-east-1a");
    twin.advance(Duration.ofMinutes(3));
    assertThat(s.tasks())
        .filteredOn(t -> t.desiredStatus() == TaskStatus.RUNNING)
        .filteredOn(t -> t.lastStatus() == TaskStatus.PROVISIONING)
        .isNotEmpty(); // no room left: waiting for capacity
    twin.advance(Duration.ofMinutes(15));
    assertThat(s.runningCount()).isEqualTo(6);
    assertThat(s.tasks())
        .extracting(Task::availabilityZone)
        .containsOnly("us-east-1b", "us-east-1c");
    assertThat(g.inServiceCount()).isGreaterThanOrEqualTo(6);
    assertThat(
            twin.timeline()
                .events(e -> e.message().startsWith("PROVISIONING: waiting for capacity")))
        .isNotEmpty();
    // the group replaced its impaired instances in b and c; the waiting tasks ran once they
    // registered
    assertThat(g.instances())
        .extracting(AutoScalingInstance::availabilityZone)
        .doesNotContain("us-east-1a");
  }

  @Test
  void badProvidersAreRejected() {
    assertThatThrownBy(() -> CapacityProviderSpec.of("ecs-cp", "asg"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("not starting with aws, ecs or fargate");
    assertThatThrownBy(() -> new CapacityProviderSpec("cp", "asg", ManagedScaling.DISABLED, true))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("managed scaling enabled");
    assertThatThrownBy(() -> ManagedScaling.target(0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("targetCapacity");
    assertThatThrownBy(() -> ecs.createCapacityProvider(CapacityProviderSpec.of("cp", "missing")))
        .isInstanceOf(ValidationException.class);
  }
}
