package io.github.cloudtwin.examples;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.appautoscaling.PredefinedMetricType;
import io.github.cloudtwin.appautoscaling.ScalableTargetSpec;
import io.github.cloudtwin.appautoscaling.TargetTrackingPolicySpec;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.ecs.CapacityProviderSpec;
import io.github.cloudtwin.ecs.CapacityProviderStrategyItem;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.junit.CloudTwinSetup;
import io.github.cloudtwin.junit.CloudTwinTest;
import io.github.cloudtwin.junit.FromTwin;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Story 14, two layers of scaling. In production: the evening peak doubles the service's tasks but
 * the cluster has no room for them; at night the cluster stays big for hours. Service auto scaling
 * (target tracking on the service's average CPU at 50 %) changes the task count; ECS managed
 * scaling (CapacityProviderReservation at 100 %) changes the instance count underneath. At night
 * both scale in: tasks first (15 one-minute datapoints below 45 %), then instances after 15 more
 * minutes of empty capacity.
 */
@CloudTwinTest
class TwoLayersOfScalingTest {

  @CloudTwinSetup
  void serviceOnACluster(CloudTwin twin) {
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("ecs-hosts")
                .instanceType("m5.large")
                .minSize(1)
                .maxSize(10)
                .desiredCapacity(2)
                .availabilityZones("us-east-1a", "us-east-1b")
                .newInstancesProtectedFromScaleIn(true)
                .build());
    twin.ecs().createCluster("prod");
    twin.ecs()
        .createCapacityProvider(
            CapacityProviderSpec.of("hosts", "ecs-hosts").withManagedTerminationProtection(true));
    twin.ecs()
        .putClusterCapacityProviders(
            "prod", List.of("hosts"), List.of(CapacityProviderStrategyItem.of("hosts", 1)));
    twin.ecs()
        .registerTaskDefinition(
            TaskDefinitionSpec.builder("api")
                .cpu(1024)
                .memory(1024)
                .container(ContainerDefinition.builder("app", "api:3").portMapping(8080).build())
                .build());
    twin.ecs().createService(ServiceSpec.builder("prod", "api", "api").desiredCount(4).build());
    // tag::service-auto-scaling[]
    twin.applicationAutoScaling()
        .registerScalableTarget(ScalableTargetSpec.ecsService("prod", "api", 2, 16));
    twin.applicationAutoScaling()
        .putScalingPolicy(
            TargetTrackingPolicySpec.predefined(
                "cpu50",
                "service/prod/api",
                PredefinedMetricType.ECSServiceAverageCPUUtilization,
                50));
    // end::service-auto-scaling[]
  }

  @Test
  void tasksScaleOutAndInstancesFollowAtNightTasksGoFirstThenInstances(
      CloudTwin twin, @FromTwin("ecs-hosts") AutoScalingGroup hosts) {
    EcsService api = twin.ecs().service("prod", "api");
    twin.advance(ofMinutes(5));
    assertThat(api.runningCount()).isEqualTo(4);
    assertThat(hosts.inServiceCount()).isEqualTo(2);

    int[] peakTasks = {0};
    int[] peakInstances = {0};
    twin.timeline()
        .addListener(
            e -> {
              peakTasks[0] = Math.max(peakTasks[0], api.desiredCount());
              peakInstances[0] = Math.max(peakInstances[0], hosts.desiredCapacity());
            });

    // evening: 4 tasks at 80 % of 1024 CPU units (one request costs one CPU unit-second)
    twin.ecs().inProcessRuntime().setRequestRate("prod", "api", 4 * 1024 * 0.8);
    twin.advance(ofMinutes(30));
    // AlarmHigh (3 of 3 above 50 %) at +00:08: ceil(4 x 80 / 50) = 7 tasks. The alarm stays in
    // ALARM while the CPU datapoints still come from the four old tasks, and the next invocation
    // multiplies the larger running count by that stale 80 %: 9. Two 1024-unit tasks fit an
    // m5.large, so managed scaling follows to 5 instances. 15 minutes below 45 % bring it to 7.
    assertThat(peakTasks[0]).isEqualTo(9);
    assertThat(peakInstances[0]).isEqualTo(5);
    assertThat(api.desiredCount()).isEqualTo(7);
    assertThat(api.runningCount()).isEqualTo(7);

    // night
    twin.ecs().inProcessRuntime().setRequestRate("prod", "api", 100);
    long[] tasksDown = {-1};
    long[] instancesDown = {-1};
    twin.timeline().addListener(e -> record(e, twin, api, hosts, tasksDown, instancesDown));
    twin.advance(ofHours(2));

    // tasks: AlarmLow needs 15 one-minute datapoints below 45 % (night began at +00:35)
    assertThat(tasksDown[0]).as("minute the tasks scaled in").isEqualTo(50);
    assertThat(api).hasDesiredCount(2).hasRunningTaskCount(2); // the scalable target's minimum
    // instances: CapacityProviderReservation below 100 % for 15 more minutes, then under 50 % of
    // the group a minute; the two remaining tasks sit in two zones and keep two instances busy
    assertThat(instancesDown[0]).as("minute the instances scaled in").isEqualTo(65);
    assertThat(hosts).hasDesiredCapacity(2).hasInServiceCount(2).neverExceededCapacity(5);
  }

  private static void record(
      TimelineEvent e,
      CloudTwin twin,
      EcsService api,
      AutoScalingGroup hosts,
      long[] tasksDown,
      long[] instancesDown) {
    long minute = twin.elapsed().toMinutes();
    if (tasksDown[0] < 0 && api.desiredCount() < 7) {
      tasksDown[0] = minute;
    }
    if (instancesDown[0] < 0 && hosts.desiredCapacity() < 5) {
      instancesDown[0] = minute;
    }
  }
}
