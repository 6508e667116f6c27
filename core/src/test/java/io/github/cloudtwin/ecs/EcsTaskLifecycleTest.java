package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Task lifecycle, stop reasons, health, daemon and Fargate services, metrics (aws-behaviour.md
 * 5.1-5.5, 3.4).
 */
class EcsTaskLifecycleTest {

  @Test
  void anAwsvpcTaskGoesThroughEveryLifecycleStateInOrder() {
    EcsFixture f = new EcsFixture();
    f.instances("m5.large", "a");
    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .networkMode(NetworkMode.AWSVPC)
            .container(ContainerDefinition.builder("app", "nginx").cpu(256).memory(256).build())
            .build());
    Task t = f.ecs.runTask(f.cluster, "web", 1, LaunchType.EC2).tasks().get(0);
    f.advance(Duration.ofMinutes(1));
    f.ecs.stopTask(f.cluster, t.taskId(), null);
    f.advance(Duration.ofMinutes(1));
    List<String> states =
        f.twin.timeline().eventsOf("task/" + t.taskId()).stream()
            .filter(e -> e.kind().equals("state") || e.kind().equals("stopped"))
            .map(TimelineEvent::message)
            .toList();
    assertThat(states)
        .containsExactly(
            "PROVISIONING -> PENDING",
            "PENDING -> ACTIVATING",
            "ACTIVATING -> RUNNING",
            "RUNNING -> DEACTIVATING",
            "DEACTIVATING -> STOPPING",
            "STOPPING -> DEPROVISIONING",
            "STOPPED (UserInitiated): Task stopped by user");
    assertThat(t.startedAt()).isEqualTo(f.twin.timeline().t0().plusSeconds(30 + 5 + 10));
    assertThat(t.lastStatus()).isEqualTo(TaskStatus.STOPPED);
    assertThat(t.privateIpv4Address()).startsWith("10.0.");
  }

  @Test
  void aTerminatedHostStopsItsTasksWithAwsReasonAndTheServiceReplacesThemElsewhere() {
    EcsFixture f = new EcsFixture();
    List<ContainerInstance> ci = f.instances("m5.large", "a", "b");
    f.taskDef("web", 256, 256);
    EcsService s =
        f.ecs.createService(ServiceSpec.builder(f.cluster, "web", "web").desiredCount(2).build());
    f.advance(Duration.ofMinutes(1));
    Task onA =
        s.tasks().stream()
            .filter(t -> t.containerInstance() == ci.get(0))
            .findFirst()
            .orElseThrow();
    f.twin.ec2().terminateInstance(ci.get(0).ec2InstanceId());
    f.advance(Duration.ofMinutes(1));
    assertThat(onA.lastStatus()).isEqualTo(TaskStatus.STOPPED);
    assertThat(onA.stoppedReason())
        .isEqualTo("Host EC2 (instance " + ci.get(0).ec2InstanceId() + ") stopped/terminated");
    assertThat(ci.get(0).status()).isEqualTo(ContainerInstanceStatus.INACTIVE);
    assertThat(s.runningCount()).isEqualTo(2);
    assertThat(s.tasks()).allSatisfy(t -> assertThat(t.containerInstance()).isSameAs(ci.get(1)));
  }

  @Test
  void aZoneOutageDisconnectsTheAgentAndPausesTasksWhichStayRunning() {
    EcsFixture f = new EcsFixture();
    List<ContainerInstance> ci = f.instances("m5.large", "a");
    f.taskDef("web", 256, 256);
    EcsService s =
        f.ecs.createService(ServiceSpec.builder(f.cluster, "web", "web").desiredCount(1).build());
    f.advance(Duration.ofMinutes(1));
    f.twin.faults().failZone("us-east-1a");
    assertThat(ci.get(0).agentConnected()).isFalse();
    assertThat(s.tasks())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.lastStatus()).isEqualTo(TaskStatus.RUNNING);
              assertThat(t.isPaused()).isTrue();
            });
    f.twin.faults().restoreZone("us-east-1a");
    assertThat(ci.get(0).agentConnected()).isTrue();
    assertThat(s.tasks().get(0).isPaused()).isFalse();
  }

  @Test
  void anEssentialContainerFailingItsHealthCheckStopsTheTaskWhichIsReplaced() {
    EcsFixture f = new EcsFixture();
    f.instances("m5.large", "a");
    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .container(
                ContainerDefinition.builder("app", "nginx")
                    .cpu(256)
                    .memory(256)
                    .healthCheck(HealthCheck.of("CMD-SHELL", "curl -f http://localhost/ || exit 1"))
                    .build())
            .build());
    EcsService s =
        f.ecs.createService(ServiceSpec.builder(f.cluster, "web", "web").desiredCount(1).build());
    f.advance(Duration.ofMinutes(1));
    Task t = s.tasks().get(0);
    assertThat(t.healthStatus()).isEqualTo(HealthStatus.HEALTHY);
    f.ecs.inProcessRuntime().failHealthChecks(t.taskId(), true);
    // RUNNING at 00:40, checks every 30 s: failures at 01:40, 02:10, 02:40 (3 retries)
    f.advance(Duration.ofSeconds(69));
    assertThat(t.desiredStatus()).isEqualTo(TaskStatus.RUNNING);
    f.advance(Duration.ofSeconds(2));
    assertThat(t.healthStatus()).isEqualTo(HealthStatus.UNHEALTHY);
    assertThat(t.stoppedReason()).isEqualTo("Task failed container health checks");
    assertThat(s.eventMessages())
        .containsSequence(
            "(service web) has stopped 1 running tasks: (task " + t.taskId() + ").",
            "(service web) (task " + t.taskId() + ") failed container health checks.");
    f.advance(Duration.ofMinutes(1));
    assertThat(s.runningCount()).isEqualTo(1);
    assertThat(s.tasks().get(0)).isNotSameAs(t);
  }

  @Test
  void aDaemonServiceRunsOneTaskOnEachActiveInstanceIncludingNewOnes() {
    EcsFixture f = new EcsFixture();
    f.instances("m5.large", "a", "b");
    f.taskDef("agent", 128, 128);
    EcsService d =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "agent", "agent")
                .schedulingStrategy(SchedulingStrategy.DAEMON)
                .build());
    f.advance(Duration.ofMinutes(1));
    assertThat(d.runningCount()).isEqualTo(2);
    assertThat(d.desiredCount()).isEqualTo(2);
    List<ContainerInstance> more = f.instances("m5.large", "c");
    f.advance(Duration.ofMinutes(1));
    assertThat(d.runningCount()).isEqualTo(3);
    assertThat(d.tasks()).anySatisfy(t -> assertThat(t.containerInstance()).isSameAs(more.get(0)));
    f.ecs.updateContainerInstancesState(
        f.cluster, more.get(0).containerInstanceId(), ContainerInstanceStatus.DRAINING);
    f.advance(Duration.ofMinutes(1));
    assertThat(d.runningCount()).isEqualTo(2);
    assertThat(d.desiredCount()).isEqualTo(2);
  }

  @Test
  void aFargateServiceSpreadsOverTheZonesAndAvoidsAnImpairedOne() {
    EcsFixture f = new EcsFixture();
    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .requiresCompatibilities(LaunchType.FARGATE)
            .networkMode(NetworkMode.AWSVPC)
            .cpu(256)
            .memory(512)
            .container(ContainerDefinition.builder("app", "nginx").build())
            .build());
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web")
                .launchType(LaunchType.FARGATE)
                .desiredCount(6)
                .build());
    f.advance(Duration.ofMinutes(1));
    assertThat(s.runningCount()).isEqualTo(6);
    assertThat(f.perZone(s)).containsValues(2, 2, 2);
    f.twin.faults().failZone("us-east-1c");
    f.ecs.updateService(ServiceUpdate.builder(f.cluster, "web").desiredCount(8).build());
    f.advance(Duration.ofMinutes(1));
    assertThat(f.perZone(s))
        .containsEntry("us-east-1a", 3)
        .containsEntry("us-east-1b", 3)
        .containsEntry("us-east-1c", 2);
  }

  @Test
  void withEveryZoneDownAFargateServicePlacesNothingUntilAZoneReturns() {
    EcsFixture f = new EcsFixture();
    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .requiresCompatibilities(LaunchType.FARGATE)
            .networkMode(NetworkMode.AWSVPC)
            .cpu(256)
            .memory(512)
            .container(ContainerDefinition.builder("app", "nginx").build())
            .build());
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web")
                .launchType(LaunchType.FARGATE)
                .desiredCount(0)
                .build());
    for (String zone : List.of("us-east-1a", "us-east-1b", "us-east-1c"))
      f.twin.faults().failZone(zone);
    f.ecs.updateService(ServiceUpdate.builder(f.cluster, "web").desiredCount(1).build());
    f.advance(Duration.ofMinutes(1));
    assertThat(s.tasks()).isEmpty();
    assertThat(f.twin.timeline().eventsOf("service/web"))
        .anySatisfy(e -> assertThat(e.message()).contains("was unable to place a task"));
    f.twin.faults().restoreZone("us-east-1b");
    f.advance(Duration.ofMinutes(3)); // the scheduler retries placement every minute
    assertThat(s.runningCount()).isEqualTo(1);
    assertThat(f.perZone(s)).containsOnlyKeys("us-east-1b");
  }

  @Test
  void drainingAnInstanceMovesItsServiceTasksWithinTheDeploymentLimits() {
    EcsFixture f = new EcsFixture();
    List<ContainerInstance> ci = f.instances("m5.large", "a", "b");
    f.taskDef("web", 256, 256);
    EcsService s =
        f.ecs.createService(ServiceSpec.builder(f.cluster, "web", "web").desiredCount(4).build());
    f.advance(Duration.ofMinutes(1));
    f.ecs.updateContainerInstancesState(
        f.cluster, ci.get(0).containerInstanceId(), ContainerInstanceStatus.DRAINING);
    f.advance(Duration.ofMinutes(2));
    assertThat(s.runningCount()).isEqualTo(4);
    assertThat(s.tasks()).allSatisfy(t -> assertThat(t.containerInstance()).isSameAs(ci.get(1)));
    assertThat(ci.get(0).tasks()).isEmpty();
  }

  @Test
  void serviceAndClusterMetricsFollowAwsFormulasAndTaskCpuAddsToTheInstance() {
    EcsFixture f = new EcsFixture();
    f.twin
        .ec2()
        .runInstance(
            InstanceSpec.builder()
                .instanceType("m5.large")
                .availabilityZone("us-east-1a")
                .detailedMonitoring(true)
                .build());
    f.advance(Duration.ofSeconds(30));
    ContainerInstance ci =
        f.ecs.registerContainerInstance(f.cluster, f.twin.ec2().instances().get(0).instanceId());
    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .cpu(512)
            .memory(1024)
            .container(ContainerDefinition.builder("app", "nginx").build())
            .build());
    f.ecs.createService(ServiceSpec.builder(f.cluster, "web", "web").desiredCount(2).build());
    f.ecs.inProcessRuntime().behavior("web", TaskBehavior.DEFAULT.withMemoryUsedPercent(40));
    f.advance(Duration.ofSeconds(30)); // tasks RUNNING from 00:01:10
    f.ecs
        .inProcessRuntime()
        .setRequestRate(f.cluster, "web", 614.4); // 307.2 units per task = 60 % of 512
    f.advance(Duration.ofMinutes(3));
    Instant m2 = f.twin.timeline().t0().plusSeconds(120);
    Instant m3 = m2.plusSeconds(60);
    MetricId cpu =
        MetricId.of("AWS/ECS", "CPUUtilization", "ClusterName", "prod", "ServiceName", "web");
    MetricId mem =
        MetricId.of("AWS/ECS", "MemoryUtilization", "ClusterName", "prod", "ServiceName", "web");
    assertThat(f.twin.cloudWatch().statistic(cpu, m2, m3, Statistic.AVERAGE).getAsDouble())
        .isCloseTo(60.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(f.twin.cloudWatch().statistic(mem, m2, m3, Statistic.AVERAGE).getAsDouble())
        .isCloseTo(40.0, org.assertj.core.data.Offset.offset(1e-9));
    MetricId cpuRes = MetricId.of("AWS/ECS", "CPUReservation", "ClusterName", "prod");
    MetricId memRes = MetricId.of("AWS/ECS", "MemoryReservation", "ClusterName", "prod");
    assertThat(f.twin.cloudWatch().statistic(cpuRes, m2, m3, Statistic.AVERAGE).getAsDouble())
        .isEqualTo(100.0 * 1024 / 2048);
    assertThat(f.twin.cloudWatch().statistic(memRes, m2, m3, Statistic.AVERAGE).getAsDouble())
        .isEqualTo(100.0 * 2048 / ci.registeredMemory());
    MetricId ec2Cpu = MetricId.of("AWS/EC2", "CPUUtilization", "InstanceId", ci.ec2InstanceId());
    assertThat(f.twin.cloudWatch().statistic(ec2Cpu, m2, m3, Statistic.AVERAGE).getAsDouble())
        .isCloseTo(100.0 * 614.4 / 2048, org.assertj.core.data.Offset.offset(1e-9));
  }
}
