package io.github.cloudtwin.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.Ecs;
import io.github.cloudtwin.ecs.HealthCheck;
import io.github.cloudtwin.ecs.HealthStatus;
import io.github.cloudtwin.ecs.LaunchType;
import io.github.cloudtwin.ecs.StopCode;
import io.github.cloudtwin.ecs.Task;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.ecs.TaskStatus;
import io.github.cloudtwin.junit.CloudTwinTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/** Standalone tasks as containers, through the JUnit opt-in {@link ContainerTasks}. */
// tag::opt-in[]
@CloudTwinTest(seed = 11)
@ContainerTasks
class ContainerTasksTest {
  // end::opt-in[]

  private static final Set<String> SESSIONS = new LinkedHashSet<>();

  private Ecs ecs;

  @BeforeEach
  void clusterWithOneInstance(CloudTwin twin) {
    TestImage.requirePresent();
    synchronized (SESSIONS) {
      SESSIONS.add(ContainerTaskRuntime.of(twin).sessionId());
    }
    ecs = twin.ecs();
    ecs.createCluster("jobs");
    Instance i =
        twin.ec2()
            .runInstance(
                InstanceSpec.builder()
                    .instanceType("m5.large")
                    .availabilityZone("us-east-1a")
                    .build());
    twin.advance(InstanceSpec.DEFAULT_BOOT_TIME);
    ecs.registerContainerInstance("jobs", i.instanceId());
  }

  @AfterAll
  static void junitClosedTheTwinsAndTheirContainersWithThem() {
    for (String session : SESSIONS) {
      assertThat(
              DockerClientFactory.instance()
                  .client()
                  .listContainersCmd()
                  .withShowAll(true)
                  .withLabelFilter(Map.of(ContainerTaskRuntime.SESSION_LABEL, session))
                  .exec())
          .as("containers of session " + session)
          .isEmpty();
    }
  }

  private Task runOne(CloudTwin twin, ContainerDefinition container) {
    ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("job").cpu(256).memory(256).container(container).build());
    Task t = ecs.runTask("jobs", "job", 1, LaunchType.EC2).tasks().get(0);
    twin.advance(Duration.ofSeconds(11)); // PENDING -> RUNNING after the 10 s start
    return t;
  }

  @Test
  void theContainerHealthCheckRunsInsideTheContainerAndAStoppedTaskLosesItsContainer(CloudTwin twin)
      throws Exception {
    ContainerTaskRuntime containers = ContainerTaskRuntime.of(twin);
    Task t =
        runOne(
            twin,
            ContainerDefinition.builder("web", TestImage.NAME)
                .portMapping(8080)
                .healthCheck(
                    HealthCheck.of("CMD-SHELL", "wget -q -O /dev/null http://localhost:8080/health")
                        .withInterval(Duration.ofSeconds(5)))
                .build());
    assertThat(t.lastStatus()).isEqualTo(TaskStatus.RUNNING);
    String id = containers.containerId(t, "web");
    assertThat(id).isNotNull();
    String body =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(containers.endpoint(t, "web", 8080).resolve("/")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(body).isEqualTo("hello from a CloudTwin container\n");

    twin.advance(Duration.ofSeconds(5));
    assertThat(t.healthStatus()).isEqualTo(HealthStatus.HEALTHY);

    ecs.stopTask("jobs", t.taskId(), "done with it");
    twin.advance(Duration.ofSeconds(1));

    assertThat(t.lastStatus()).isEqualTo(TaskStatus.STOPPED);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !containers.containersOnEngine().contains(id));
  }

  @Test
  void aFailingHealthCheckCommandMakesTheTaskUnhealthy(CloudTwin twin) {
    Task t =
        runOne(
            twin,
            ContainerDefinition.builder("web", TestImage.NAME)
                .portMapping(8080)
                .healthCheck(
                    HealthCheck.of(
                            "CMD-SHELL", "wget -q -O /dev/null http://localhost:8080/no-such-page")
                        .withInterval(Duration.ofSeconds(5))
                        .withRetries(2))
                .build());

    twin.advance(Duration.ofSeconds(10));

    assertThat(t.healthStatus()).isEqualTo(HealthStatus.UNHEALTHY);
  }

  @Test
  void aContainerThatExitsStopsItsTaskWithItsExitCodeOnTheTimeline(CloudTwin twin) {
    Task t =
        runOne(
            twin,
            ContainerDefinition.builder("batch", TestImage.NAME)
                .command("/bin/sh", "-c", "exit 3")
                .build());

    await().atMost(Duration.ofSeconds(30)).until(() -> t.desiredStatus() == TaskStatus.STOPPED);
    twin.advance(Duration.ofSeconds(1));

    assertThat(t.lastStatus()).isEqualTo(TaskStatus.STOPPED);
    assertThat(t.stopCode()).isEqualTo(StopCode.EssentialContainerExited);
    assertThat(t.stoppedReason()).isEqualTo("Essential container in task exited");
    assertThat(twin.timeline().eventsOf("task/" + t.taskId()))
        .extracting(e -> e.message())
        .contains("container batch exited with code 3");
  }
}
