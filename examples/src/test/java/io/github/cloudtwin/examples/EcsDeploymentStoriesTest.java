package io.github.cloudtwin.examples;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.ecs.CapacityProviderSpec;
import io.github.cloudtwin.ecs.CapacityProviderStrategyItem;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.Deployment;
import io.github.cloudtwin.ecs.DeploymentConfiguration;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.RolloutState;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.ServiceUpdate;
import io.github.cloudtwin.ecs.TaskBehavior;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.ecs.TaskStatus;
import io.github.cloudtwin.junit.CloudTwinSetup;
import io.github.cloudtwin.junit.CloudTwinTest;
import io.github.cloudtwin.junit.FromTwin;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stories 12 and 13: deployments on an ECS cluster backed by an Auto Scaling group. Three m5.large
 * container instances (2048 CPU units each) hold six 1024-unit tasks: the cluster is full. Managed
 * scaling grows the group when tasks wait for room and, with managed termination protection,
 * shrinks it only by instances that run no task.
 */
@CloudTwinTest
class EcsDeploymentStoriesTest {

  @CloudTwinSetup
  void fullCluster(CloudTwin twin) {
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("ecs-hosts")
                .instanceType("m5.large")
                .minSize(3)
                .maxSize(6)
                .desiredCapacity(3)
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .newInstancesProtectedFromScaleIn(true)
                .build());
    twin.ecs().createCluster("prod");
    // managed termination protection: scale-in only ever takes instances that run no task
    twin.ecs()
        .createCapacityProvider(
            CapacityProviderSpec.of("hosts", "ecs-hosts").withManagedTerminationProtection(true));
    twin.ecs()
        .putClusterCapacityProviders(
            "prod", List.of("hosts"), List.of(CapacityProviderStrategyItem.of("hosts", 1)));
    twin.ecs()
        .registerTaskDefinition(
            TaskDefinitionSpec.builder("web")
                .cpu(1024)
                .memory(1024)
                .container(ContainerDefinition.builder("app", "web:1.0").portMapping(8080).build())
                .build());
  }

  /**
   * Story 12, a rolling deployment that needs room. In production: a deploy on a full cluster
   * hangs, because the new tasks have nowhere to go. With minimumHealthyPercent 100 and
   * maximumPercent 200 ECS may not stop an old task before a new one is healthy, so the new tasks
   * wait in PROVISIONING, CapacityProviderReservation rises above 100 % and managed scaling grows
   * the group; healthy tasks never drop below desired.
   */
  @Test
  void managedScalingMakesRoomAndHealthyTasksNeverDropBelowDesired(
      CloudTwin twin, @FromTwin("ecs-hosts") AutoScalingGroup hosts) {
    EcsService web =
        twin.ecs()
            .createService(
                ServiceSpec.builder("prod", "web", "web:1")
                    .desiredCount(6)
                    .deploymentConfiguration(DeploymentConfiguration.of(100, 200))
                    .build());
    twin.advance(ofMinutes(3));
    assertThat(web.runningCount()).isEqualTo(6);
    int[] fewestRunning = {Integer.MAX_VALUE};
    int[] mostInstances = {0};
    twin.timeline()
        .addListener(
            e -> {
              fewestRunning[0] = Math.min(fewestRunning[0], web.tasks(TaskStatus.RUNNING).size());
              mostInstances[0] = Math.max(mostInstances[0], hosts.desiredCapacity());
            });

    // tag::rolling-deployment[]
    twin.ecs()
        .registerTaskDefinition(
            TaskDefinitionSpec.builder("web")
                .cpu(1024)
                .memory(1024)
                .container(ContainerDefinition.builder("app", "web:1.1").portMapping(8080).build())
                .build());
    twin.ecs().updateService(ServiceUpdate.builder("prod", "web").taskDefinition("web:2").build());
    twin.advance(ofMinutes(15));
    // end::rolling-deployment[]

    assertThat(web.primaryDeployment().rolloutState()).isEqualTo(RolloutState.COMPLETED);
    assertThat(web.tasks(TaskStatus.RUNNING))
        .hasSize(6)
        .allSatisfy(t -> assertThat(t.taskDefinition().familyRevision()).isEqualTo("web:2"));
    assertThat(fewestRunning[0])
        .as("running tasks during the deployment")
        .isGreaterThanOrEqualTo(6);
    assertThat(mostInstances[0]).as("the group grew for the new tasks").isEqualTo(6);
    // 15 minutes below 100 % reservation later, the emptied instances go again
    twin.advance(ofMinutes(30));
    assertThat(hosts.desiredCapacity()).isEqualTo(3);
    assertThat(web.tasks(TaskStatus.RUNNING)).hasSize(6);
  }

  /**
   * Story 13, a crashing image rolls back. In production: version 1.1 exits three seconds after
   * start (a missing environment variable). With the deployment circuit breaker (enable, rollback)
   * ECS counts tasks that fail to start; at the threshold, max(3, ceil(0.5 x 6)) = 3, the
   * deployment FAILS and ECS rolls back to the last completed one; the old tasks keep serving.
   */
  @Test
  void theCircuitBreakerRollsBackAfterThreeFailedTasks(CloudTwin twin) {
    EcsService web =
        twin.ecs()
            .createService(
                ServiceSpec.builder("prod", "web", "web:1")
                    .desiredCount(6)
                    .deploymentConfiguration(
                        DeploymentConfiguration.of(100, 200).withCircuitBreaker(true, true))
                    .build());
    twin.advance(ofMinutes(3));
    Deployment good = web.primaryDeployment();

    // tag::circuit-breaker[]
    twin.ecs()
        .registerTaskDefinition(
            TaskDefinitionSpec.builder("web")
                .cpu(1024)
                .memory(1024)
                .container(ContainerDefinition.builder("app", "web:1.1").portMapping(8080).build())
                .build());
    twin.ecs().inProcessRuntime().behavior("web:2", TaskBehavior.DEFAULT.withExit(ofSeconds(3), 1));
    twin.ecs().updateService(ServiceUpdate.builder("prod", "web").taskDefinition("web:2").build());
    Deployment bad = web.primaryDeployment();
    twin.advance(ofMinutes(20));
    // end::circuit-breaker[]

    assertThat(bad.rolloutState()).isEqualTo(RolloutState.FAILED);
    assertThat(bad.failedTasks()).isEqualTo(3);
    assertThat(web.eventMessages())
        .contains(
            "(service web) rolling back to deployment " + good.id() + ".",
            "(service web) (deployment "
                + bad.id()
                + ") deployment failed: tasks failed to start.");
    assertThat(web.primaryDeployment()).isSameAs(good);
    assertThat(web.tasks(TaskStatus.RUNNING))
        .hasSize(6)
        .allSatisfy(t -> assertThat(t.taskDefinition().familyRevision()).isEqualTo("web:1"))
        .allSatisfy(t -> assertThat(t.startedAt()).isBefore(bad.createdAt()));
  }
}
