package io.github.cloudtwin.advice;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.NetworkMode;
import io.github.cloudtwin.ecs.RolloutState;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.ServiceUpdate;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetHealthState;
import io.github.cloudtwin.elb.TargetType;
import io.github.cloudtwin.facts.EcsFact;
import java.time.Duration;
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

  /**
   * Three m5.xlarge container instances and a service of three awsvpc tasks behind an ALB whose
   * application needs three minutes to start.
   */
  static EcsService serviceBehindAlb(CloudTwin twin, Duration grace) {
    service(twin, 256, 50, 200);
    twin.loadBalancing()
        .createLoadBalancer(
            LoadBalancerSpec.application("api")
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .build());
    twin.loadBalancing()
        .createTargetGroup(TargetGroupSpec.builder("api-tg").targetType(TargetType.IP).build());
    twin.loadBalancing()
        .createListener(ListenerSpec.builder("api", 80).forwardTo("api-tg").build());
    twin.loadBalancing().setApplicationStartTime("api-tg", ofMinutes(3));
    twin.ecs()
        .registerTaskDefinition(
            TaskDefinitionSpec.builder("api")
                .networkMode(NetworkMode.AWSVPC)
                .cpu(256)
                .memory(512)
                .container(ContainerDefinition.builder("app", "api:1").portMapping(80).build())
                .build());
    // tag::ecs-grace[]
    twin.ecs()
        .createService(
            ServiceSpec.builder("prod", "api", "api")
                .desiredCount(3)
                .loadBalancer("api-tg", "app", 80)
                .healthCheckGracePeriod(grace)
                .build());
    // end::ecs-grace[]
    return twin.ecs().service("prod", "api");
  }

  /** Tasks stopped in the twin's first hour (the other service, web, stops none). */
  static long stoppedInAnHour(CloudTwin twin) {
    twin.advance(ofMinutes(60));
    return twin.timeline().events(EcsFact.TaskStopped.class).size();
  }

  @Test
  void aServiceGracePeriodShorterThanTheApplicationsStartIsPredictedToStopStartingTasksAndDoes() {
    try (CloudTwin twin = CloudTwin.create()) {
      EcsService api = serviceBehindAlb(twin, ofSeconds(60));
      assertThat(twin.advice().findings(AdviceRule.GRACE_SHORTER_THAN_APPLICATION_START))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.resources())
                    .containsExactly("service/prod/api", "target-group/api-tg");
                assertThat(f.happens())
                    .contains("needs 180 s to start")
                    .contains("healthy only after about 330 s")
                    .contains("healthCheckGracePeriodSeconds is 60");
                assertThat(f.fix()).contains("at least 330");
              });
      assertThat(stoppedInAnHour(twin)).isGreaterThan(10);
      assertThat(twin.loadBalancing().targetHealths("api-tg").values())
          .noneMatch(h -> h.state() == TargetHealthState.HEALTHY);
      assertThat(api.events())
          .anySatisfy(
              e ->
                  assertThat(e.message())
                      .contains("is unhealthy in (target-group")
                      .contains("503"));
    }
  }

  @Test
  void aServiceGracePeriodCoveringTheStartIsNotFlaggedAndStopsNothing() {
    try (CloudTwin twin = CloudTwin.create()) {
      EcsService api = serviceBehindAlb(twin, ofSeconds(330));
      assertThat(twin.advice().findings(AdviceRule.GRACE_SHORTER_THAN_APPLICATION_START)).isEmpty();
      assertThat(stoppedInAnHour(twin)).isZero();
      assertThat(api.runningCount()).isEqualTo(3);
      assertThat(twin.loadBalancing().targetHealths("api-tg").values())
          .hasSize(3)
          .allSatisfy(h -> assertThat(h.state()).isEqualTo(TargetHealthState.HEALTHY));
    }
  }
}
