package io.github.cloudtwin.experiments;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.ecs.TaskStatus;
import io.github.cloudtwin.facts.ExperimentFact;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcsExperimentTest {

  @Test
  void stoppingHalfAServicesTasksLosesTwoThatTheServiceReplaces() {
    try (CloudTwin twin = CloudTwin.builder().seed(3).build()) {
      twin.ecs().createCluster("prod");
      List<Instance> hosts = new ArrayList<>();
      for (String z : new String[] {"a", "b"}) {
        hosts.add(
            twin.ec2()
                .runInstance(
                    InstanceSpec.builder()
                        .instanceType("m5.xlarge")
                        .availabilityZone("us-east-1" + z)
                        .build()));
      }
      twin.advance(InstanceSpec.DEFAULT_BOOT_TIME);
      for (Instance i : hosts) twin.ecs().registerContainerInstance("prod", i.instanceId());
      twin.ecs()
          .registerTaskDefinition(
              TaskDefinitionSpec.builder("api")
                  .container(
                      ContainerDefinition.builder("app", "nginx:1.27")
                          .cpu(512)
                          .memory(512)
                          .portMapping(8080)
                          .build())
                  .build());
      twin.ecs().createService(ServiceSpec.builder("prod", "api", "api:1").desiredCount(4).build());
      twin.advance(ofMinutes(3));

      ExperimentResult r =
          twin.experiments()
              .run(
                  Experiment.builder("stop-tasks")
                      .action(
                          "stop-half",
                          new FaultAction.StopTasks("prod", "api", Selection.percent(50)),
                          ofMinutes(1))
                      .runFor(ofMinutes(10))
                      .build());

      assertThat(r.tasksLost()).isEqualTo(2);
      assertThat(r.tasksReplaced()).isEqualTo(2);
      List<String> stopped =
          twin.timeline()
              .events(ExperimentFact.ActionStarted.class)
              .get(0)
              .fact(ExperimentFact.ActionStarted.class)
              .orElseThrow()
              .targets();
      assertThat(stopped).hasSize(2).allSatisfy(t -> assertThat(t).startsWith("task/"));
      for (String t : stopped) {
        assertThat(twin.ecs().task(t.substring("task/".length())).desiredStatus())
            .isEqualTo(TaskStatus.STOPPED);
      }
      assertThat(twin.ecs().service("prod", "api").runningCount()).isEqualTo(4);
      assertThat(r.recoveryTime("service/prod/api", 4)).isPresent();
    }
  }
}
