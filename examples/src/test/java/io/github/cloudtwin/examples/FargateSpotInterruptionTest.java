package io.github.cloudtwin.examples;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static io.github.cloudtwin.ecs.CapacityProviderStrategyItem.FARGATE;
import static io.github.cloudtwin.ecs.CapacityProviderStrategyItem.FARGATE_SPOT;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.LaunchType;
import io.github.cloudtwin.ecs.NetworkMode;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.StopCode;
import io.github.cloudtwin.ecs.Task;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.ecs.TaskStatus;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroup;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Story 21, a Fargate Spot interruption that a FARGATE base rides out. In production: AWS takes
 * back the Spot capacity under every Fargate Spot task of the api service at once, with the
 * two-minute warning. With a capacity provider strategy that keeps a base of two tasks (and a
 * quarter of the rest) on FARGATE, three tasks keep serving while the service scheduler starts the
 * replacements on Fargate Spot again; an all-Spot strategy leaves the load balancer with no healthy
 * target until the replacements pass their health checks.
 */
class FargateSpotInterruptionTest {

  private static EcsService api(CloudTwin twin, boolean fargateBase) {
    var elb = twin.loadBalancing();
    elb.createLoadBalancer(
        LoadBalancerSpec.application("api")
            .availabilityZones(List.of("us-east-1a", "us-east-1b", "us-east-1c"))
            .build());
    elb.createTargetGroup(TargetGroupSpec.builder("api-tg").targetType(TargetType.IP).build());
    elb.createListener(ListenerSpec.builder("api", 80).forwardTo("api-tg").build());
    var ecs = twin.ecs();
    ecs.createCluster("prod");
    ecs.putClusterCapacityProviders("prod", List.of(FARGATE, FARGATE_SPOT), List.of());
    ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("api")
            .requiresCompatibilities(LaunchType.FARGATE)
            .networkMode(NetworkMode.AWSVPC)
            .cpu(256)
            .memory(512)
            .container(ContainerDefinition.builder("app", "api:2.3").portMapping(80).build())
            .build());
    // tag::strategy[]
    ServiceSpec.Builder service =
        ServiceSpec.builder("prod", "api", "api").desiredCount(6).loadBalancer("api-tg", "app", 80);
    if (fargateBase) {
      service
          .capacityProviderStrategy(FARGATE, 2, 1) // base 2, then 1 in 4 on FARGATE
          .capacityProviderStrategy(FARGATE_SPOT, 0, 3);
    } else {
      service.capacityProviderStrategy(FARGATE_SPOT, 0, 1);
    }
    // end::strategy[]
    return ecs.createService(service.build());
  }

  private static String[] spotTasks(EcsService service) {
    return service.tasks().stream()
        .filter(t -> t.lastStatus() == TaskStatus.RUNNING)
        .filter(t -> FARGATE_SPOT.equals(t.capacityProviderName()))
        .map(Task::taskId)
        .toArray(String[]::new);
  }

  private static int healthy(TargetGroup tg) {
    return tg.healthyTargetCountByZone().values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Healthy targets sampled every five virtual seconds for {@code span}. */
  private static List<Integer> healthyEveryFiveSeconds(
      CloudTwin twin, TargetGroup tg, Duration span) {
    List<Integer> samples = new ArrayList<>();
    for (Duration t = Duration.ZERO; t.compareTo(span) < 0; t = t.plusSeconds(5)) {
      twin.advance(ofSeconds(5));
      samples.add(healthy(tg));
    }
    return samples;
  }

  @Test
  void withAFargateBaseThreeTasksServeThroughTheInterruptionOfAllSpotTasks() {
    try (CloudTwin twin = CloudTwin.builder().seed(21).build()) {
      EcsService api = api(twin, true);
      twin.advance(ofMinutes(5));
      TargetGroup tg = twin.loadBalancing().targetGroup("api-tg");
      String[] spot = spotTasks(api);
      assertThat(spot).hasSize(3); // base 2 on FARGATE, the other 4 split 1 : 3
      assertThat(healthy(tg)).isEqualTo(6);
      List<Task> victims =
          api.tasks().stream().filter(t -> List.of(spot).contains(t.taskId())).toList();

      // tag::interrupt[]
      twin.faults().interruptFargateSpotTasks("prod", spot);
      List<Integer> healthy = healthyEveryFiveSeconds(twin, tg, ofMinutes(10));
      // end::interrupt[]

      assertThat(Collections.min(healthy)).isEqualTo(3); // the FARGATE tasks never left
      assertThat(healthy.subList(5, healthy.size())).containsOnly(6);
      assertThat(api).hasRunningTaskCount(6);
      assertThat(spotTasks(api)).hasSize(3).doesNotContain(spot);
      assertThat(healthy(tg)).isEqualTo(6);
      assertThat(victims)
          .hasSize(3)
          .allSatisfy(
              t -> {
                assertThat(t.lastStatus()).isEqualTo(TaskStatus.STOPPED);
                assertThat(t.stopCode()).isEqualTo(StopCode.SpotInterruption);
              });
    }
  }

  @Test
  void withOnlyFargateSpotTheBalancerHasNoHealthyTargetUntilTheReplacementsPassTheirChecks() {
    try (CloudTwin twin = CloudTwin.builder().seed(21).build()) {
      EcsService api = api(twin, false);
      twin.advance(ofMinutes(5));
      TargetGroup tg = twin.loadBalancing().targetGroup("api-tg");
      String[] spot = spotTasks(api);
      assertThat(spot).hasSize(6);

      twin.faults().interruptFargateSpotTasks("prod", spot);
      List<Integer> healthy = healthyEveryFiveSeconds(twin, tg, ofMinutes(10));

      // the interrupted targets drain at once; the replacements start on Fargate Spot and pass
      // the one health check a newly registered target needs: 25 s without a healthy target
      assertThat(healthy.subList(0, 5)).containsOnly(0);
      assertThat(healthy.subList(5, healthy.size())).containsOnly(6);
      assertThat(api).hasRunningTaskCount(6);
      assertThat(healthy(tg)).isEqualTo(6);
    }
  }
}
