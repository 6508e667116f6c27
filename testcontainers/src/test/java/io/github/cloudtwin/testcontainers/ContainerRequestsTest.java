package io.github.cloudtwin.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.NetworkMode;
import io.github.cloudtwin.ecs.ServiceLoadBalancer;
import io.github.cloudtwin.ecs.TaskDefinition;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What is asked of Docker for a task's containers (no Docker engine needed). */
class ContainerRequestsTest {

  private static final String ARN = "arn:aws:ecs:us-east-1:123456789012:task/apps/0123456789abcdef";
  private static final String TASK_ID = "0123456789abcdef";

  private final CloudTwin twin = CloudTwin.builder().seed(1).build();
  private final ContainerRequests requests =
      new ContainerRequests(
          "cloudtwin-s1",
          ContainerOptions.builder()
              .label("team", "web")
              .startupTimeout(Duration.ofSeconds(42))
              .build());

  @AfterEach
  void close() {
    twin.close();
  }

  private TaskDefinition register(NetworkMode mode) {
    return twin.ecs()
        .registerTaskDefinition(
            TaskDefinitionSpec.builder("web")
                .networkMode(mode)
                .cpu(256)
                .memory(512)
                .container(
                    ContainerDefinition.builder("app", "my/app:test")
                        .portMapping(8080)
                        .portMapping(9090)
                        .environment("GREETING", "hello")
                        .command("serve", "--port=8080")
                        .build())
                .container(ContainerDefinition.builder("sidecar", "my/sidecar:1").build())
                .build());
  }

  @Test
  void eachContainerOfTheDefinitionIsOneRequestNamedAfterSessionTaskAndContainer() {
    Map<String, ContainerRequest> byName =
        requests.forTask(ARN, TASK_ID, register(NetworkMode.AWSVPC), "us-east-1b", null);

    assertThat(byName).containsOnlyKeys("app", "sidecar");
    assertThat(List.copyOf(byName.keySet())).containsExactly("app", "sidecar");
    ContainerRequest app = byName.get("app");
    assertThat(app.name()).isEqualTo("cloudtwin-s1-0123456789ab-app");
    assertThat(app.image()).isEqualTo("my/app:test");
    assertThat(app.containerPorts()).containsExactly(8080, 9090);
    assertThat(app.environment()).containsExactly(Map.entry("GREETING", "hello"));
    assertThat(app.command()).containsExactly("serve", "--port=8080");
    assertThat(app.startupTimeout()).isEqualTo(Duration.ofSeconds(42));
    assertThat(app.readyPort()).as("no load balancer: nothing to wait for").isZero();
    assertThat(byName.get("sidecar").name()).isEqualTo("cloudtwin-s1-0123456789ab-sidecar");
    assertThat(byName.get("sidecar").containerPorts()).isEmpty();
  }

  @Test
  void everyContainerIsLabelledWithTheOptionsLabelsThenItsTaskDefinitionAndZone() {
    TaskDefinition definition = register(NetworkMode.AWSVPC);

    ContainerRequest app =
        requests.forTask(ARN, TASK_ID, definition, "us-east-1b", null).get("app");

    assertThat(List.copyOf(app.labels().entrySet()))
        .containsExactly(
            Map.entry("team", "web"),
            Map.entry(ContainerTaskRuntime.TASK_ARN_LABEL, ARN),
            Map.entry(ContainerTaskRuntime.CONTAINER_NAME_LABEL, "app"),
            Map.entry("io.github.cloudtwin.task-definition", definition.familyRevision()),
            Map.entry("io.github.cloudtwin.availability-zone", "us-east-1b"));
  }

  @Test
  void aTaskWithoutAZoneCarriesNoZoneLabel() {
    ContainerRequest app =
        requests.forTask(ARN, TASK_ID, register(NetworkMode.AWSVPC), null, null).get("app");

    assertThat(app.labels()).doesNotContainKey("io.github.cloudtwin.availability-zone");
  }

  @Test
  void anAwsvpcTaskBehindALoadBalancerWaitsForItsContainerPortOnly() {
    ServiceLoadBalancer lb = new ServiceLoadBalancer("web-tg", "app", 9090);

    Map<String, ContainerRequest> byName =
        requests.forTask(ARN, TASK_ID, register(NetworkMode.AWSVPC), "us-east-1a", lb);

    assertThat(byName.get("app").readyPort()).isEqualTo(9090);
    assertThat(byName.get("sidecar").readyPort()).isZero();
  }

  @Test
  void aLoadBalancerPortTheContainerDoesNotPublishIsNotWaitedFor() {
    ServiceLoadBalancer lb = new ServiceLoadBalancer("web-tg", "app", 7070);

    ContainerRequest app =
        requests.forTask(ARN, TASK_ID, register(NetworkMode.AWSVPC), "us-east-1a", lb).get("app");

    assertThat(app.readyPort()).isZero();
  }

  @Test
  void aBridgeTaskIsNotWaitedForEvenBehindALoadBalancer() {
    ServiceLoadBalancer lb = new ServiceLoadBalancer("web-tg", "app", 8080);

    ContainerRequest app =
        requests.forTask(ARN, TASK_ID, register(NetworkMode.BRIDGE), "us-east-1a", lb).get("app");

    assertThat(app.readyPort()).isZero();
  }
}
