package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.appautoscaling.PredefinedMetricType;
import io.github.cloudtwin.appautoscaling.ScalableTargetSpec;
import io.github.cloudtwin.appautoscaling.TargetTrackingPolicySpec;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same configuration and seed give a byte-identical timeline. */
class EcsDeterminismTest {

  private static String scenario(long seed) {
    try (CloudTwin twin = CloudTwin.builder().seed(seed).build()) {
      twin.autoScaling()
          .createAutoScalingGroup(
              AutoScalingGroupSpec.builder()
                  .autoScalingGroupName("asg")
                  .launchTemplate("ecs", "1")
                  .instanceType("m5.large")
                  .minSize(0)
                  .maxSize(12)
                  .desiredCapacity(3)
                  .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                  .build());
      Ecs ecs = twin.ecs();
      ecs.createCluster("prod");
      ecs.createCapacityProvider(
          CapacityProviderSpec.of("cp", "asg").withManagedTerminationProtection(true));
      ecs.putClusterCapacityProviders(
          "prod", List.of("cp"), List.of(CapacityProviderStrategyItem.of("cp", 1)));
      ecs.registerTaskDefinition(
          TaskDefinitionSpec.builder("web")
              .cpu(512)
              .memory(1024)
              .container(ContainerDefinition.builder("app", "nginx").portMapping(80).build())
              .build());
      ecs.createService(
          ServiceSpec.builder("prod", "web", "web")
              .desiredCount(4)
              .placementStrategy(PlacementStrategy.spreadByZone(), PlacementStrategy.random())
              .build());
      twin.advance(Duration.ofMinutes(2));
      twin.applicationAutoScaling()
          .registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 2, 30));
      twin.applicationAutoScaling()
          .putScalingPolicy(
              TargetTrackingPolicySpec.predefined(
                  "cpu",
                  "service/prod/web",
                  PredefinedMetricType.ECSServiceAverageCPUUtilization,
                  50));
      ecs.inProcessRuntime().setRequestRate("prod", "web", 4000);
      twin.advance(Duration.ofMinutes(20));
      twin.faults().failZone("us-east-1b");
      ecs.inProcessRuntime().setRequestRate("prod", "web", 500);
      twin.advance(Duration.ofMinutes(40));
      return twin.timeline().text();
    }
  }

  @Test
  void sameSeedSameTimeline() {
    String first = scenario(5);
    assertThat(first).contains("Setting desired count to").contains("CapacityProviderReservation");
    assertThat(scenario(5)).isEqualTo(first);
  }
}
