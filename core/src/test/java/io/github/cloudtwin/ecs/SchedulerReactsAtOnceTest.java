package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetHealthState;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The service scheduler acts the instant a task's health changes, not at its next periodic pass
 * (docs/ecs.md, "Fake choices": "The service scheduler runs at once after every relevant change").
 * What it waits for is AWS's ("Amazon ECS rolling update deployments"): the task healthy in its
 * target group behind a load balancer, HEALTHY with a container health check; and a stopped service
 * task is replaced ("Amazon ECS services": the scheduler "launches another instance of the task
 * definition to replace it").
 */
class SchedulerReactsAtOnceTest {

  private final EcsFixture f = new EcsFixture();

  private Instant completedAt(EcsService s) {
    return f.twin.timeline().eventsOf("service/" + s.serviceName()).stream()
        .filter(e -> e.message().endsWith("deployment completed."))
        .map(TimelineEvent::time)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no deployment completed: " + f.twin.timeline()));
  }

  private Task firstRunning(EcsService s) {
    f.twin.advanceUntil(
        () -> !s.tasks().isEmpty() && s.tasks().get(0).lastStatus() == TaskStatus.RUNNING,
        Duration.ofMinutes(2));
    return s.tasks().get(0);
  }

  @Test
  void withoutChecksTheDeploymentCompletesFortySecondsAfterItsTaskRuns() {
    f.instances("m5.large", "a");
    f.taskDef("web", 256, 256);
    EcsService s =
        f.ecs.createService(ServiceSpec.builder(f.cluster, "web", "web").desiredCount(1).build());
    Task t = firstRunning(s);
    f.advance(Duration.ofMinutes(3));
    assertThat(completedAt(s)).isEqualTo(t.startedAt().plus(Ecs.HEALTHY_AFTER));
  }

  @Test
  void withAContainerHealthCheckTheDeploymentCompletesWhenTheTaskTurnsHealthy() {
    f.instances("m5.large", "a");
    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .container(
                ContainerDefinition.builder("app", "nginx")
                    .cpu(256)
                    .memory(256)
                    .healthCheck(
                        HealthCheck.of("CMD", "check").withInterval(Duration.ofSeconds(15)))
                    .build())
            .build());
    EcsService s =
        f.ecs.createService(ServiceSpec.builder(f.cluster, "web", "web").desiredCount(1).build());
    Task t = firstRunning(s);
    f.advance(Duration.ofMinutes(3));
    assertThat(t.healthStatus()).isEqualTo(HealthStatus.HEALTHY);
    assertThat(completedAt(s))
        .as("the first check passes 15 s after RUNNING")
        .isEqualTo(t.startedAt().plusSeconds(15));
  }

  private LoadBalancing alb(Duration deregistrationDelay) {
    LoadBalancing elb = f.twin.loadBalancing();
    elb.createLoadBalancer(
        LoadBalancerSpec.application("web").availabilityZones("us-east-1a", "us-east-1b").build());
    elb.createTargetGroup(
        TargetGroupSpec.builder("web-tg").deregistrationDelay(deregistrationDelay).build());
    elb.createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    return elb;
  }

  @Test
  void behindALoadBalancerTheDeploymentCompletesWhenTheTargetTurnsHealthy() {
    LoadBalancing elb = alb(Duration.ofSeconds(30));
    f.instances("m5.large", "a");
    f.taskDef("web", 256, 256);
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web")
                .desiredCount(1)
                .loadBalancer("web-tg", "app", 80)
                .build());
    Task t = firstRunning(s);
    String target = t.ec2InstanceId();
    f.twin.advanceUntil(
        () -> elb.targetHealth("web-tg", target).state() == TargetHealthState.HEALTHY,
        Duration.ofMinutes(2));
    Instant healthy = f.twin.now();
    assertThat(healthy)
        .as("before the 40 s rule would count it")
        .isBefore(t.startedAt().plusSeconds(40));
    f.advance(Duration.ofMinutes(2));
    assertThat(completedAt(s)).isEqualTo(healthy);
  }

  @Test
  void aStoppedServiceTaskIsReplacedAtOnceWhileItDrains() {
    alb(Duration.ofSeconds(60));
    f.instances("m5.large", "a");
    f.taskDef("web", 256, 256);
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web")
                .desiredCount(1)
                .loadBalancer("web-tg", "app", 80)
                .build());
    Task old = firstRunning(s);
    f.advance(Duration.ofMinutes(2));
    f.ecs.stopTask(f.cluster, old.taskId(), "replace me");
    f.advance(Duration.ofMillis(1)); // the scheduler's pass at this instant
    assertThat(old.lastStatus()).isEqualTo(TaskStatus.DEACTIVATING);
    assertThat(s.tasks())
        .as("a replacement placed the instant the old task starts draining (maximumPercent 200)")
        .filteredOn(t -> t != old && t.desiredStatus() == TaskStatus.RUNNING)
        .hasSize(1);
  }
}
