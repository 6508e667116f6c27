package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceSpec;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterContainsContainerInstancesException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsServicesException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsTasksException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.StartTaskResponse;

/** Conformance of {@code DeleteCluster} and {@code StartTask}. */
class EcsDeleteClusterAndStartTaskTest {

  private final CloudTwin twin = CloudTwin.builder().availabilityZones(2).seed(9).build();
  private final EcsClient ecs = AwsSdkClients.of(twin).ecs();

  @AfterEach
  void close() {
    twin.close();
  }

  private String containerInstance() {
    String id =
        twin.ec2()
            .runInstance(
                InstanceSpec.builder()
                    .instanceType("t3.micro")
                    .availabilityZone("us-east-1a")
                    .build())
            .instanceId();
    twin.advance(Duration.ofMinutes(1));
    return twin.ecs().registerContainerInstance("prod", id).containerInstanceArn();
  }

  private String registerBridge(int memory) {
    return ecs.registerTaskDefinition(
            r ->
                r.family("worker")
                    .networkMode(NetworkMode.BRIDGE)
                    .requiresCompatibilities(Compatibility.EC2)
                    .containerDefinitions(
                        c ->
                            c.name("app")
                                .image("worker:1")
                                .essential(true)
                                .cpu(256)
                                .memory(memory)))
        .taskDefinition()
        .taskDefinitionArn();
  }

  @Test
  void startTaskPlacesOneTaskOnEachNamedInstanceAndListsTheOnesThatDoNotFit() {
    ecs.createCluster(r -> r.clusterName("prod"));
    String ci = containerInstance();
    String td = registerBridge(700);

    StartTaskResponse first =
        ecs.startTask(r -> r.cluster("prod").taskDefinition(td).containerInstances(ci));
    assertThat(first.failures()).isEmpty();
    assertThat(first.tasks())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.containerInstanceArn()).isEqualTo(ci);
              assertThat(t.taskDefinitionArn()).isEqualTo(td);
              assertThat(t.launchTypeAsString()).isEqualTo("EC2");
              assertThat(t.group()).isEqualTo("family:worker");
              assertThat(t.lastStatus()).isEqualTo("PENDING"); // bridge mode: no ENI to provision
            });
    StartTaskResponse second =
        ecs.startTask(r -> r.cluster("prod").taskDefinition(td).containerInstances(ci));
    assertThat(second.tasks()).isEmpty();
    assertThat(second.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.arn()).isEqualTo(ci);
              assertThat(f.reason()).isEqualTo("RESOURCE:MEMORY");
            });
    assertThat(
            ecs.waiter()
                .waitUntilTasksRunning(r -> r.cluster("prod").tasks(first.tasks().get(0).taskArn()))
                .matched()
                .response())
        .isPresent();

    assertThatThrownBy(() -> ecs.startTask(r -> r.cluster("prod").taskDefinition(td)))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(
            () ->
                ecs.startTask(r -> r.cluster("prod").taskDefinition(td).containerInstances("nope")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("container instance");
    assertThatThrownBy(
            () -> ecs.startTask(r -> r.cluster("nope").taskDefinition(td).containerInstances(ci)))
        .isInstanceOf(ClusterNotFoundException.class);
  }

  @Test
  void deleteClusterRefusesWhatAwsRefusesThenAnswersTheClusterInactive() {
    ecs.createCluster(r -> r.clusterName("prod"));
    String ci = containerInstance();
    assertThatThrownBy(() -> ecs.deleteCluster(r -> r.cluster("prod")))
        .isInstanceOf(ClusterContainsContainerInstancesException.class)
        .satisfies(
            e ->
                assertThat(((ClusterContainsContainerInstancesException) e).statusCode())
                    .isEqualTo(400));
    ecs.deregisterContainerInstance(r -> r.cluster("prod").containerInstance(ci).force(true));

    String fargate =
        ecs.registerTaskDefinition(
                r ->
                    r.family("api")
                        .networkMode(NetworkMode.AWSVPC)
                        .requiresCompatibilities(Compatibility.FARGATE)
                        .cpu("256")
                        .memory("512")
                        .containerDefinitions(c -> c.name("app").image("api:1").essential(true)))
            .taskDefinition()
            .taskDefinitionArn();
    ecs.createService(
        r ->
            r.cluster("prod")
                .serviceName("api")
                .taskDefinition(fargate)
                .desiredCount(0)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))));
    assertThatThrownBy(() -> ecs.deleteCluster(r -> r.cluster("prod")))
        .isInstanceOf(ClusterContainsServicesException.class);
    ecs.deleteService(r -> r.cluster("prod").service("api"));
    ecs.waiter()
        .waitUntilServicesInactive(
            r -> r.cluster("prod").services("api")); // DRAINING counts as a service

    String task =
        ecs.runTask(
                r ->
                    r.cluster("prod")
                        .taskDefinition(fargate)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(
                            n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))))
            .tasks()
            .get(0)
            .taskArn();
    assertThatThrownBy(() -> ecs.deleteCluster(r -> r.cluster("prod")))
        .isInstanceOf(ClusterContainsTasksException.class);
    ecs.stopTask(r -> r.cluster("prod").task(task));
    ecs.waiter().waitUntilTasksStopped(r -> r.cluster("prod").tasks(task));

    var deleted = ecs.deleteCluster(r -> r.cluster("prod")).cluster();
    assertThat(deleted.clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/prod");
    assertThat(deleted.status()).isEqualTo("INACTIVE");
    assertThat(ecs.listClusters().clusterArns()).isEmpty();
    assertThat(ecs.describeClusters(r -> r.clusters("prod")).clusters())
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo("INACTIVE"));
    assertThatThrownBy(() -> ecs.deleteCluster(r -> r.cluster("prod")))
        .isInstanceOf(ClusterNotFoundException.class);
    assertThat(ecs.createCluster(r -> r.clusterName("prod")).cluster().status())
        .isEqualTo("ACTIVE");
  }
}
