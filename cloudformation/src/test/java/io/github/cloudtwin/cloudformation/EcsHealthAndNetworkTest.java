package io.github.cloudtwin.cloudformation;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ecs.AwsvpcConfiguration;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.HealthCheck;
import io.github.cloudtwin.ecs.HealthStatus;
import io.github.cloudtwin.ecs.LaunchType;
import io.github.cloudtwin.ecs.NetworkMode;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.Task;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.ecs.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A Fargate service in two subnets with a container health check: both are simulated. */
class EcsHealthAndNetworkTest {

  private static final String TEMPLATE =
      """
      Resources:
        Vpc:
          Type: AWS::EC2::VPC
          Properties: {CidrBlock: 10.40.0.0/16}
        SubnetA:
          Type: AWS::EC2::Subnet
          Properties: {VpcId: !Ref Vpc, CidrBlock: 10.40.0.0/20, AvailabilityZone: us-east-1a}
        SubnetB:
          Type: AWS::EC2::Subnet
          Properties: {VpcId: !Ref Vpc, CidrBlock: 10.40.16.0/20, AvailabilityZone: us-east-1b}
        Cluster:
          Type: AWS::ECS::Cluster
          Properties: {ClusterName: apps}
        ApiTask:
          Type: AWS::ECS::TaskDefinition
          Properties:
            Family: api
            Cpu: "256"
            Memory: "512"
            NetworkMode: awsvpc
            RequiresCompatibilities: [FARGATE]
            ContainerDefinitions:
              - Name: app
                Image: public.ecr.aws/nginx/nginx:1.27
                PortMappings: [{ContainerPort: 80}]
                HealthCheck:
                  Command: [CMD-SHELL, "curl -f http://localhost/health || exit 1"]
                  Interval: %s
                  Retries: 2
                  StartPeriod: 20
        ApiService:
          Type: AWS::ECS::Service
          Properties:
            Cluster: !Ref Cluster
            ServiceName: api
            LaunchType: FARGATE
            DesiredCount: 4
            TaskDefinition: !Ref ApiTask
            NetworkConfiguration:
              AwsvpcConfiguration:
                AssignPublicIp: %s
                Subnets: [!Ref SubnetA, !Ref SubnetB]
                SecurityGroups: [sg-0123456789abcdef0]
      """;

  private static Stack importApi(CloudTwin twin, int interval, String assignPublicIp) {
    return StackImport.of(Template.parse("api.yaml", TEMPLATE.formatted(interval, assignPublicIp)))
        .stackName("api")
        .importInto(twin);
  }

  private static void buildApi(CloudTwin twin) {
    twin.ecs().createCluster("apps");
    twin.ecs()
        .registerTaskDefinition(
            TaskDefinitionSpec.builder("api")
                .cpu(256)
                .memory(512)
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(LaunchType.FARGATE)
                .container(
                    ContainerDefinition.builder("app", "public.ecr.aws/nginx/nginx:1.27")
                        .portMapping(80)
                        .healthCheck(
                            new HealthCheck(
                                List.of("CMD-SHELL", "curl -f http://localhost/health || exit 1"),
                                Duration.ofSeconds(10),
                                Duration.ofSeconds(5),
                                2,
                                Duration.ofSeconds(20)))
                        .build())
                .build());
    twin.ecs()
        .createService(
            ServiceSpec.builder("apps", "api", "api:1")
                .launchType(LaunchType.FARGATE)
                .desiredCount(4)
                .networkConfiguration(
                    AwsvpcConfiguration.zones("us-east-1a", "us-east-1b").withAssignPublicIp(true))
                .build());
  }

  /** One task starts failing its container health check. */
  private static void story(CloudTwin twin) {
    twin.advance(ofMinutes(1));
    Task sick = twin.ecs().service("apps", "api").tasks().get(0);
    twin.ecs().inProcessRuntime().failHealthChecks(sick.taskId(), true);
    twin.advance(ofMinutes(2));
  }

  private static Map<String, Integer> perZone(EcsService s) {
    Map<String, Integer> m = new TreeMap<>();
    for (Task t : s.tasks())
      if (t.desiredStatus() == TaskStatus.RUNNING) m.merge(t.availabilityZone(), 1, Integer::sum);
    return m;
  }

  @Test
  void theImportedServiceBehavesExactlyLikeTheSameServiceBuiltWithBuilders() {
    CloudTwin twin =
        Estates.assertSameTimeline(
            t -> importApi(t, 10, "ENABLED"),
            EcsHealthAndNetworkTest::buildApi,
            EcsHealthAndNetworkTest::story);
    EcsService api = twin.ecs().service("apps", "api");
    assertThat(api.eventMessages())
        .anySatisfy(m -> assertThat(m).endsWith("failed container health checks."));
    assertThat(api.runningCount()).isEqualTo(4);
  }

  @Test
  void theTasksRunOnlyInTheSubnetsZonesAndAreHealthyByTheirContainerCheck() {
    CloudTwin twin = Estates.twin();
    Stack stack = importApi(twin, 10, "ENABLED");
    EcsService api = stack.resource("ApiService", EcsService.class);
    twin.advance(ofMinutes(1));
    assertThat(perZone(api)).isEqualTo(Map.of("us-east-1a", 2, "us-east-1b", 2));
    assertThat(api.tasks())
        .allSatisfy(t -> assertThat(t.healthStatus()).isEqualTo(HealthStatus.HEALTHY));
    assertThat(stack.report().unmodelledProperties("ApiService"))
        .containsExactly("Properties.NetworkConfiguration.AwsvpcConfiguration.SecurityGroups");
    assertThat(stack.report().unmodelledProperties("ApiTask")).isEmpty();
  }

  @Test
  void anUnhealthyTaskIsReplacedAfterItsRetriesAtItsInterval() {
    CloudTwin twin = Estates.twin();
    EcsService api = importApi(twin, 10, "DISABLED").resource("ApiService", EcsService.class);
    twin.advance(ofMinutes(1));
    Task sick = api.tasks().get(0);
    twin.ecs().inProcessRuntime().failHealthChecks(sick.taskId(), true);
    twin.advance(ofSeconds(25)); // two failed checks 10 s apart
    assertThat(sick.healthStatus()).isEqualTo(HealthStatus.UNHEALTHY);
    assertThat(sick.stoppedReason()).isEqualTo("Task failed container health checks");
    twin.advance(ofMinutes(1));
    assertThat(api.runningCount()).isEqualTo(4);
  }

  @Test
  void aHealthCheckIntervalOutsideFiveTo300SecondsFailsTheImportOnItsPath() {
    CloudTwin twin = Estates.twin();
    assertThatThrownBy(() -> importApi(twin, 3, "DISABLED"))
        .isInstanceOfSatisfying(
            TemplateValidationException.class,
            e -> {
              assertThat(e.logicalId()).isEqualTo("ApiTask");
              assertThat(e.property())
                  .isEqualTo("Properties.ContainerDefinitions[0].HealthCheck.Interval");
              assertThat(e.getMessage()).contains("between 5 and 300");
            });
    assertThat(twin.ecs().clusters()).isEmpty();
  }

  @Test
  void anAssignPublicIpOtherThanEnabledOrDisabledFailsTheImport() {
    assertThatThrownBy(() -> importApi(Estates.twin(), 10, "YES"))
        .isInstanceOfSatisfying(
            TemplateValidationException.class,
            e -> {
              assertThat(e.property())
                  .isEqualTo("Properties.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp");
              assertThat(e.getMessage()).contains("ENABLED").contains("DISABLED");
            });
  }
}
