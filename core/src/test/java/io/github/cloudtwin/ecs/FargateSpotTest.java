package io.github.cloudtwin.ecs;

import static io.github.cloudtwin.ecs.CapacityProviderStrategyItem.FARGATE;
import static io.github.cloudtwin.ecs.CapacityProviderStrategyItem.FARGATE_SPOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetHealthState;
import io.github.cloudtwin.elb.TargetType;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The FARGATE and FARGATE_SPOT capacity providers ("AWS Fargate capacity providers", ECS developer
 * guide: available to every account, used once associated with a cluster) and Fargate Spot
 * interruptions ("How do I handle Spot termination notices in AWS Fargate Spot tasks?", AWS
 * knowledge center: a two-minute warning as a task state change and SIGTERM, the service scheduler
 * starting replacements, targets to be deregistered within the two minutes).
 */
class FargateSpotTest {

  private static EcsFixture fargateCluster() {
    EcsFixture f = new EcsFixture();
    f.ecs.putClusterCapacityProviders(f.cluster, List.of(FARGATE, FARGATE_SPOT), List.of());
    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .requiresCompatibilities(LaunchType.FARGATE)
            .networkMode(NetworkMode.AWSVPC)
            .cpu(256)
            .memory(512)
            .container(ContainerDefinition.builder("app", "nginx").portMapping(80).build())
            .build());
    return f;
  }

  private static ServiceSpec.Builder spotHeavy(EcsFixture f, int desired) {
    return ServiceSpec.builder(f.cluster, "web", "web")
        .desiredCount(desired)
        .capacityProviderStrategy(FARGATE, 1, 1)
        .capacityProviderStrategy(FARGATE_SPOT, 0, 3);
  }

  private static Map<String, Long> byProvider(EcsService s) {
    return s.tasks().stream()
        .filter(t -> t.desiredStatus() == TaskStatus.RUNNING)
        .collect(Collectors.groupingBy(Task::capacityProviderName, Collectors.counting()));
  }

  private static Task aSpotTask(EcsService s) {
    return s.tasks().stream()
        .filter(t -> FARGATE_SPOT.equals(t.capacityProviderName()))
        .filter(t -> t.lastStatus() == TaskStatus.RUNNING)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aStrategyOverTheFargateProvidersSplitsTasksByBaseThenWeightOnFargate() {
    EcsFixture f = fargateCluster();
    EcsService s = f.ecs.createService(spotHeavy(f, 5).build());
    f.advance(Duration.ofMinutes(1));
    // base 1 on FARGATE, the other 4 split 1 : 3
    assertThat(byProvider(s)).isEqualTo(Map.of(FARGATE, 2L, FARGATE_SPOT, 3L));
    assertThat(s.tasks())
        .allSatisfy(
            t -> {
              assertThat(t.launchType()).isEqualTo(LaunchType.FARGATE);
              assertThat(t.containerInstance()).isNull();
              assertThat(t.lastStatus()).isEqualTo(TaskStatus.RUNNING);
            });
  }

  @Test
  void anInterruptedSpotTaskIsReplacedAtOnceAndStopsWithAwsStopCodeAndReason() {
    EcsFixture f = fargateCluster();
    EcsService s = f.ecs.createService(spotHeavy(f, 5).build());
    f.advance(Duration.ofMinutes(1));
    Task victim = aSpotTask(s);
    Instant warned = f.twin.clock().instant();

    f.twin.faults().interruptFargateSpotTasks(f.cluster, victim.taskId());
    assertThat(victim.desiredStatus()).isEqualTo(TaskStatus.STOPPED);
    assertThat(victim.stopCode()).isEqualTo(StopCode.SpotInterruption);
    assertThat(victim.stoppedReason()).isEqualTo("Your Spot Task was interrupted.");
    f.advance(Duration.ofSeconds(30));
    assertThat(victim.lastStatus()).isEqualTo(TaskStatus.STOPPED);
    assertThat(victim.stoppedAt()).isBefore(warned.plusSeconds(30));
    // the replacement follows the strategy: FARGATE_SPOT again
    assertThat(s.runningCount()).isEqualTo(5);
    assertThat(byProvider(s)).isEqualTo(Map.of(FARGATE, 2L, FARGATE_SPOT, 3L));
  }

  @Test
  void aTargetStillDrainingTwoMinutesAfterTheWarningIsReclaimedWithoutWaitingForTheDelay() {
    EcsFixture f = fargateCluster();
    var elb = f.twin.loadBalancing();
    elb.createLoadBalancer(
        LoadBalancerSpec.application("web")
            .availabilityZones(List.of("us-east-1a", "us-east-1b", "us-east-1c"))
            .idleTimeout(Duration.ofMinutes(15))
            .build());
    // the default 300 s deregistration delay: longer than Fargate Spot's two minutes
    elb.createTargetGroup(TargetGroupSpec.builder("web-tg").targetType(TargetType.IP).build());
    elb.createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    EcsService s = f.ecs.createService(spotHeavy(f, 4).loadBalancer("web-tg", "app", 80).build());
    f.advance(Duration.ofMinutes(3));
    Task victim = aSpotTask(s);
    String ip = victim.privateIpv4Address();
    assertThat(elb.targetGroup("web-tg").health(ip).state()).isEqualTo(TargetHealthState.HEALTHY);
    // requests that take 10 minutes (under an idle timeout of 15) keep the target draining: the
    // twin ends a drain early only when nothing is in flight
    elb.setDefaultLatency(Duration.ofMinutes(10));
    for (int i = 0; i < 8; i++) elb.send("web");
    Instant warned = f.twin.clock().instant();

    f.twin.faults().interruptFargateSpotTasks(f.cluster, victim.taskArn());
    f.advance(Duration.ofSeconds(119));
    assertThat(victim.lastStatus()).isEqualTo(TaskStatus.DEACTIVATING);
    assertThat(elb.targetGroup("web-tg").health(ip).state()).isEqualTo(TargetHealthState.DRAINING);
    f.advance(Duration.ofSeconds(1));
    assertThat(victim.lastStatus()).isEqualTo(TaskStatus.STOPPED);
    assertThat(victim.stoppedAt()).isEqualTo(warned.plus(Duration.ofMinutes(2)));
    assertThat(victim.stopCode()).isEqualTo(StopCode.SpotInterruption);
  }

  @Test
  void onlyRunningFargateSpotTasksOfTheClusterCanBeInterruptedAndNothingIsHalfApplied() {
    EcsFixture f = fargateCluster();
    EcsService s = f.ecs.createService(spotHeavy(f, 5).build());
    f.advance(Duration.ofMinutes(1));
    Task spot = aSpotTask(s);
    Task onDemand =
        s.tasks().stream().filter(t -> FARGATE.equals(t.capacityProviderName())).findFirst().get();

    assertThatThrownBy(
            () ->
                f.twin
                    .faults()
                    .interruptFargateSpotTasks(f.cluster, spot.taskId(), onDemand.taskId()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("taskIds");
              assertThat(e.getMessage())
                  .contains(onDemand.taskId())
                  .contains("a task on the FARGATE_SPOT capacity provider (it is on FARGATE)");
            });
    assertThat(spot.desiredStatus()).isEqualTo(TaskStatus.RUNNING);
    assertThatThrownBy(() -> f.twin.faults().interruptFargateSpotTasks(f.cluster))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at least one task");
  }

  @Test
  void aStrategyMixingFargateAndAutoScalingGroupProvidersIsRefused() {
    assertThatThrownBy(
            () ->
                ServiceSpec.builder("prod", "web", "web")
                    .capacityProviderStrategy(FARGATE_SPOT, 0, 1)
                    .capacityProviderStrategy("asg-provider", 0, 1)
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("capacityProviderStrategy.capacityProvider");
              assertThat(e.getMessage()).contains("not both");
            });
  }

  @Test
  void aFargateStrategyNeedsAFargateCompatibleTaskDefinition() {
    EcsFixture f = fargateCluster();
    f.taskDef("bridge", 128, 128);
    assertThatThrownBy(
            () ->
                f.ecs.createService(
                    ServiceSpec.builder(f.cluster, "web", "bridge")
                        .capacityProviderStrategy(FARGATE_SPOT, 0, 1)
                        .build()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Task definition does not support launch_type FARGATE.");
    assertThat(f.ecs.cluster(f.cluster).services()).isEmpty();
  }
}
