package io.github.cloudtwin.examples.guide;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static java.time.Duration.ofMinutes;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.elb.TargetGroup;
import io.github.cloudtwin.junit.CloudTwinSetup;
import io.github.cloudtwin.junit.EcsCluster;
import org.junit.jupiter.api.Test;

// The @EcsCluster test shown in docs/junit.md.
// tag::ecs-cluster[]
@EcsCluster(instanceType = "m5.large", desiredCapacity = 3, loadBalancer = true)
class WebScalingTest {
  @CloudTwinSetup
  void web(CloudTwin twin) {
    twin.ecs()
        .registerTaskDefinition(
            TaskDefinitionSpec.builder("web")
                .container(
                    ContainerDefinition.builder("app", "nginx")
                        .cpu(256)
                        .memory(512)
                        .portMapping(80)
                        .build())
                .build());
    twin.ecs()
        .createService(
            ServiceSpec.builder("cluster", "web", "web")
                .desiredCount(6)
                .loadBalancer("cluster-tg", "app", 80)
                .build());
  }

  @Test
  void spreadsOverThreeZones(
      CloudTwin twin, AutoScalingGroup group, EcsService web, TargetGroup targets) {
    twin.advance(ofMinutes(5));
    assertThat(group).hasInServiceCount(3).isBalancedAcross();
    assertThat(web).hasRunningTaskCount(6).isSpreadAcrossZones().reachedSteadyState();
    assertThat(targets).hasHealthyTargetCount(3);
  }
}
// end::ecs-cluster[]
