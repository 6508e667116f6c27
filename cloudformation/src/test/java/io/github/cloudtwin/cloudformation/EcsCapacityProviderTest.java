package io.github.cloudtwin.cloudformation;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.appautoscaling.AdjustmentType;
import io.github.cloudtwin.appautoscaling.PredefinedMetricType;
import io.github.cloudtwin.appautoscaling.ScalableTargetSpec;
import io.github.cloudtwin.appautoscaling.ScalingPolicy;
import io.github.cloudtwin.appautoscaling.StepAdjustment;
import io.github.cloudtwin.appautoscaling.StepScalingPolicySpec;
import io.github.cloudtwin.appautoscaling.TargetTrackingPolicySpec;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.ecs.CapacityProviderSpec;
import io.github.cloudtwin.ecs.CapacityProviderStrategyItem;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.DeploymentCircuitBreaker;
import io.github.cloudtwin.ecs.DeploymentConfiguration;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.LaunchType;
import io.github.cloudtwin.ecs.NetworkMode;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ECS on EC2: a capacity provider with managed scaling, service auto scaling on CPU and memory. */
class EcsCapacityProviderTest {

  static final String AMI = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";

  static Stack importEcs(CloudTwin twin) {
    return StackImport.of(Template.classpath("templates/ecs-capacity-provider.yaml"))
        .stackName("api")
        .ssmParameter(AMI, "ami-0ecs")
        .importInto(twin);
  }

  static void buildEcs(CloudTwin twin) {
    twin.ecs().createCluster("prod");
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("ecs-hosts")
                .launchTemplate("ecs-hosts", "1")
                .instanceType("m5.large")
                .detailedMonitoring(true)
                .minSize(1)
                .maxSize(10)
                .desiredCapacity(2)
                .availabilityZones("us-east-1a", "us-east-1b")
                .newInstancesProtectedFromScaleIn(true)
                .build());
    twin.ecs().linkAutoScalingGroup("prod", "ecs-hosts");
    twin.ecs()
        .createCapacityProvider(
            CapacityProviderSpec.of("hosts", "ecs-hosts").withManagedTerminationProtection(true));
    twin.ecs()
        .putClusterCapacityProviders(
            "prod", List.of("hosts"), List.of(CapacityProviderStrategyItem.of("hosts", 1)));
    twin.ecs()
        .registerTaskDefinition(
            TaskDefinitionSpec.builder("api")
                .cpu(1024)
                .memory(1024)
                .networkMode(NetworkMode.BRIDGE)
                .requiresCompatibilities(LaunchType.EC2)
                .container(
                    ContainerDefinition.builder("app", "api:3")
                        .essential(true)
                        .portMapping(8080)
                        .build())
                .build());
    twin.ecs()
        .createService(
            ServiceSpec.builder("prod", "api", "api:1")
                .desiredCount(4)
                .capacityProviderStrategy("hosts", 0, 1)
                .deploymentConfiguration(
                    new DeploymentConfiguration(100, 200, new DeploymentCircuitBreaker(true, true)))
                .build());
    twin.applicationAutoScaling()
        .registerScalableTarget(ScalableTargetSpec.ecsService("prod", "api", 2, 16));
    twin.applicationAutoScaling()
        .putScalingPolicy(
            TargetTrackingPolicySpec.predefined(
                    "cpu50",
                    "service/prod/api",
                    PredefinedMetricType.ECSServiceAverageCPUUtilization,
                    50)
                .withCooldowns(ofSeconds(60), ofSeconds(300)));
    ScalingPolicy memory =
        twin.applicationAutoScaling()
            .putScalingPolicy(
                StepScalingPolicySpec.of(
                        "memory-step",
                        "service/prod/api",
                        AdjustmentType.ChangeInCapacity,
                        StepAdjustment.of(0.0, null, 2))
                    .withCooldown(ofSeconds(120)));
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("api-memory-high")
                .metric(
                    MetricId.of(
                        "AWS/ECS",
                        "MemoryUtilization",
                        "ClusterName",
                        "prod",
                        "ServiceName",
                        "api"))
                .period(ofSeconds(60))
                .evaluationPeriods(3)
                .threshold(85)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .alarmActions(memory.alarmAction())
                .build());
  }

  /** Evening load from minute 5 (80 % of four tasks' CPU), night from minute 35. */
  static void eveningThenNight(CloudTwin twin) {
    for (int minute = 5; minute <= 90; minute += 5) {
      twin.advance(ofMinutes(5));
      if (minute == 5) twin.ecs().inProcessRuntime().setRequestRate("prod", "api", 4 * 1024 * 0.8);
      if (minute == 35) twin.ecs().inProcessRuntime().setRequestRate("prod", "api", 100);
    }
  }

  @Test
  void ecsStackBehavesExactlyLikeTheSameEstateBuiltWithBuilders() {
    CloudTwin twin =
        Estates.assertSameTimeline(
            t -> importEcs(t),
            EcsCapacityProviderTest::buildEcs,
            EcsCapacityProviderTest::eveningThenNight);
    EcsService api = twin.ecs().service("prod", "api");
    // tasks scaled out under the evening load and back in at night; instances followed
    assertThat(Estates.count(twin, "desired-capacity", "ECSManagedAutoScalingPolicy")).isPositive();
    assertThat(api.desiredCount()).isLessThan(8);
    assertThat(twin.applicationAutoScaling().describeScalingActivities("service/prod/api"))
        .hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void theEstateIsWiredAsTheTemplateSays() {
    CloudTwin twin = Estates.twin();
    Stack stack = importEcs(twin);
    twin.advance(ofMinutes(5));
    EcsService api = stack.resource("ApiService", EcsService.class);
    assertThat(api.runningCount()).isEqualTo(4);
    assertThat(stack.output("TaskDefinition"))
        .isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/api:1");
    assertThat(stack.output("ServiceArn")).isEqualTo(api.serviceArn());
    assertThat(twin.ecs().cluster("prod").registeredContainerInstancesCount()).isEqualTo(2);
    assertThat(stack.alarm("MemoryHighAlarm").spec().alarmActions()).hasSize(1);
    assertThat(stack.report().unmodelledProperties("ApiTask"))
        .containsExactly("Properties.ContainerDefinitions[0].LogConfiguration");
    assertThat(stack.report().unmodelledProperties("Cluster"))
        .containsExactly("Properties.ClusterSettings");
    assertThat(stack.report().unmodelledProperties("ApiScalableTarget"))
        .containsExactly("Properties.RoleARN");
    assertThat(stack.report().entries(ImportReport.Kind.NOTE))
        .anySatisfy(
            e ->
                assertThat(e.reason())
                    .contains("joins cluster prod (ECS_CLUSTER in the user data)"));
  }
}
