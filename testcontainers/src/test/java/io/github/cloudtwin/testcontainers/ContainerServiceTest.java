package io.github.cloudtwin.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.Ecs;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.NetworkMode;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.StopCode;
import io.github.cloudtwin.ecs.Task;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.ecs.TaskStatus;
import io.github.cloudtwin.elb.HealthCheckSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetHealthState;
import io.github.cloudtwin.elb.TargetType;
import io.github.cloudtwin.http.HttpListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * An ECS service of three container tasks over three zones behind the twin's Application Load
 * Balancer, with real traffic through the twin's HTTP listener (against a real Docker engine).
 */
@EnabledIfDocker
class ContainerServiceTest {

  private static final List<String> ZONES = List.of("us-east-1a", "us-east-1b", "us-east-1c");
  private static final Set<String> SESSIONS = new LinkedHashSet<>();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private CloudTwin twin;
  private ContainerTaskRuntime containers;
  private LoadBalancing elb;
  private Ecs ecs;
  private HttpListener listener;

  @BeforeEach
  void twinWithAContainerService() {
    TestImage.requirePresent();
    // tag::container-service[]
    twin = CloudTwin.builder().seed(7).build();
    containers = ContainerTaskRuntime.install(twin);
    synchronized (SESSIONS) {
      SESSIONS.add(containers.sessionId());
    }
    ecs = twin.ecs();
    elb = twin.loadBalancing();
    ecs.createCluster("prod");
    List<Instance> launched = new ArrayList<>();
    for (String z : ZONES)
      launched.add(
          twin.ec2()
              .runInstance(
                  InstanceSpec.builder().instanceType("m5.xlarge").availabilityZone(z).build()));
    twin.advance(InstanceSpec.DEFAULT_BOOT_TIME);
    for (Instance i : launched) ecs.registerContainerInstance("prod", i.instanceId());
    elb.createLoadBalancer(LoadBalancerSpec.application("web").availabilityZones(ZONES).build());
    elb.createTargetGroup(
        TargetGroupSpec.builder("web-tg")
            .targetType(TargetType.IP)
            .port(8080)
            .healthCheck(HealthCheckSpec.builder().path("/health").build())
            .deregistrationDelay(Duration.ofSeconds(5))
            .build());
    elb.createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    listener = elb.startHttpListener("web");
    ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .networkMode(NetworkMode.AWSVPC)
            .cpu(256)
            .memory(512)
            .container(
                ContainerDefinition.builder("app", TestImage.NAME)
                    .portMapping(8080)
                    .environment("GREETING", "hello")
                    .build())
            .build());
    // end::container-service[]
  }

  @AfterEach
  void closeTwin() {
    twin.close();
    assertThat(containers.containersOnEngine())
        .as("containers of session " + containers.sessionId() + " after twin.close()")
        .isEmpty();
  }

  @AfterAll
  static void noContainerIsLeftBehind() {
    DockerClient docker = DockerClientFactory.instance().client();
    for (String session : SESSIONS) {
      assertThat(
              docker
                  .listContainersCmd()
                  .withShowAll(true)
                  .withLabelFilter(Map.of(ContainerTaskRuntime.SESSION_LABEL, session))
                  .exec())
          .as("containers labelled " + ContainerTaskRuntime.SESSION_LABEL + "=" + session)
          .isEmpty();
    }
  }

  private EcsService threeTasksHealthy() {
    long wallStart = System.nanoTime();
    EcsService service =
        ecs.createService(
            ServiceSpec.builder("prod", "web", "web")
                .desiredCount(3)
                .loadBalancer("web-tg", "app", 8080)
                .build());
    Duration virtual = Duration.ZERO;
    while (healthyTargets() < 3 && virtual.compareTo(Duration.ofMinutes(5)) < 0) {
      twin.advance(Duration.ofSeconds(5));
      virtual = virtual.plusSeconds(5);
    }
    long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;
    System.out.println(
        "[Testcontainers] createService -> 3 healthy container targets: "
            + wallMillis
            + " ms wall clock, "
            + virtual.toSeconds()
            + " s virtual");
    assertThat(healthyTargets()).as("healthy targets after " + virtual).isEqualTo(3);
    return service;
  }

  private long healthyTargets() {
    return elb.targetGroup("web-tg").targetHealth().values().stream()
        .filter(h -> h.state() == TargetHealthState.HEALTHY)
        .count();
  }

  /** One real request through the twin's listener: status, the target that answered, the body. */
  private record Answer(int status, String target, String zone, String body) {}

  private Answer send(String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(listener.uri().resolve(path))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(
        r.statusCode(),
        r.headers().firstValue("X-CloudTwin-Target").orElse(null),
        r.headers().firstValue("X-CloudTwin-Target-Zone").orElse(null),
        r.body().trim());
  }

  private Map<String, Task> tasksByIp(EcsService service) {
    Map<String, Task> m = new TreeMap<>();
    for (Task t : service.tasks())
      if (t.desiredStatus() == TaskStatus.RUNNING) m.put(t.privateIpv4Address(), t);
    return m;
  }

  @Test
  void threeContainerTasksInThreeZonesAllAnswerThroughTheListener() throws Exception {
    EcsService service = threeTasksHealthy();
    Map<String, Task> byIp = tasksByIp(service);
    assertThat(byIp.values())
        .extracting(Task::availabilityZone)
        .containsExactlyInAnyOrderElementsOf(ZONES);

    Map<String, String> hostByTarget = new LinkedHashMap<>();
    for (int i = 0; i < 30; i++) {
      Answer a = send("/cgi-bin/whoami");
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.body()).startsWith("host=").endsWith("greeting=hello");
      hostByTarget.put(a.target(), a.body());
    }

    assertThat(hostByTarget.keySet())
        .as("targets that answered")
        .containsExactlyInAnyOrderElementsOf(byIp.keySet());
    assertThat(new LinkedHashSet<>(hostByTarget.values()))
        .as("three different containers answered")
        .hasSize(3);
    for (Map.Entry<String, String> e : hostByTarget.entrySet()) {
      String containerId = containers.containerId(byIp.get(e.getKey()), "app");
      assertThat(e.getValue())
          .as("target " + e.getKey() + " is its task's container")
          .contains("host=" + containerId.substring(0, 12));
    }
  }

  @Test
  void aZoneOutagePausesItsContainerAndEveryRequestGoesToTheOtherZonesWithinTheHealthCheckWindow()
      throws Exception {
    EcsService service = threeTasksHealthy();
    Task inA =
        service.tasks().stream()
            .filter(t -> t.availabilityZone().equals("us-east-1a"))
            .findFirst()
            .orElseThrow();
    String idA = containers.containerId(inA, "app");

    twin.faults().failZone("us-east-1a");

    DockerClient docker = DockerClientFactory.instance().client();
    assertThat(docker.inspectContainerCmd(idA).exec().getState().getPaused())
        .as("the zone's container is paused")
        .isTrue();
    // ALB defaults: 30 s interval, 2 failures -> unhealthy after 60 s
    twin.advance(Duration.ofSeconds(61));
    assertThat(elb.targetGroup("web-tg").health(inA.privateIpv4Address()).state())
        .isNotEqualTo(TargetHealthState.HEALTHY);
    Set<String> zones = new LinkedHashSet<>();
    for (int i = 0; i < 30; i++) {
      Answer a = send("/health");
      assertThat(a.status()).as("request " + i).isEqualTo(200);
      assertThat(a.body()).isEqualTo("ok");
      zones.add(a.zone());
    }
    assertThat(zones).containsExactlyInAnyOrder("us-east-1b", "us-east-1c");
  }

  @Test
  void aRestoredZoneResumesItsContainers() throws Exception {
    EcsService service = threeTasksHealthy();
    Task inB =
        service.tasks().stream()
            .filter(t -> t.availabilityZone().equals("us-east-1b"))
            .findFirst()
            .orElseThrow();
    String idB = containers.containerId(inB, "app");
    URI direct = containers.endpoint(inB, "app", 8080).resolve("/health");
    DockerClient docker = DockerClientFactory.instance().client();

    twin.faults().failZone("us-east-1b");
    twin.advance(Duration.ofSeconds(10));
    assertThat(docker.inspectContainerCmd(idB).exec().getState().getPaused()).isTrue();

    twin.faults().restoreZone("us-east-1b");

    assertThat(docker.inspectContainerCmd(idB).exec().getState().getPaused()).isFalse();
    assertThat(
            http.send(
                    HttpRequest.newBuilder(direct).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body()
                .trim())
        .isEqualTo("ok");
    assertThat(inB.desiredStatus()).isEqualTo(TaskStatus.RUNNING);
  }

  @Test
  void aKilledContainerStopsItsTaskAndTheServiceReplacementReceivesTraffic() throws Exception {
    EcsService service = threeTasksHealthy();
    Task victim =
        service.tasks().stream()
            .filter(t -> t.availabilityZone().equals("us-east-1c"))
            .findFirst()
            .orElseThrow();
    String victimId = containers.containerId(victim, "app");

    DockerClientFactory.instance().client().killContainerCmd(victimId).exec();

    // the exit reaches the twin from Docker in real time
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> victim.desiredStatus() == TaskStatus.STOPPED);
    assertThat(victim.stopCode()).isEqualTo(StopCode.EssentialContainerExited);
    assertThat(victim.stoppedReason()).isEqualTo("Essential container in task exited");
    assertThat(twin.timeline().eventsOf("task/" + victim.taskId()))
        .extracting(e -> e.message())
        .contains("container app exited with code 137");

    Duration virtual = Duration.ZERO;
    while ((service.runningCount() < 3 || healthyTargets() < 3)
        && virtual.compareTo(Duration.ofMinutes(5)) < 0) {
      twin.advance(Duration.ofSeconds(5));
      virtual = virtual.plusSeconds(5);
    }
    Map<String, Task> byIp = tasksByIp(service);
    assertThat(byIp).hasSize(3).doesNotContainKey(victim.privateIpv4Address());
    Task replacement =
        byIp.values().stream()
            .filter(t -> t.createdAt().isAfter(victim.createdAt()))
            .findFirst()
            .orElseThrow();
    assertThat(containers.containerId(replacement, "app")).isNotNull().isNotEqualTo(victimId);
    assertThat(containers.containersOnEngine()).doesNotContain(victimId);

    Set<String> targets = new LinkedHashSet<>();
    for (int i = 0; i < 30; i++) {
      Answer a = send("/health");
      assertThat(a.status()).isEqualTo(200);
      targets.add(a.target());
    }
    assertThat(targets)
        .contains(replacement.privateIpv4Address())
        .containsExactlyInAnyOrderElementsOf(byIp.keySet());
  }
}
