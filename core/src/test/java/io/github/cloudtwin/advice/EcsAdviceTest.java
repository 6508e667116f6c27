package io.github.cloudtwin.advice;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.RolloutState;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.ServiceUpdate;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ECS deployment rule's predictions, each followed by the deployment that shows it. */
class EcsAdviceTest {

  /** Three m5.xlarge container instances (4,096 CPU units each) and a service of three tasks. */
  static EcsService service(CloudTwin twin, int taskCpu, int min, int max) {
    twin.ecs().createCluster("prod");
    List<Instance> launched = new ArrayList<>();
    for (String z : new String[] {"a", "b", "c"}) {
      launched.add(
          twin.ec2()
              .runInstance(
                  InstanceSpec.builder()
                      .instanceType("m5.xlarge")
                      .availabilityZone("us-east-1" + z)
                      .build()));
    }
    twin.advance(InstanceSpec.DEFAULT_BOOT_TIME);
    for (Instance i : launched) twin.ecs().registerContainerInstance("prod", i.instanceId());
    for (int revision = 1; revision <= 2; revision++) {
      twin.ecs()
          .registerTaskDefinition(
              TaskDefinitionSpec.builder("web")
                  .container(
                      ContainerDefinition.builder("app", "nginx:1.27")
                          .cpu(taskCpu)
                          .memory(256)
                          .portMapping(80)
                          .build())
                  .build());
    }
    twin.ecs()
        .createService(
            ServiceSpec.builder("prod", "web", "web:1")
                .desiredCount(3)
                .deploymentConfiguration(min, max)
                .build());
    twin.advance(ofMinutes(2));
    return twin.ecs().service("prod", "web");
  }

  static RolloutState deployAndWait(CloudTwin twin, EcsService web) {
    twin.ecs().updateService(ServiceUpdate.builder("prod", "web").taskDefinition("web:2").build());
    twin.advance(ofMinutes(30));
    return web.primaryDeployment().rolloutState();
  }

  @Test
  void minimumAndMaximumBothAtOneHundredArePredictedToBlockADeploymentAndDo() {
    try (CloudTwin twin = CloudTwin.create()) {
      // tag::min-max-100[]
      EcsService web = service(twin, 256, 100, 100);
      // end::min-max-100[]
      assertThat(twin.advice().findings(AdviceRule.DEPLOYMENT_NO_WAY_FORWARD))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.resources()).containsExactly("service/prod/web");
                assertThat(f.happens())
                    .contains("minimumHealthyPercent 100 of 3")
                    .contains("maximumPercent 100");
              });
      assertThat(deployAndWait(twin, web)).isEqualTo(RolloutState.IN_PROGRESS);
      assertThat(web.tasks())
          .allSatisfy(t -> assertThat(t.taskDefinition().familyRevision()).isEqualTo("web:1"));
    }
  }

  @Test
  void noRoomForOneMoreTaskWithMinimumHealthyAtOneHundredIsPredictedToBlockADeploymentAndDoes() {
    try (CloudTwin twin = CloudTwin.create()) {
      EcsService web = service(twin, 4096, 100, 200); // each task fills its instance
      assertThat(twin.advice().findings(AdviceRule.DEPLOYMENT_NO_WAY_FORWARD))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.resources()).containsExactly("service/prod/web", "cluster/prod");
                assertThat(f.happens())
                    .contains(
                        "no container instance of cluster prod has room for one more task (4096 CPU units");
              });
      assertThat(deployAndWait(twin, web)).isEqualTo(RolloutState.IN_PROGRESS);
      assertThat(web.tasks())
          .allSatisfy(t -> assertThat(t.taskDefinition().familyRevision()).isEqualTo("web:1"));
    }
  }

  @Test
  void roomToStopOneOldTaskFirstIsNotFlaggedAndTheDeploymentCompletes() {
    try (CloudTwin twin = CloudTwin.create()) {
      EcsService web = service(twin, 4096, 50, 100);
      assertThat(twin.advice().findings(AdviceRule.DEPLOYMENT_NO_WAY_FORWARD)).isEmpty();
      assertThat(deployAndWait(twin, web)).isEqualTo(RolloutState.COMPLETED);
      assertThat(web.tasks())
          .hasSize(3)
          .allSatisfy(t -> assertThat(t.taskDefinition().familyRevision()).isEqualTo("web:2"));
    }
  }
}
