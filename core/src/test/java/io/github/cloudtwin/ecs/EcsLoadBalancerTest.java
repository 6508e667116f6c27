package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.elb.RoutedResponse;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetHealthState;
import io.github.cloudtwin.elb.TargetType;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Services behind a load balancer: registration, health, grace period, replacement
 * (aws-behaviour.md 5.5).
 */
class EcsLoadBalancerTest {

  private static LoadBalancing alb(EcsFixture f, TargetType type) {
    LoadBalancing elb = f.twin.loadBalancing();
    elb.createLoadBalancer(
        LoadBalancerSpec.application("web")
            .availabilityZones(List.of("us-east-1a", "us-east-1b", "us-east-1c"))
            .build());
    elb.createTargetGroup(
        TargetGroupSpec.builder("web-tg")
            .targetType(type)
            .deregistrationDelay(Duration.ofSeconds(30))
            .build());
    elb.createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    return elb;
  }

  private static void awsvpcTaskDef(EcsFixture f) {
    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .networkMode(NetworkMode.AWSVPC)
            .cpu(256)
            .memory(512)
            .container(ContainerDefinition.builder("app", "nginx").portMapping(80).build())
            .build());
  }

  @Test
  void at50And100NewTasksStartOnlyAsTheOldOnesFinishDrainingAndStopping() {
    // DeploymentConfiguration (API reference) and "Amazon ECS rolling update deployments"
    // (deployment-type-ecs.html): maximumPercent is the upper limit on the service's tasks in the
    // RUNNING, STOPPING or PENDING state, as a percentage of the desired count rounded down (here
    // 4); minimumHealthyPercent is the lower limit, rounded up (here 2). Old tasks behind a target
    // group drain for its deregistration delay (30 s here) before they stop, and count until then.
    EcsFixture f = new EcsFixture();
    alb(f, TargetType.IP);
    f.instances("m5.xlarge", "a", "b", "c");
    awsvpcTaskDef(f);
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web:1")
                .desiredCount(4)
                .deploymentConfiguration(50, 100)
                .loadBalancer("web-tg", "app", 80)
                .build());
    f.advance(Duration.ofMinutes(3));
    assertThat(s.runningCount()).isEqualTo(4);
    awsvpcTaskDef(f); // web:2
    f.ecs.updateService(ServiceUpdate.builder(f.cluster, "web").taskDefinition("web:2").build());
    f.advance(Duration.ofSeconds(1));
    assertThat(s.tasks()).filteredOn(t -> t.desiredStatus() == TaskStatus.STOPPED).hasSize(2);
    assertThat(s.tasks()).filteredOn(t -> t.taskDefinition().revision() == 2).isEmpty();

    int most = 0;
    for (int sec = 0; sec < 600; sec++) {
      f.advance(Duration.ofSeconds(1));
      most = Math.max(most, s.tasks().size()); // every task not yet STOPPED
    }
    assertThat(most).isEqualTo(4);
    assertThat(s.tasks())
        .hasSize(4)
        .allSatisfy(t -> assertThat(t.taskDefinition().familyRevision()).isEqualTo("web:2"));
  }

  @Test
  void awsvpcTasksRegisterTheirIpsAndServeTraffic() {
    EcsFixture f = new EcsFixture();
    LoadBalancing elb = alb(f, TargetType.IP);
    f.instances("m5.xlarge", "a", "b", "c");
    awsvpcTaskDef(f);
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web")
                .desiredCount(3)
                .loadBalancer("web-tg", "app", 80)
                .build());
    f.advance(Duration.ofMinutes(3));
    Set<String> ips = new HashSet<>();
    for (Task t : s.tasks()) ips.add(t.privateIpv4Address());
    assertThat(ips).hasSize(3);
    assertThat(elb.targetGroup("web-tg").targetHealth().keySet())
        .containsExactlyInAnyOrderElementsOf(ips);
    assertThat(elb.targetGroup("web-tg").targetHealth().values())
        .allSatisfy(h -> assertThat(h.state()).isEqualTo(TargetHealthState.HEALTHY));
    Set<String> answered = new HashSet<>();
    for (int i = 0; i < 30; i++) answered.add(elb.send("web").targetId());
    assertThat(answered).isEqualTo(ips);
    assertThat(s.eventMessages()).first().isEqualTo("(service web) has reached a steady state.");
  }

  @Test
  void aTaskTheLoadBalancerMarksUnhealthyIsStoppedAndReplaced() {
    EcsFixture f = new EcsFixture();
    LoadBalancing elb = alb(f, TargetType.IP);
    f.instances("m5.xlarge", "a", "b", "c");
    awsvpcTaskDef(f);
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web")
                .desiredCount(3)
                .loadBalancer("web-tg", "app", 80)
                .build());
    f.advance(Duration.ofMinutes(3));
    Task sick = s.tasks().get(0);
    elb.target(sick.privateIpv4Address()).failHealthChecks();
    f.advance(Duration.ofMinutes(5));
    assertThat(sick.lastStatus()).isEqualTo(TaskStatus.STOPPED);
    assertThat(sick.stoppedReason())
        .isEqualTo(
            "Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:"
                + elb.targetGroup("web-tg").dimensionValue()
                + ")");
    assertThat(s.runningCount()).isEqualTo(3);
    assertThat(s.tasks()).doesNotContain(sick);
    // failHealthChecks answers health checks with 500
    assertThat(s.eventMessages())
        .contains(
            "(service web) (task "
                + sick.taskId()
                + ") (port 80) is unhealthy in (target-group arn:aws:elasticloadbalancing:us-east-1:"
                + "123456789012:"
                + elb.targetGroup("web-tg").dimensionValue()
                + ") due to (reason Health checks failed with these codes: [500])",
            "(service web) has stopped 1 running tasks: (task " + sick.taskId() + ").");
  }

  @Test
  void theGracePeriodSuppressesElbFailuresUntilItEnds() {
    EcsFixture f = new EcsFixture();
    LoadBalancing elb = alb(f, TargetType.IP);
    f.instances("m5.xlarge", "a", "b", "c");
    awsvpcTaskDef(f);
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web")
                .desiredCount(1)
                .loadBalancer("web-tg", "app", 80)
                .healthCheckGracePeriod(Duration.ofSeconds(300))
                .build());
    f.advance(Duration.ofSeconds(16)); // ENI 5 s + start 10 s: RUNNING at 15 s, registered
    Task t = s.tasks().get(0);
    assertThat(t.lastStatus()).isEqualTo(TaskStatus.RUNNING);
    elb.target(t.privateIpv4Address()).failHealthChecks();
    f.advance(Duration.ofSeconds(280)); // unhealthy by now, but within the grace period
    assertThat(elb.targetGroup("web-tg").health(t.privateIpv4Address()).state())
        .isEqualTo(TargetHealthState.UNHEALTHY);
    assertThat(t.desiredStatus()).isEqualTo(TaskStatus.RUNNING);
    f.advance(Duration.ofSeconds(30)); // grace ends at RUNNING + 300 s
    assertThat(t.desiredStatus()).isEqualTo(TaskStatus.STOPPED);
    assertThat(t.stoppingAt()).isEqualTo(t.startedAt().plusSeconds(300));
  }

  @Test
  void bridgeTasksRegisterTheirInstanceAndDrainBeforeStopping() {
    EcsFixture f = new EcsFixture();
    LoadBalancing elb = alb(f, TargetType.INSTANCE);
    List<ContainerInstance> ci = f.instances("m5.xlarge", "a", "b");
    f.taskDef("web", 256, 256);
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web")
                .desiredCount(2)
                .loadBalancer("web-tg", "app", 80)
                .build());
    f.advance(Duration.ofMinutes(3));
    assertThat(elb.targetGroup("web-tg").targetHealth().keySet())
        .containsExactlyInAnyOrder(ci.get(0).ec2InstanceId(), ci.get(1).ec2InstanceId());
    Task t = s.tasks().get(0);
    f.ecs.updateService(ServiceUpdate.builder(f.cluster, "web").desiredCount(1).build());
    f.advance(Duration.ofSeconds(1));
    Task stopping = t.desiredStatus() == TaskStatus.STOPPED ? t : s.tasks().get(1);
    assertThat(stopping.lastStatus()).isEqualTo(TaskStatus.DEACTIVATING);
    f.advance(Duration.ofSeconds(30)); // the target group's deregistration delay
    assertThat(stopping.lastStatus()).isEqualTo(TaskStatus.STOPPED);
  }

  @Test
  void zoneOutageReplacesTheZonesTasksInTheOtherZonesAndTheLoadBalancerStopsRoutingToThem() {
    EcsFixture f = new EcsFixture();
    LoadBalancing elb = alb(f, TargetType.IP);
    f.instances("m5.xlarge", "a", "b", "c");
    awsvpcTaskDef(f);
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web")
                .desiredCount(6)
                .loadBalancer("web-tg", "app", 80)
                .build());
    f.advance(Duration.ofMinutes(3));
    assertThat(f.perZone(s)).containsValues(2, 2, 2);
    List<String> lost =
        s.tasks().stream()
            .filter(t -> t.availabilityZone().equals("us-east-1a"))
            .map(Task::privateIpv4Address)
            .toList();

    f.twin.faults().failZone("us-east-1a");
    // the zone's targets fail their health checks (2 x 30 s); from then on nothing is routed to
    // them
    f.advance(Duration.ofSeconds(61));
    for (String ip : lost) {
      assertThat(elb.targetGroup("web-tg").health(ip).state())
          .isIn(TargetHealthState.UNHEALTHY, TargetHealthState.DRAINING, TargetHealthState.UNUSED);
    }
    for (int i = 0; i < 60; i++) {
      RoutedResponse r = elb.send("web");
      assertThat(r.targetZone()).isNotEqualTo("us-east-1a");
      assertThat(r.isSuccess()).isTrue();
    }
    f.advance(Duration.ofMinutes(5));
    assertThat(s.runningCount()).isEqualTo(6);
    assertThat(f.perZone(s)).containsOnlyKeys("us-east-1b", "us-east-1c").containsValues(3, 3);
    for (int i = 0; i < 60; i++) assertThat(lost).doesNotContain(elb.send("web").targetId());
  }

  @Test
  void aRollingDeploymentAt100And200NeverHasFewerThanDesiredHealthyTargets() {
    EcsFixture f = new EcsFixture();
    LoadBalancing elb = alb(f, TargetType.IP);
    f.instances("m5.xlarge", "a", "b", "c");
    awsvpcTaskDef(f);
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web:1")
                .desiredCount(4)
                .loadBalancer("web-tg", "app", 80)
                .build());
    f.advance(Duration.ofMinutes(3));
    awsvpcTaskDef(f); // web:2
    f.ecs.updateService(ServiceUpdate.builder(f.cluster, "web").taskDefinition("web:2").build());
    int minHealthy = Integer.MAX_VALUE;
    int maxTasks = 0;
    for (int sec = 0; sec < 600; sec++) {
      f.advance(Duration.ofSeconds(1));
      long healthy =
          elb.targetGroup("web-tg").targetHealth().values().stream()
              .filter(h -> h.state() == TargetHealthState.HEALTHY)
              .count();
      minHealthy = (int) Math.min(minHealthy, healthy);
      maxTasks = Math.max(maxTasks, s.tasks().size());
    }
    assertThat(minHealthy).isGreaterThanOrEqualTo(4);
    assertThat(maxTasks).isLessThanOrEqualTo(8);
    assertThat(s.tasks())
        .hasSize(4)
        .allSatisfy(t -> assertThat(t.taskDefinition().familyRevision()).isEqualTo("web:2"));
    assertThat(s.primaryDeployment().rolloutState()).isEqualTo(RolloutState.COMPLETED);
  }

  @Test
  void loadBalancerTrafficDrivesTaskCpuAndRequestCountPerTargetScaling() {
    EcsFixture f = new EcsFixture();
    LoadBalancing elb = alb(f, TargetType.IP);
    f.instances("m5.xlarge", "a", "b", "c");
    awsvpcTaskDef(f);
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web")
                .desiredCount(2)
                .loadBalancer("web-tg", "app", 80)
                .build());
    f.advance(Duration.ofMinutes(3));
    String label = "app/web/0123456789abcdef/" + elb.targetGroup("web-tg").dimensionValue();
    f.twin
        .applicationAutoScaling()
        .registerScalableTarget(
            io.github.cloudtwin.appautoscaling.ScalableTargetSpec.ecsService("prod", "web", 1, 10));
    f.twin
        .applicationAutoScaling()
        .putScalingPolicy(
            io.github.cloudtwin.appautoscaling.TargetTrackingPolicySpec.requestCountPerTarget(
                "rpt", "service/prod/web", label, 1000));
    f.twin
        .traffic()
        .apply(
            "web",
            io.github.cloudtwin.traffic.Workload.constant(50)); // 3000 a minute: 1500 per target
    f.advance(Duration.ofMinutes(5));
    assertThat(s.desiredCount()).isEqualTo(3); // ceil(2 x 1500 / 1000)
    f.advance(Duration.ofMinutes(2));
    java.time.Instant end = f.twin.now().minusSeconds(f.twin.now().getEpochSecond() % 60);
    io.github.cloudtwin.cloudwatch.MetricId cpu =
        io.github.cloudtwin.cloudwatch.MetricId.of(
            "AWS/ECS", "CPUUtilization", "ClusterName", "prod", "ServiceName", "web");
    // 50 rps over 3 tasks at 1 CPU unit-second per request, against 256 reserved units per task
    assertThat(
            f.twin
                .cloudWatch()
                .statistic(
                    cpu,
                    end.minusSeconds(60),
                    end,
                    io.github.cloudtwin.cloudwatch.Statistic.AVERAGE)
                .getAsDouble())
        .isCloseTo(100.0 * 50 / 3 / 256, org.assertj.core.data.Offset.offset(1e-6));
  }
}
