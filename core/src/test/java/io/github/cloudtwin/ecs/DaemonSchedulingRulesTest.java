package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DAEMON scheduling strategy as AWS documents it (CreateService API reference, {@code
 * schedulingStrategy}; "Amazon ECS service deployment controllers and strategies",
 * developerguide/ecs_service-options.html, "Daemon scheduling strategy"): exactly one task on each
 * active container instance that meets all of the task placement constraints; the scheduler also
 * evaluates the constraints for running tasks and stops tasks that don't meet them.
 */
class DaemonSchedulingRulesTest {

  private final EcsFixture f = new EcsFixture(25);

  private EcsService daemon(PlacementConstraint... constraints) {
    return f.ecs.createService(
        ServiceSpec.builder(f.cluster, "agent", "agent")
            .schedulingStrategy(SchedulingStrategy.DAEMON)
            .placementConstraints(constraints)
            .build());
  }

  private static List<Task> live(EcsService s) {
    return s.tasks().stream().filter(t -> t.desiredStatus() == TaskStatus.RUNNING).toList();
  }

  @Test
  void aDaemonRunsOnlyOnInstancesMeetingItsConstraintAndStopsTheTaskOfAnInstanceThatNoLongerDoes() {
    List<ContainerInstance> cis = f.instances("m5.large", "a", "b", "c");
    f.ecs.putAttribute(f.cluster, cis.get(0).containerInstanceId(), "role", "agent");
    f.ecs.putAttribute(f.cluster, cis.get(2).containerInstanceId(), "role", "agent");
    f.taskDef("agent", 128, 128);
    EcsService d = daemon(PlacementConstraint.memberOf("attribute:role == agent"));
    f.advance(Duration.ofMinutes(1));
    assertThat(d.runningCount()).isEqualTo(2);
    assertThat(d.desiredCount()).isEqualTo(2);
    assertThat(live(d))
        .extracting(Task::containerInstance)
        .containsExactlyInAnyOrder(cis.get(0), cis.get(2));
    assertThat(d.eventMessages())
        .anyMatch(m -> m.startsWith("(service agent) has started 2 tasks"));

    // the constraint no longer holds on the third instance: its running task stops
    Task onThird =
        live(d).stream().filter(t -> t.containerInstance() == cis.get(2)).findFirst().orElseThrow();
    f.ecs.putAttribute(f.cluster, cis.get(2).containerInstanceId(), "role", "web");
    f.advance(Duration.ofMinutes(1));
    assertThat(onThird.lastStatus()).isEqualTo(TaskStatus.STOPPED);
    assertThat(live(d)).extracting(Task::containerInstance).containsExactly(cis.get(0));
    assertThat(d.desiredCount()).isEqualTo(1);
  }

  @Test
  void updatingADaemonReplacesTheTaskOnEachInstanceAndCompletesTheDeployment() {
    // daemon deployments default to minimumHealthyPercent 0 and maximumPercent 100
    // (DeploymentConfiguration): the old task on an instance stops as its new one starts
    List<ContainerInstance> cis = f.instances("m5.large", "a", "b");
    TaskDefinition v1 = f.taskDef("agent", 128, 128);
    EcsService d = daemon();
    f.advance(Duration.ofMinutes(1));
    List<Task> old = live(d);
    assertThat(old).hasSize(2).allMatch(t -> t.taskDefinition() == v1);

    TaskDefinition v2 = f.taskDef("agent", 128, 128);
    f.ecs.updateService(
        ServiceUpdate.builder(f.cluster, "agent").taskDefinition(v2.familyRevision()).build());
    f.advance(Duration.ofSeconds(1));
    Deployment primary = d.primaryDeployment();
    assertThat(primary.taskDefinition()).isSameAs(v2);
    assertThat(primary.desiredCount()).isEqualTo(2);
    assertThat(primary.pendingCount()).isEqualTo(2);
    f.advance(Duration.ofMinutes(2));
    assertThat(old).allMatch(t -> t.lastStatus() == TaskStatus.STOPPED);
    assertThat(live(d))
        .hasSize(2)
        .allMatch(t -> t.taskDefinition() == v2 && t.lastStatus() == TaskStatus.RUNNING)
        .extracting(Task::containerInstance)
        .containsExactlyInAnyOrderElementsOf(cis);
    assertThat(primary.runningCount()).isEqualTo(2);
    assertThat(primary.rolloutState()).isEqualTo(RolloutState.COMPLETED);
    assertThat(d.deployments()).containsExactly(primary);
    assertThat(d.eventMessages())
        .anyMatch(
            m ->
                m.equals(
                    "(service agent) (deployment " + primary.id() + ") deployment completed."));
  }

  @Test
  void anInstanceTooSmallForTheDaemonTaskIsReportedAsTheClosestMatchEachMinute() {
    // the service event of "Amazon ECS service event messages": unable to place a task because no
    // container instance met all of its requirements, naming the closest matching instance
    f.instances("m5.large", "a");
    ContainerInstance small = f.instances("t3.micro", "b").get(0);
    f.taskDef("agent", 128, 2048);
    EcsService d = daemon();
    f.advance(Duration.ofMinutes(3));
    assertThat(d.runningCount()).isEqualTo(1);
    assertThat(live(d)).noneMatch(t -> t.containerInstance() == small);
    assertThat(d.eventMessages())
        .anyMatch(
            m ->
                m.startsWith(
                    "(service agent) was unable to place a task because no container instance met"
                        + " all of its requirements. The closest matching (container-instance "
                        + small.containerInstanceId()
                        + ") has insufficient memory available."));
  }
}
