package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets a ValidationException naming the field, the value and what is allowed. */
class EcsValidationTest {

  private static ContainerDefinition.Builder app() {
    return ContainerDefinition.builder("app", "nginx").memory(256);
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        arguments(
            "task cpu no instance type registers",
            "cpu",
            "no instance type registers more",
            (Consumer<Ecs>)
                e ->
                    TaskDefinitionSpec.builder("x")
                        .cpu(200_000)
                        .memory(512)
                        .container(app().build())
                        .build()),
        arguments(
            "task memory no instance type registers",
            "memory",
            "no instance type registers more",
            (Consumer<Ecs>)
                e ->
                    TaskDefinitionSpec.builder("x")
                        .memory(900_000)
                        .container(app().build())
                        .build()),
        arguments(
            "task cpu below 128 on EC2",
            "cpu",
            "between 128",
            (Consumer<Ecs>)
                e ->
                    TaskDefinitionSpec.builder("x")
                        .cpu(64)
                        .memory(512)
                        .container(app().build())
                        .build()),
        arguments(
            "Fargate size that does not exist",
            "memory",
            "No Fargate configuration exists for given values: 256 CPU, 4096 memory.",
            (Consumer<Ecs>)
                e ->
                    TaskDefinitionSpec.builder("x")
                        .requiresCompatibilities(LaunchType.FARGATE)
                        .networkMode(NetworkMode.AWSVPC)
                        .cpu(256)
                        .memory(4096)
                        .container(app().build())
                        .build()),
        arguments(
            "Fargate 4096 CPU above 30 GB",
            "memory",
            "No Fargate configuration exists",
            (Consumer<Ecs>)
                e ->
                    TaskDefinitionSpec.builder("x")
                        .requiresCompatibilities(LaunchType.FARGATE)
                        .networkMode(NetworkMode.AWSVPC)
                        .cpu(4096)
                        .memory(32768)
                        .container(app().build())
                        .build()),
        arguments(
            "Fargate without awsvpc",
            "networkMode",
            "awsvpc",
            (Consumer<Ecs>)
                e ->
                    TaskDefinitionSpec.builder("x")
                        .requiresCompatibilities(LaunchType.FARGATE)
                        .cpu(256)
                        .memory(512)
                        .container(app().build())
                        .build()),
        arguments(
            "no memory anywhere",
            "containerDefinitions.memory",
            "At least one of 'memory' or 'memoryReservation' must be specified.",
            (Consumer<Ecs>)
                e ->
                    TaskDefinitionSpec.builder("x")
                        .container(ContainerDefinition.builder("app", "nginx").build())
                        .build()),
        arguments(
            "soft limit above hard limit",
            "containerDefinitions.memoryReservation",
            "must be greater than or equal to the value for 'memoryReservation'",
            (Consumer<Ecs>)
                e ->
                    ContainerDefinition.builder("app", "nginx")
                        .memory(256)
                        .memoryReservation(512)
                        .build()),
        arguments(
            "no essential container",
            "containerDefinitions.essential",
            "at least one essential container",
            (Consumer<Ecs>)
                e ->
                    TaskDefinitionSpec.builder("x")
                        .container(app().essential(false).build())
                        .build()),
        arguments(
            "duplicate container names",
            "containerDefinitions.name",
            "unique container names",
            (Consumer<Ecs>)
                e ->
                    TaskDefinitionSpec.builder("x")
                        .container(app().build())
                        .container(app().build())
                        .build()),
        arguments(
            "host port differing in host mode",
            "portMappings.hostPort",
            "0 or the container port",
            (Consumer<Ecs>)
                e ->
                    TaskDefinitionSpec.builder("x")
                        .networkMode(NetworkMode.HOST)
                        .container(app().portMapping(80, 8080).build())
                        .build()),
        arguments(
            "health check interval too short",
            "healthCheck.interval",
            "between 5 and 300",
            (Consumer<Ecs>) e -> HealthCheck.of("CMD", "true").withInterval(Duration.ofSeconds(3))),
        arguments(
            "unknown task definition",
            "taskDefinition",
            "Unable to describe task definition.",
            (Consumer<Ecs>)
                e -> e.createService(ServiceSpec.builder("prod", "web3", "nope").build())),
        arguments(
            "unknown revision",
            "taskDefinition",
            "Unable to describe task definition.",
            (Consumer<Ecs>) e -> e.runTask("prod", "web:9", 1, LaunchType.EC2)),
        arguments(
            "unknown cluster",
            "cluster",
            "Cluster not found.",
            (Consumer<Ecs>)
                e -> e.createService(ServiceSpec.builder("nope", "web", "web").build())),
        arguments(
            "unknown service",
            "service",
            "Service not found.",
            (Consumer<Ecs>)
                e ->
                    e.updateService(ServiceUpdate.builder("prod", "nope").desiredCount(1).build())),
        arguments(
            "expression with no value",
            "placementConstraint.expression",
            "expected a value",
            (Consumer<Ecs>) e -> PlacementConstraint.memberOf("attribute:ecs.instance-type =~")),
        arguments(
            "expression with an unknown subject",
            "placementConstraint.expression",
            "a subject",
            (Consumer<Ecs>) e -> PlacementConstraint.memberOf("instanceType == t3.micro")),
        arguments(
            "in without a list",
            "placementConstraint.expression",
            "a list such as",
            (Consumer<Ecs>)
                e -> PlacementConstraint.memberOf("attribute:ecs.availability-zone in us-east-1a")),
        arguments(
            "unclosed parenthesis",
            "placementConstraint.expression",
            "')'",
            (Consumer<Ecs>)
                e -> PlacementConstraint.memberOf("(attribute:a == b and attribute:c == d")),
        arguments(
            "unknown operator",
            "placementConstraint.expression",
            "expected a value, found '='",
            (Consumer<Ecs>) e -> PlacementConstraint.memberOf("attribute:a === b")),
        arguments(
            "trailing words",
            "placementConstraint.expression",
            "end of expression",
            (Consumer<Ecs>) e -> PlacementConstraint.memberOf("attribute:a == b c")),
        arguments(
            "spread on an unknown field",
            "placementStrategy.field",
            "instanceId, host or attribute",
            (Consumer<Ecs>) e -> PlacementStrategy.spread("zone")),
        arguments(
            "binpack on disk",
            "placementStrategy.field",
            "must be one of [cpu, memory]",
            (Consumer<Ecs>) e -> PlacementStrategy.binpack("disk")),
        arguments(
            "desired count below zero",
            "desiredCount",
            "The desiredCount value must be 0 or greater.",
            (Consumer<Ecs>)
                e -> ServiceSpec.builder("prod", "web", "web").desiredCount(-1).build()),
        arguments(
            "desired count below zero on update",
            "desiredCount",
            "The desiredCount value must be 0 or greater.",
            (Consumer<Ecs>) e -> ServiceUpdate.builder("prod", "web").desiredCount(-1).build()),
        arguments(
            "desired count below zero from auto scaling",
            "desiredCount",
            "must be 0 or greater",
            (Consumer<Ecs>) e -> e.setDesiredCount("prod", "web", -2, "x")),
        arguments(
            "minimumHealthyPercent above 100",
            "deploymentConfiguration.minimumHealthyPercent",
            "between 0 and 100",
            (Consumer<Ecs>) e -> DeploymentConfiguration.of(101, 200)),
        arguments(
            "DAEMON with maximumPercent 200",
            "deploymentConfiguration.maximumPercent",
            "100 for DAEMON",
            (Consumer<Ecs>)
                e ->
                    ServiceSpec.builder("prod", "d", "web")
                        .schedulingStrategy(SchedulingStrategy.DAEMON)
                        .deploymentConfiguration(0, 200)
                        .build()),
        arguments(
            "launch type and provider strategy",
            "launchType",
            "not both",
            (Consumer<Ecs>)
                e ->
                    ServiceSpec.builder("prod", "web", "web")
                        .launchType(LaunchType.EC2)
                        .capacityProviderStrategy("cp", 0, 1)
                        .build()),
        arguments(
            "two bases in a strategy",
            "capacityProviderStrategy.base",
            "only one item may set a base",
            (Consumer<Ecs>)
                e ->
                    ServiceSpec.builder("prod", "web", "web")
                        .capacityProviderStrategy("a", 1, 1)
                        .capacityProviderStrategy("b", 2, 1)
                        .build()),
        arguments(
            "all weights zero",
            "capacityProviderStrategy.weight",
            "at least one provider with a weight above 0",
            (Consumer<Ecs>)
                e ->
                    ServiceSpec.builder("prod", "web", "web")
                        .capacityProviderStrategy("a", 1, 0)
                        .build()),
        arguments(
            "provider not in the cluster",
            "capacityProviderStrategy.capacityProvider",
            "associated with cluster prod",
            (Consumer<Ecs>)
                e ->
                    e.createService(
                        ServiceSpec.builder("prod", "web2", "web")
                            .capacityProviderStrategy("cp", 0, 1)
                            .build())),
        arguments(
            "Fargate service of an EC2-only task definition",
            "launchType",
            "Task definition does not support launch_type FARGATE.",
            (Consumer<Ecs>)
                e ->
                    e.createService(
                        ServiceSpec.builder("prod", "web2", "web")
                            .launchType(LaunchType.FARGATE)
                            .build())),
        arguments(
            "load balancer on a port the container does not map",
            "loadBalancers.containerPort",
            "a port mapped by container app",
            (Consumer<Ecs>)
                e ->
                    e.createService(
                        ServiceSpec.builder("prod", "web2", "web")
                            .loadBalancer("tg", "app", 8080)
                            .build())),
        arguments(
            "duplicate service name",
            "serviceName",
            "Creation of service was not idempotent.",
            (Consumer<Ecs>)
                e -> e.createService(ServiceSpec.builder("prod", "web", "web").build())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void isRejectedNamingTheField(
      String description, String field, String message, Consumer<Ecs> call) {
    EcsFixture f = new EcsFixture();
    f.instances("t3.medium", "a");
    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .container(
                ContainerDefinition.builder("app", "nginx")
                    .cpu(128)
                    .memory(128)
                    .portMapping(80)
                    .build())
            .build());
    f.ecs.createService(ServiceSpec.builder("prod", "web", "web").desiredCount(1).build());
    int events = f.twin.timeline().size();
    assertThatThrownBy(() -> call.accept(f.ecs))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(message)
        .satisfies(ex -> assertThat(((ValidationException) ex).field()).isEqualTo(field));
    assertThat(f.twin.timeline().size()).as("a rejected call leaves no trace").isEqualTo(events);
    assertThat(f.ecs.cluster("prod").services()).hasSize(1);
  }

  @Test
  void expressionsInTheDocumentedFormsParse() {
    PlacementConstraint.memberOf("attribute:ecs.instance-type =~ t3.*");
    PlacementConstraint.memberOf("attribute:ecs.availability-zone in [us-east-1a, us-east-1b]");
    PlacementConstraint.memberOf(
        "attribute:ecs.instance-type == m5.large or attribute:ecs.instance-type != t3.micro");
    PlacementConstraint.memberOf("not (attribute:stack == prod) && attribute:team exists");
    PlacementConstraint.memberOf("runningTasksCount < 5 and agentConnected == true");
  }
}
