package io.github.cloudtwin.advice;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.ecs.CapacityProviderSpec;
import io.github.cloudtwin.ecs.CapacityProviderStrategyItem;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The zone-loss rule on the ECS side: a capacity provider whose Auto Scaling group lives in one
 * zone cannot survive losing it. Amazon ECS places a service's tasks on the cluster's container
 * instances, which a capacity provider's group supplies ("Amazon ECS capacity providers for the EC2
 * launch type"); a group can replace lost instances only in its own zones ("Rebalancing activities
 * in Auto Scaling", Availability Zone outages).
 */
class CapacityProviderZoneLossAdviceTest {

  private static EcsService serviceOnProvider(CloudTwin twin, String... zones) {
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("hosts")
                .launchTemplate("ecs", "1")
                .instanceType("m5.xlarge")
                .minSize(0)
                .maxSize(6)
                .desiredCapacity(2)
                .availabilityZones(zones)
                .build());
    twin.ecs().createCluster("prod");
    twin.ecs().createCapacityProvider(CapacityProviderSpec.of("hosts-cp", "hosts"));
    twin.ecs()
        .putClusterCapacityProviders(
            "prod", List.of("hosts-cp"), List.of(CapacityProviderStrategyItem.of("hosts-cp", 1)));
    twin.advance(ofMinutes(1));
    twin.ecs()
        .registerTaskDefinition(
            TaskDefinitionSpec.builder("web")
                .cpu(256)
                .memory(256)
                .container(ContainerDefinition.builder("app", "nginx").build())
                .build());
    twin.ecs().createService(ServiceSpec.builder("prod", "web", "web").desiredCount(4).build());
    twin.advance(ofMinutes(5));
    return twin.ecs().service("prod", "web");
  }

  @Test
  void aProviderWhoseGroupLivesInOneZoneIsPredictedToLoseItsTasksWithTheZoneAndDoes() {
    try (CloudTwin twin = CloudTwin.create()) {
      EcsService web = serviceOnProvider(twin, "us-east-1a");
      assertThat(web.runningCount()).isEqualTo(4);

      assertThat(twin.advice().findings(AdviceRule.CANNOT_SURVIVE_ZONE_LOSS))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.resources()).contains("group/hosts", "capacity-provider/hosts-cp");
                assertThat(f.happens()).contains("all 2 instances in us-east-1a");
              });

      twin.faults().failZone("us-east-1a");
      twin.advance(ofMinutes(30));
      // the group cannot launch outside us-east-1a: the tasks of its replaced host wait for
      // capacity from the provider for the whole outage (tasks on the host whose agent is
      // disconnected still count as RUNNING, as ECS reports them)
      assertThat(web.runningCount()).as("tasks running 30 minutes into the outage").isLessThan(4);
    }
  }

  @Test
  void aProviderSpreadOverThreeZonesIsNotFlaggedAndItsServiceRunsAgainElsewhere() {
    try (CloudTwin twin = CloudTwin.create()) {
      EcsService web = serviceOnProvider(twin, "us-east-1a", "us-east-1b", "us-east-1c");
      assertThat(twin.advice().findings(AdviceRule.CANNOT_SURVIVE_ZONE_LOSS)).isEmpty();

      twin.faults().failZone("us-east-1a");
      twin.advance(ofMinutes(30));
      assertThat(web.runningCount()).as("tasks running 30 minutes into the outage").isEqualTo(4);
    }
  }
}
