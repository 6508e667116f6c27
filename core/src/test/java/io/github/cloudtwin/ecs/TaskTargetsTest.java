package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.facts.EcsFact;
import io.github.cloudtwin.internal.TargetRegistration;
import io.github.cloudtwin.internal.kernel.Kernel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The load-balancer registration of tasks, alone: a fake target registration stands in for ELB. */
class TaskTargetsTest {

  private final Kernel kernel = new Kernel(Instant.parse("2026-01-01T00:00:00Z"), 7);
  private final TaskTargets targets = new TaskTargets(kernel, new ServiceEventLog(kernel));
  private final FakeRegistration elb = new FakeRegistration();

  /** Records calls; deregistration delays and unhealthy targets are set by the test. */
  private static final class FakeRegistration implements TargetRegistration {
    final List<String> calls = new ArrayList<>();
    final Map<String, Duration> delays = new HashMap<>();
    final Set<String> unhealthy = new HashSet<>();

    @Override
    public String targetType(String targetGroupName) {
      return "ip";
    }

    @Override
    public void register(
        String targetGroupName, String targetId, int port, String availabilityZone) {
      calls.add(
          "register " + targetGroupName + " " + targetId + ":" + port + " in " + availabilityZone);
    }

    @Override
    public void deregister(String targetGroupName, String targetId, int port) {
      calls.add("deregister " + targetGroupName + " " + targetId + ":" + port);
    }

    @Override
    public Duration deregistrationDelay(String targetGroupName) {
      return delays.getOrDefault(targetGroupName, Duration.ZERO);
    }

    @Override
    public boolean isHealthy(String targetGroupName, String targetId, int port) {
      return !unhealthy.contains(targetGroupName);
    }

    @Override
    public void setHealthListener(HealthListener listener) {}
  }

  /**
   * A RUNNING-to-be awsvpc task of service web, behind target groups tg-a and tg-b, at 10.0.0.4.
   */
  private Task taskBehindTwoTargetGroups() {
    TaskDefinition td =
        new TaskDefinition(
            TaskDefinitionSpec.builder("web")
                .networkMode(NetworkMode.AWSVPC)
                .container(
                    ContainerDefinition.builder("app", "nginx:1.27")
                        .cpu(256)
                        .memory(512)
                        .portMapping(80)
                        .build())
                .build(),
            1,
            kernel.arns());
    ServiceSpec spec =
        ServiceSpec.builder("prod", "web", "web")
            .loadBalancer("tg-a", "app", 80)
            .loadBalancer("tg-b", "app", 80)
            .build();
    EcsService s = new EcsService(spec, kernel.arns(), kernel.clock().now(), kernel.timeline());
    Task t =
        new Task(
            "t1",
            kernel.arns(),
            "prod",
            td,
            "service:web",
            LaunchType.EC2,
            s,
            null,
            null,
            kernel.clock().now(),
            kernel.timeline());
    t.placeOn(null, "us-east-1a", "10.0.0.4");
    return t;
  }

  @Test
  void aTaskRegistersInEveryTargetGroupOfItsServiceAndIsIndexedUnderEach() {
    targets.wire(elb);
    Task t = taskBehindTwoTargetGroups();
    kernel.run(() -> targets.register(t));

    assertThat(elb.calls)
        .containsExactly(
            "register tg-a 10.0.0.4:80 in us-east-1a", "register tg-b 10.0.0.4:80 in us-east-1a");
    assertThat(targets.tasksAt("tg-a", "10.0.0.4")).containsExactly(t);
    assertThat(targets.tasksAt("tg-b", "10.0.0.4")).containsExactly(t);
    assertThat(targets.tasksAt("tg-a", "10.0.0.5")).isNull();
    assertThat(kernel.timeline().events(EcsFact.TaskTargetRegistered.class))
        .extracting(e -> ((EcsFact.TaskTargetRegistered) e.fact()).targetGroupName())
        .containsExactly("tg-a", "tg-b");
  }

  @Test
  void withoutLoadBalancingWiredInATaskRegistersNowhere() {
    Task t = taskBehindTwoTargetGroups();
    kernel.run(() -> targets.register(t));

    assertThat(targets.wired()).isFalse();
    assertThat(t.registrations).isEmpty();
    assertThat(kernel.timeline().events(EcsFact.TaskTargetRegistered.class)).isEmpty();
  }

  @Test
  void aTaskCountsHealthyOnlyWhenEveryTargetGroupSaysSo() {
    targets.wire(elb);
    Task t = taskBehindTwoTargetGroups();
    kernel.run(() -> targets.register(t));

    elb.unhealthy.add("tg-b");
    assertThat(targets.healthyInAll(t)).isFalse();
    elb.unhealthy.clear();
    assertThat(targets.healthyInAll(t)).isTrue();
  }

  @Test
  void aStoppingTaskDrainsForTheLongestDeregistrationDelayOfItsTargetGroups() {
    targets.wire(elb);
    elb.delays.put("tg-a", Duration.ofSeconds(30));
    elb.delays.put("tg-b", Duration.ofSeconds(300));
    Task t = taskBehindTwoTargetGroups();
    kernel.run(() -> targets.register(t));
    elb.calls.clear();

    Duration drain = kernel.call(() -> targets.deregisterToDrain(t));

    assertThat(drain).isEqualTo(Duration.ofSeconds(300));
    assertThat(elb.calls)
        .containsExactly("deregister tg-a 10.0.0.4:80", "deregister tg-b 10.0.0.4:80");
    assertThat(targets.tasksAt("tg-a", "10.0.0.4")).isNull();
    assertThat(targets.tasksAt("tg-b", "10.0.0.4")).isNull();
  }

  @Test
  void aLostTaskIsDeregisteredOnceHoweverOftenItIsReportedLost() {
    targets.wire(elb);
    Task t = taskBehindTwoTargetGroups();
    kernel.run(() -> targets.register(t));
    elb.calls.clear();

    kernel.run(() -> targets.deregisterLost(t));
    kernel.run(() -> targets.deregisterLost(t));

    assertThat(elb.calls)
        .containsExactly("deregister tg-a 10.0.0.4:80", "deregister tg-b 10.0.0.4:80");
  }

  @Test
  void anotherTaskOnTheSameTargetStaysIndexedWhenOneIsForgotten() {
    targets.wire(elb);
    Task first = taskBehindTwoTargetGroups();
    Task second = taskBehindTwoTargetGroups();
    kernel.run(() -> targets.register(first));
    kernel.run(() -> targets.register(second));

    kernel.run(() -> targets.forget(first));

    assertThat(targets.tasksAt("tg-a", "10.0.0.4")).containsExactly(second);
  }
}
