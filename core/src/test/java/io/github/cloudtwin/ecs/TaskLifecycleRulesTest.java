package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetHealth;
import io.github.cloudtwin.elb.TargetHealthState;
import io.github.cloudtwin.elb.TargetType;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The task lifecycle's rules at their edges, each from the AWS page named on the test. */
class TaskLifecycleRulesTest {

  private static Task runOne(EcsFixture f, String family) {
    Task t = f.ecs.runTask(f.cluster, family, 1, LaunchType.EC2).tasks().get(0);
    f.twin.advanceUntil(() -> t.lastStatus() == TaskStatus.RUNNING, Duration.ofMinutes(2));
    assertThat(t.lastStatus()).isEqualTo(TaskStatus.RUNNING);
    return t;
  }

  @Test
  void aStoppedTaskGivesItsCpuMemoryAndHostPortBackToItsInstance() {
    // DescribeContainerInstances, remainingResources: "the remaining CPU and memory that wasn't
    // already allocated to tasks and is therefore available for new tasks"; PORTS: the host ports
    // reserved by running tasks
    EcsFixture f = new EcsFixture();
    ContainerInstance ci = f.instances("m5.large", "a").get(0);
    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .container(
                ContainerDefinition.builder("app", "nginx")
                    .cpu(512)
                    .memory(1024)
                    .portMapping(80, 8080)
                    .build())
            .build());
    Task t = runOne(f, "web");
    assertThat(ci.remainingCpu()).isEqualTo(ci.registeredCpu() - 512);
    assertThat(ci.remainingMemory()).isEqualTo(ci.registeredMemory() - 1024);
    assertThat(ci.portsInUse()).containsExactly(8080);
    f.ecs.stopTask(f.cluster, t.taskId(), null);
    f.twin.advanceUntil(() -> t.lastStatus() == TaskStatus.STOPPED, Duration.ofMinutes(2));
    assertThat(ci.remainingCpu()).isEqualTo(ci.registeredCpu());
    assertThat(ci.remainingMemory()).isEqualTo(ci.registeredMemory());
    assertThat(ci.portsInUse()).isEmpty();
    Task next = runOne(f, "web"); // the same fixed host port is free again
    assertThat(next.hostPort("app", 80)).isEqualTo(8080);
  }

  @Test
  void aTasksStatesAreCausedByItsPlacementAndItsStopRequest() {
    // the twin's timeline names each event's cause (Timeline.causeChain, docs/concepts.md): the
    // task's first transition follows its placement, its stop's transitions follow the request
    EcsFixture f = new EcsFixture();
    f.instances("m5.large", "a");
    f.taskDef("web", 256, 256);
    Task t = runOne(f, "web");
    f.ecs.stopTask(f.cluster, t.taskId(), null);
    f.twin.advanceUntil(() -> t.lastStatus() == TaskStatus.STOPPED, Duration.ofMinutes(2));
    List<TimelineEvent> events = f.twin.timeline().eventsOf("task/" + t.taskId());
    long placed = event(events, "placed web:1 on ").id();
    long stop = events.stream().filter(e -> e.kind().equals("stop")).findFirst().orElseThrow().id();
    assertThat(event(events, "PROVISIONING -> PENDING").causeId()).isEqualTo(placed);
    assertThat(event(events, "RUNNING -> DEACTIVATING").causeId()).isEqualTo(stop);
  }

  private static TimelineEvent event(List<TimelineEvent> events, String messageStart) {
    return events.stream()
        .filter(e -> e.message().startsWith(messageStart))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no event " + messageStart + " in " + events));
  }

  @Test
  void aTaskOnATerminatedHostStopsAtOnceWithOneStopRequestAndLeavesItsTargetGroup() {
    // "Amazon ECS stopped task error messages": "Host EC2 (instance i-...) stopped/terminated";
    // the task's host is gone, so nothing drains: its IP target is deregistered at once
    // (RegisterTargets / DeregisterTargets: an awsvpc task is an ip target)
    EcsFixture f = new EcsFixture();
    LoadBalancing elb = f.twin.loadBalancing();
    elb.createLoadBalancer(
        LoadBalancerSpec.application("web").availabilityZones("us-east-1a", "us-east-1b").build());
    elb.createTargetGroup(
        TargetGroupSpec.builder("web-tg")
            .targetType(TargetType.IP)
            .deregistrationDelay(Duration.ofSeconds(30))
            .build());
    elb.createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    List<ContainerInstance> ci = f.instances("m5.large", "a");
    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .networkMode(NetworkMode.AWSVPC)
            .cpu(256)
            .memory(512)
            .container(ContainerDefinition.builder("app", "nginx").portMapping(80).build())
            .build());
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web")
                .desiredCount(1)
                .loadBalancer("web-tg", "app", 80)
                .build());
    f.advance(Duration.ofMinutes(2));
    Task t = s.tasks().get(0);
    String ip = t.privateIpv4Address();
    assertThat(elb.targetHealth("web-tg", ip).state()).isEqualTo(TargetHealthState.HEALTHY);

    f.twin.ec2().terminateInstance(ci.get(0).ec2InstanceId());
    f.twin.advanceUntil(() -> t.lastStatus() == TaskStatus.STOPPED, Duration.ofMinutes(2));
    assertThat(t.desiredStatus()).isEqualTo(TaskStatus.STOPPED);
    assertThat(t.stoppingAt()).as("stopped at once: no draining").isEqualTo(t.stoppedAt());
    assertThat(t.stoppedReason())
        .isEqualTo("Host EC2 (instance " + ci.get(0).ec2InstanceId() + ") stopped/terminated");
    assertThat(f.twin.timeline().eventsOf("task/" + t.taskId()))
        .filteredOn(e -> e.kind().equals("stop"))
        .hasSize(1);
    assertThat(elb.targetHealth("web-tg", ip))
        .as("the lost task's target leaves its group at once, without draining")
        .isEqualTo(
            new TargetHealth(
                TargetHealthState.UNUSED,
                "Target.NotRegistered",
                "Target is not registered to the target group"));
  }

  @Test
  void aTaskWithAContainerHealthCheckCountsHealthyOnlyOnceItsCheckPassed() {
    // "Amazon ECS rolling update deployments": with a container health check, the scheduler waits
    // for the task to reach a healthy status before it counts toward minimumHealthyPercent;
    // HealthCheck (API reference): UNKNOWN while the check is being evaluated
    EcsFixture f = new EcsFixture();
    f.instances("m5.large", "a");
    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .container(
                ContainerDefinition.builder("app", "nginx")
                    .cpu(256)
                    .memory(256)
                    .healthCheck(
                        HealthCheck.of("CMD", "check").withInterval(Duration.ofSeconds(60)))
                    .build())
            .build());
    EcsService s =
        f.ecs.createService(ServiceSpec.builder(f.cluster, "web", "web").desiredCount(1).build());
    f.twin.advanceUntil(
        () -> !s.tasks().isEmpty() && s.tasks().get(0).lastStatus() == TaskStatus.RUNNING,
        Duration.ofMinutes(2));
    Task t = s.tasks().get(0);
    Instant firstCheck = t.startedAt().plusSeconds(60);
    f.twin.advanceTo(firstCheck.minusMillis(1)); // past the 40 s that count without a check
    assertThat(t.healthStatus()).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(f.ecs.countsAsHealthy(t)).isFalse();
    f.twin.advanceTo(firstCheck);
    assertThat(t.healthStatus()).isEqualTo(HealthStatus.HEALTHY);
    assertThat(f.ecs.countsAsHealthy(t)).isTrue();
  }

  /** A service behind an instance target group whose container has a check every 10 s. */
  private static EcsService serviceWithGracePeriod(EcsFixture f, Duration grace) {
    LoadBalancing elb = f.twin.loadBalancing();
    elb.createLoadBalancer(
        LoadBalancerSpec.application("web").availabilityZones("us-east-1a", "us-east-1b").build());
    elb.createTargetGroup(TargetGroupSpec.builder("web-tg").build());
    elb.createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    f.instances("m5.large", "a");
    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .container(
                ContainerDefinition.builder("app", "nginx")
                    .cpu(256)
                    .memory(256)
                    .portMapping(80)
                    .healthCheck(
                        HealthCheck.of("CMD", "check")
                            .withInterval(Duration.ofSeconds(10))
                            .withRetries(1))
                    .build())
            .build());
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web")
                .desiredCount(1)
                .loadBalancer("web-tg", "app", 80)
                .healthCheckGracePeriod(grace)
                .build());
    f.twin.advanceUntil(
        () -> !s.tasks().isEmpty() && s.tasks().get(0).lastStatus() == TaskStatus.RUNNING,
        Duration.ofMinutes(2));
    return s;
  }

  @Test
  void aContainerUnhealthyDuringTheGracePeriodIsStoppedWhenTheGracePeriodEnds() {
    // CreateService, healthCheckGracePeriodSeconds: "the period of time ... that the Amazon ECS
    // service scheduler ignores unhealthy Elastic Load Balancing ... and container health checks
    // after a task has first started"
    EcsFixture f = new EcsFixture();
    EcsService s = serviceWithGracePeriod(f, Duration.ofSeconds(60));
    Task t = s.tasks().get(0);
    f.ecs.inProcessRuntime().failHealthChecks(t.taskId(), true);
    f.twin.advanceTo(t.startedAt().plusSeconds(10));
    assertThat(t.healthStatus()).isEqualTo(HealthStatus.UNHEALTHY);
    f.twin.advanceTo(t.startedAt().plusSeconds(60).minusMillis(1));
    assertThat(t.desiredStatus())
        .as("ignored within the grace period")
        .isEqualTo(TaskStatus.RUNNING);
    f.twin.advanceTo(t.startedAt().plusSeconds(60));
    assertThat(t.desiredStatus()).isEqualTo(TaskStatus.STOPPED);
    assertThat(t.stoppedReason()).isEqualTo("Task failed container health checks");
  }

  @Test
  void afterTheGracePeriodAFailedContainerCheckStopsTheTaskAtOnce() {
    // same page: the grace period covers only the time after the task first started
    EcsFixture f = new EcsFixture();
    EcsService s = serviceWithGracePeriod(f, Duration.ofSeconds(30));
    Task t = s.tasks().get(0);
    f.twin.advanceTo(t.startedAt().plusSeconds(45));
    assertThat(t.healthStatus()).isEqualTo(HealthStatus.HEALTHY);
    f.ecs.inProcessRuntime().failHealthChecks(t.taskId(), true);
    f.twin.advanceTo(t.startedAt().plusSeconds(50)); // the next check, retries 1
    assertThat(t.healthStatus()).isEqualTo(HealthStatus.UNHEALTHY);
    assertThat(t.desiredStatus()).isEqualTo(TaskStatus.STOPPED);
    assertThat(t.stoppedReason()).isEqualTo("Task failed container health checks");
  }

  @Test
  void standaloneFargateTasksSpreadOverTheZonesTheFirstZoneTakingATie() {
    // "Amazon ECS task placement for Fargate": "tasks are spread across Availability Zones"; on a
    // tie the twin takes the zones in their order (its documented choice)
    EcsFixture f = new EcsFixture();
    fargateTaskDef(f);
    Task first = f.ecs.runTask(f.cluster, "fg", 1, LaunchType.FARGATE).tasks().get(0);
    assertThat(first.availabilityZone()).isEqualTo("us-east-1a");
    List<Task> more = f.ecs.runTask(f.cluster, "fg", 5, LaunchType.FARGATE).tasks();
    assertThat(more)
        .extracting(Task::availabilityZone)
        .containsExactly("us-east-1b", "us-east-1c", "us-east-1a", "us-east-1b", "us-east-1c");
  }

  @Test
  void withEveryZoneDownRunTaskOnFargateStartsNothingAndNamesTheFailure() {
    // RunTask: tasks that cannot be placed are returned as failures, not started
    EcsFixture f = new EcsFixture();
    fargateTaskDef(f);
    for (String z : List.of("a", "b", "c")) f.twin.faults().failZone("us-east-1" + z);
    RunTaskResult r = f.ecs.runTask(f.cluster, "fg", 2, LaunchType.FARGATE);
    assertThat(r.tasks()).isEmpty();
    assertThat(r.failures()).containsExactly("AvailabilityZone", "AvailabilityZone");
  }

  @Test
  void awsvpcTaskAddressesAreUniqueInTheirZonesSubnetAndNeverAReservedOne() {
    // docs/ecs.md: a private IP per zone (10.0.x.y); "Subnet CIDR blocks" (Amazon VPC user
    // guide): the first four addresses and the last one of each subnet are reserved by AWS. The
    // twin's zones a, b, c have the /18 subnets 10.0.0.0, 10.0.64.0 and 10.0.128.0.
    EcsFixture f = new EcsFixture();
    fargateTaskDef(f);
    List<Task> tasks = new java.util.ArrayList<>();
    for (int i = 0; i < 26; i++) {
      tasks.addAll(f.ecs.runTask(f.cluster, "fg", 10, LaunchType.FARGATE).tasks());
    }
    assertThat(tasks).hasSize(260);
    Set<String> seen = new HashSet<>();
    boolean beyondFirst256 = false;
    for (Task t : tasks) {
      String ip = t.privateIpv4Address();
      assertThat(seen.add(ip)).as("unique: %s", ip).isTrue();
      String[] o = ip.split("\\.");
      assertThat(o[0] + "." + o[1]).isEqualTo("10.0");
      int third = Integer.parseInt(o[2]);
      int fourth = Integer.parseInt(o[3]);
      int zone = "abc".indexOf(t.availabilityZone().charAt(t.availabilityZone().length() - 1));
      assertThat(third / 64).as("%s in the subnet of %s", ip, t.availabilityZone()).isEqualTo(zone);
      assertThat(fourth).as(ip).isBetween(0, 255);
      boolean reserved = (third % 64 == 0 && fourth < 4) || (third % 64 == 63 && fourth == 255);
      assertThat(reserved).as("%s is reserved", ip).isFalse();
      beyondFirst256 |= third % 64 > 0;
    }
    assertThat(beyondFirst256).as("some address beyond the first 256 of its subnet").isTrue();
  }

  private static void fargateTaskDef(EcsFixture f) {
    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("fg")
            .networkMode(NetworkMode.AWSVPC)
            .requiresCompatibilities(LaunchType.FARGATE)
            .cpu(256)
            .memory(512)
            .container(ContainerDefinition.builder("app", "nginx").build())
            .build());
  }
}
