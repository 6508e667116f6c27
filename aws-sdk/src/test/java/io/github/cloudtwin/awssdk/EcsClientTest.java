package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Conformance of {@code EcsClient}: clusters, task definitions, services, tasks, and the waiters on
 * virtual time.
 */
class EcsClientTest {

  private final CloudTwin twin = CloudTwin.builder().availabilityZones(2).seed(11).build();
  private final AwsSdkClients sdk = AwsSdkClients.of(twin);
  private final EcsClient ecs = sdk.ecs();

  @AfterEach
  void close() {
    twin.close();
  }

  private String registerFargate(String family, String image) {
    return ecs.registerTaskDefinition(
            r ->
                r.family(family)
                    .networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilities(Compatibility.FARGATE)
                    .cpu("256")
                    .memory("512")
                    .containerDefinitions(
                        c ->
                            c.name("app")
                                .image(image)
                                .essential(true)
                                .portMappings(p -> p.containerPort(8080))))
        .taskDefinition()
        .taskDefinitionArn();
  }

  private Service createService(int desired) {
    ecs.createCluster(r -> r.clusterName("prod"));
    String td = registerFargate("api", "api:1");
    return ecs.createService(
            r ->
                r.cluster("prod")
                    .serviceName("api")
                    .taskDefinition(td)
                    .desiredCount(desired)
                    .launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))))
        .service();
  }

  private Service describe() {
    return ecs.describeServices(r -> r.cluster("prod").services("api")).services().get(0);
  }

  @Test
  void clustersAreCreatedIdempotentlyAndMissingOnesAreFailures() {
    var created = ecs.createCluster(r -> r.clusterName("prod")).cluster();
    assertThat(ecs.createCluster(r -> r.clusterName("prod")).cluster().clusterArn())
        .isEqualTo(created.clusterArn());
    assertThat(created.clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/prod");
    assertThat(created.status()).isEqualTo("ACTIVE");
    assertThat(created.registeredContainerInstancesCount()).isZero();

    var described = ecs.describeClusters(r -> r.clusters("prod", "nope"));
    assertThat(described.clusters()).extracting(c -> c.clusterName()).containsExactly("prod");
    assertThat(described.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.reason()).isEqualTo("MISSING");
              assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/nope");
            });
    assertThat(ecs.listClusters().clusterArns()).containsExactly(created.clusterArn());
  }

  @Test
  void taskDefinitionsCountRevisionsPerFamily() {
    String first = registerFargate("api", "api:1");
    String second = registerFargate("api", "api:2");
    assertThat(first).isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/api:1");
    assertThat(second).endsWith("task-definition/api:2");
    var td = ecs.describeTaskDefinition(r -> r.taskDefinition("api")).taskDefinition();
    assertThat(td.revision()).isEqualTo(2);
    assertThat(td.statusAsString()).isEqualTo("ACTIVE");
    assertThat(td.cpu()).isEqualTo("256");
    assertThat(td.containerDefinitions().get(0).image()).isEqualTo("api:2");
    assertThatThrownBy(() -> ecs.describeTaskDefinition(r -> r.taskDefinition("nope")))
        .isInstanceOfSatisfying(
            ClientException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ClientException"));
  }

  @Test
  void aServiceStartsItsTasksAndWaitUntilServicesStableWaitsOnVirtualTime() {
    Service created = createService(2);
    assertThat(created.serviceArn())
        .isEqualTo("arn:aws:ecs:us-east-1:123456789012:service/prod/api");
    assertThat(created.status()).isEqualTo("ACTIVE");
    assertThat(created.desiredCount()).isEqualTo(2);
    assertThat(created.deployments())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.status()).isEqualTo("PRIMARY");
              assertThat(d.rolloutStateAsString()).isEqualTo("IN_PROGRESS");
            });

    Instant before = twin.now();
    long wall = System.nanoTime();
    var stable = ecs.waiter().waitUntilServicesStable(r -> r.cluster("prod").services("api"));
    long wallMillis = (System.nanoTime() - wall) / 1_000_000;

    Service s = stable.matched().response().orElseThrow().services().get(0);
    assertThat(s.runningCount()).isEqualTo(2);
    assertThat(s.deployments()).hasSize(1);
    assertThat(twin.now()).isAfter(before);
    assertThat(Duration.between(before, twin.now()).toSeconds() % 15).isZero();
    assertThat(wallMillis).isLessThan(5_000);
    assertThat(s.events()).isNotEmpty();
    assertThat(s.events())
        .anySatisfy(
            e -> assertThat(e.message()).startsWith("(service api) has started 2 tasks: (task "));
    assertThat(s.events())
        .extracting(ServiceEvent::createdAt)
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void updateServiceStartsADeploymentThatTheWaiterSeesThrough() {
    createService(2);
    ecs.waiter().waitUntilServicesStable(r -> r.cluster("prod").services("api"));
    String v2 = registerFargate("api", "api:2");

    Service updated =
        ecs.updateService(r -> r.cluster("prod").service("api").taskDefinition(v2)).service();
    assertThat(updated.deployments())
        .extracting(Deployment::status)
        .containsExactly("PRIMARY", "ACTIVE");
    assertThat(updated.taskDefinition()).isEqualTo(v2);

    ecs.waiter().waitUntilServicesStable(r -> r.cluster("prod").services("api"));
    Service s = describe();
    assertThat(s.deployments())
        .singleElement()
        .satisfies(d -> assertThat(d.taskDefinition()).isEqualTo(v2));
    List<String> running = ecs.listTasks(r -> r.cluster("prod").serviceName("api")).taskArns();
    assertThat(ecs.describeTasks(r -> r.cluster("prod").tasks(running)).tasks())
        .hasSize(2)
        .allSatisfy(t -> assertThat(t.taskDefinitionArn()).isEqualTo(v2));
  }

  @Test
  void unknownClustersAndServicesAnswerAsEcsDoes() {
    assertThatThrownBy(() -> ecs.describeServices(r -> r.cluster("nope").services("api")))
        .isInstanceOfSatisfying(
            ClusterNotFoundException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ClusterNotFoundException");
              assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cluster not found.");
            });
    createService(1);
    assertThatThrownBy(
            () -> ecs.updateService(r -> r.cluster("prod").service("nope").desiredCount(3)))
        .isInstanceOfSatisfying(
            ServiceNotFoundException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Service not found."));
    assertThat(ecs.describeServices(r -> r.cluster("prod").services("api", "nope")).failures())
        .singleElement()
        .satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
    assertThatThrownBy(
            () -> ecs.updateService(r -> r.cluster("prod").service("api").desiredCount(-1)))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("desiredCount");
  }

  @Test
  void runTaskWaitsRunningAndStopTaskWaitsStopped() {
    ecs.createCluster(r -> r.clusterName("prod"));
    String td = registerFargate("job", "job:1");
    List<Task> tasks =
        ecs.runTask(
                r ->
                    r.cluster("prod")
                        .taskDefinition(td)
                        .count(2)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(
                            n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))))
            .tasks();
    assertThat(tasks)
        .hasSize(2)
        .allSatisfy(
            t -> {
              assertThat(t.taskArn()).startsWith("arn:aws:ecs:us-east-1:123456789012:task/prod/");
              assertThat(t.desiredStatus()).isEqualTo("RUNNING");
              assertThat(t.launchTypeAsString()).isEqualTo("FARGATE");
            });
    List<String> arns = tasks.stream().map(Task::taskArn).toList();

    ecs.waiter().waitUntilTasksRunning(r -> r.cluster("prod").tasks(arns));
    assertThat(ecs.describeTasks(r -> r.cluster("prod").tasks(arns)).tasks())
        .allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("RUNNING"));

    ecs.stopTask(r -> r.cluster("prod").task(arns.get(0)).reason("done"));
    ecs.waiter().waitUntilTasksStopped(r -> r.cluster("prod").tasks(arns.get(0)));
    Task stopped = ecs.describeTasks(r -> r.cluster("prod").tasks(arns.get(0))).tasks().get(0);
    assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
    assertThat(stopped.stoppedReason()).isEqualTo("done");
    assertThat(stopped.stopCodeAsString()).isEqualTo("UserInitiated");
    assertThat(ecs.listTasks(r -> r.cluster("prod").desiredStatus("STOPPED")).taskArns())
        .containsExactly(arns.get(0));
  }

  @Test
  void listServicesPagesWithNextToken() {
    ecs.createCluster(r -> r.clusterName("prod"));
    String td = registerFargate("api", "api:1");
    for (String n : List.of("a", "b", "c")) {
      ecs.createService(
          r ->
              r.cluster("prod")
                  .serviceName(n)
                  .taskDefinition(td)
                  .desiredCount(0)
                  .launchType(LaunchType.FARGATE)
                  .networkConfiguration(x -> x.awsvpcConfiguration(a -> a.subnets("subnet-1"))));
    }
    var first = ecs.listServices(r -> r.cluster("prod").maxResults(2));
    assertThat(first.serviceArns()).hasSize(2);
    assertThat(first.nextToken()).isNotNull();
    assertThat(ecs.listServicesPaginator(r -> r.cluster("prod").maxResults(2)).serviceArns())
        .hasSize(3);
  }

  @Test
  void deletingAServiceThatStillRunsTasksNeedsForce() {
    createService(1);
    assertThatThrownBy(() -> ecs.deleteService(r -> r.cluster("prod").service("api")))
        .isInstanceOf(InvalidParameterException.class);
    Service deleted =
        ecs.deleteService(r -> r.cluster("prod").service("api").force(true)).service();
    assertThat(deleted.serviceName()).isEqualTo("api");
    ecs.waiter().waitUntilServicesInactive(r -> r.cluster("prod").services("api"));
    assertThat(describe().status()).isEqualTo("INACTIVE");
  }

  @Test
  void aServiceOnFargateSpotRunsOnTheFargateProvidersAndAnInterruptedTaskIsDescribedAsAwsDoes() {
    // "AWS Fargate capacity providers": FARGATE and FARGATE_SPOT exist in every account and are
    // used once associated with the cluster
    ecs.createCluster(r -> r.clusterName("prod"));
    ecs.putClusterCapacityProviders(
        r -> r.cluster("prod").capacityProviders("FARGATE", "FARGATE_SPOT"));
    String td = registerFargate("api", "api:1");
    ecs.createService(
        r ->
            r.cluster("prod")
                .serviceName("api")
                .taskDefinition(td)
                .desiredCount(2)
                .capacityProviderStrategy(s -> s.capacityProvider("FARGATE_SPOT").weight(1))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))));
    twin.advance(Duration.ofMinutes(1));
    List<String> arns = ecs.listTasks(r -> r.cluster("prod")).taskArns();
    List<Task> tasks = ecs.describeTasks(r -> r.cluster("prod").tasks(arns)).tasks();
    assertThat(tasks)
        .hasSize(2)
        .allSatisfy(
            t -> {
              assertThat(t.capacityProviderName()).isEqualTo("FARGATE_SPOT");
              assertThat(t.lastStatus()).isEqualTo("RUNNING");
            });

    twin.faults().interruptFargateSpotTasks("prod", arns.get(0));
    twin.advance(Duration.ofSeconds(30));
    Task stopped = ecs.describeTasks(r -> r.cluster("prod").tasks(arns.get(0))).tasks().get(0);
    assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
    assertThat(stopped.stopCodeAsString()).isEqualTo("SpotInterruption");
    assertThat(stopped.stoppedReason()).isEqualTo("Your Spot Task was interrupted.");
    assertThat(describe().runningCount()).isEqualTo(2);
  }
}
