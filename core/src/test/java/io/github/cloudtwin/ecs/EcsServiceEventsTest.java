package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Service events in the exact form {@code DescribeServices} returns them: {@code (service web)}
 * first, resources in parentheses, newest first, UUID ids, at most 100, steady state repeated about
 * every 6 hours (docs/fidelity.md, "AWS's words").
 */
class EcsServiceEventsTest {

  private static final String UUID =
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  private static EcsService steadyWeb(EcsFixture f, int desired) {
    f.instances("m5.xlarge", "a", "b");
    f.taskDef("web", 256, 256);
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web").desiredCount(desired).build());
    f.advance(Duration.ofMinutes(2));
    return s;
  }

  private static String taskList(List<Task> tasks) {
    List<String> parts = new ArrayList<>();
    for (Task t : tasks) parts.add("(task " + t.taskId() + ")");
    return String.join(" ", parts);
  }

  @Test
  void aNewServiceReportsTheTasksItStartedThenItsCompletedDeploymentThenSteadyStateNewestFirst() {
    EcsFixture f = new EcsFixture();
    EcsService s = steadyWeb(f, 2);
    List<Task> tasks = s.tasks();
    assertThat(s.eventMessages())
        .containsExactly(
            "(service web) has reached a steady state.",
            "(service web) (deployment " + s.primaryDeployment().id() + ") deployment completed.",
            "(service web) has started 2 tasks: " + taskList(tasks) + ".");
    assertThat(s.events()).allSatisfy(e -> assertThat(e.id()).matches(UUID));
    assertThat(s.events())
        .extracting(ServiceEvent::createdAt)
        .isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void eventIdsAreUniqueAndTheSameForTheSameSeed() {
    List<String> first = new ArrayList<>();
    for (ServiceEvent e : steadyWeb(new EcsFixture(7), 2).events()) first.add(e.id());
    List<String> second = new ArrayList<>();
    for (ServiceEvent e : steadyWeb(new EcsFixture(7), 2).events()) second.add(e.id());
    assertThat(first).hasSize(3).doesNotHaveDuplicates().isEqualTo(second);
  }

  @Test
  void scaleInReportsTheRunningTasksItStoppedInOneEvent() {
    EcsFixture f = new EcsFixture();
    EcsService s = steadyWeb(f, 3);
    List<Task> before = s.tasks();
    f.ecs.updateService(ServiceUpdate.builder(f.cluster, "web").desiredCount(1).build());
    f.advance(Duration.ofMinutes(1));
    List<Task> stopped = new ArrayList<>();
    for (Task t : before) if (t.lastStatus() == TaskStatus.STOPPED) stopped.add(t);
    assertThat(stopped).hasSize(2);
    List<String> messages = s.eventMessages();
    assertThat(messages.get(0)).isEqualTo("(service web) has reached a steady state.");
    // in the order the scheduler chose them
    assertThat(messages.get(1))
        .isIn(
            "(service web) has stopped 2 running tasks: " + taskList(stopped) + ".",
            "(service web) has stopped 2 running tasks: "
                + taskList(List.of(stopped.get(1), stopped.get(0)))
                + ".");
  }

  @Test
  void tasksBehindATargetGroupAreReportedAsRegisteredTargetsWithTheTargetGroupArn() {
    EcsFixture f = new EcsFixture();
    LoadBalancing elb = f.twin.loadBalancing();
    elb.createLoadBalancer(
        LoadBalancerSpec.application("web")
            .availabilityZones(List.of("us-east-1a", "us-east-1b"))
            .build());
    elb.createTargetGroup(
        TargetGroupSpec.builder("web-tg")
            .targetType(TargetType.IP)
            .deregistrationDelay(Duration.ofSeconds(30))
            .build());
    elb.createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    f.instances("m5.xlarge", "a", "b");
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
                .desiredCount(2)
                .loadBalancer("web-tg", "app", 80)
                .build());
    f.advance(Duration.ofMinutes(3));
    String arn =
        "arn:aws:elasticloadbalancing:us-east-1:123456789012:"
            + elb.targetGroup("web-tg").dimensionValue();
    assertThat(arn)
        .matches(
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/[0-9a-f]{16}");
    assertThat(s.eventMessages())
        .contains("(service web) registered 2 targets in (target-group " + arn + ")");

    f.ecs.updateService(ServiceUpdate.builder(f.cluster, "web").desiredCount(1).build());
    f.advance(Duration.ofMinutes(2));
    assertThat(s.eventMessages())
        .contains(
            "(service web) deregistered 1 targets in (target-group " + arn + ")",
            "(service web) has stopped 1 running tasks: "
                + taskList(s.tasks(TaskStatus.STOPPED))
                + ".");
  }

  @Test
  void aSteadyServiceRepeatsItsSteadyStateEventEverySixHours() {
    EcsFixture f = new EcsFixture();
    EcsService s = steadyWeb(f, 1);
    Instant firstSteady = s.events().get(0).createdAt();
    f.advance(Duration.ofHours(13));
    List<Instant> steady = new ArrayList<>();
    for (ServiceEvent e : s.events())
      if (e.message().equals("(service web) has reached a steady state."))
        steady.add(e.createdAt());
    // on the scheduler's first pass (once a minute) at least 6 hours after the previous one
    assertThat(steady).hasSize(3).endsWith(firstSteady);
    for (int i = 0; i < 2; i++) {
      assertThat(Duration.between(steady.get(i + 1), steady.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofHours(6))
          .isLessThan(Duration.ofHours(6).plus(Ecs.SCHEDULER_PERIOD));
    }
  }

  @Test
  void onlyTheHundredNewestEventsAreKept() {
    EcsFixture f = new EcsFixture();
    f.instances("m5.xlarge", "a");
    f.taskDef("web", 256, 256);
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web")
                .desiredCount(2)
                .placementConstraints(PlacementConstraint.distinctInstance())
                .build());
    f.advance(Duration.ofMinutes(150)); // "unable to place" once a minute
    List<ServiceEvent> events = s.events();
    assertThat(events).hasSize(100);
    assertThat(events.get(0).createdAt())
        .isEqualTo(f.twin.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
    assertThat(events.get(99).createdAt())
        .isAfter(s.tasks().get(0).createdAt().plus(Duration.ofMinutes(45)));
    assertThat(events)
        .extracting(ServiceEvent::createdAt)
        .isSortedAccordingTo(Comparator.reverseOrder());
  }

  /**
   * A service of one task whose container exits 3 s after it starts, before the task is RUNNING.
   */
  private static EcsService crashingWeb(EcsFixture f) {
    f.instances("m5.xlarge", "a", "b");
    f.taskDef("web", 256, 256);
    f.ecs
        .inProcessRuntime()
        .behavior("web:1", TaskBehavior.DEFAULT.withExit(Duration.ofSeconds(3), 1));
    return f.ecs.createService(
        ServiceSpec.builder(f.cluster, "web", "web").desiredCount(1).build());
  }

  @Test
  void tasksThatKeepFailingToStartThrottleTheServiceWhichSaysSoOnce() {
    EcsFixture f = new EcsFixture();
    EcsService s = crashingWeb(f);
    f.advance(Duration.ofMinutes(20));

    assertThat(s.eventMessages())
        .containsOnlyOnce("(service web) is unable to consistently start tasks successfully.");
    List<Instant> created = new ArrayList<>();
    for (Task t : s.tasks(TaskStatus.STOPPED)) created.add(t.createdAt());
    created.sort(Comparator.naturalOrder());
    // three quick attempts, then waits of at least 1, 2, 4 minutes between attempts
    assertThat(created.size()).isBetween(5, 8);
    assertThat(Duration.between(created.get(2), created.get(3)))
        .isGreaterThanOrEqualTo(Duration.ofMinutes(1));
    assertThat(Duration.between(created.get(3), created.get(4)))
        .isGreaterThanOrEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void aNewTaskDefinitionEndsTheThrottleAtOnce() {
    EcsFixture f = new EcsFixture();
    EcsService s = crashingWeb(f);
    f.advance(Duration.ofMinutes(10));
    assertThat(s.eventMessages())
        .contains("(service web) is unable to consistently start tasks successfully.");
    f.taskDef("web", 256, 256);
    f.ecs.updateService(ServiceUpdate.builder(f.cluster, "web").taskDefinition("web:2").build());
    f.advance(Duration.ofSeconds(1));
    assertThat(s.tasks())
        .extracting(t -> t.taskDefinition().familyRevision())
        .containsExactly("web:2");
  }
}
