package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.ObjectNotFoundException;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.applicationautoscaling.model.ValidationException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

/** Conformance of {@code ApplicationAutoScalingClient} for ECS services. */
class ApplicationAutoScalingClientTest {

  private static final String SERVICE = "service/prod/api";

  private final CloudTwin twin = CloudTwin.builder().availabilityZones(2).seed(13).build();
  private final AwsSdkClients sdk = AwsSdkClients.of(twin);
  private final ApplicationAutoScalingClient aas = sdk.applicationAutoScaling();

  @BeforeEach
  void service() {
    var ecs = sdk.ecs();
    ecs.createCluster(r -> r.clusterName("prod"));
    String td =
        ecs.registerTaskDefinition(
                r ->
                    r.family("api")
                        .networkMode(NetworkMode.AWSVPC)
                        .requiresCompatibilities(Compatibility.FARGATE)
                        .cpu("256")
                        .memory("512")
                        .containerDefinitions(c -> c.name("app").image("api:1")))
            .taskDefinition()
            .taskDefinitionArn();
    ecs.createService(
        r ->
            r.cluster("prod")
                .serviceName("api")
                .taskDefinition(td)
                .desiredCount(1)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))));
  }

  @AfterEach
  void close() {
    twin.close();
  }

  private void register(int min, int max) {
    aas.registerScalableTarget(
        r ->
            r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(SERVICE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .minCapacity(min)
                .maxCapacity(max));
  }

  @Test
  void aRegisteredTargetIsDescribedAndMovesTheDesiredCountIntoItsLimits() {
    register(2, 6);

    var t =
        aas.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.ECS))
            .scalableTargets()
            .get(0);
    assertThat(t.resourceId()).isEqualTo(SERVICE);
    assertThat(t.minCapacity()).isEqualTo(2);
    assertThat(t.maxCapacity()).isEqualTo(6);
    assertThat(t.scalableDimension()).isEqualTo(ScalableDimension.ECS_SERVICE_DESIRED_COUNT);
    assertThat(t.creationTime()).isEqualTo(CloudTwin.DEFAULT_START);
    assertThat(t.suspendedState().dynamicScalingInSuspended()).isFalse();
    assertThat(
            sdk.ecs()
                .describeServices(r -> r.cluster("prod").services("api"))
                .services()
                .get(0)
                .desiredCount())
        .isEqualTo(2);
    assertThat(
            aas.describeScalingActivities(
                    r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(SERVICE))
                .scalingActivities())
        .isNotEmpty()
        .first()
        .satisfies(
            a -> {
              assertThat(a.description()).contains("desired count to 2");
              assertThat(a.activityId()).isNotBlank();
            });
  }

  @Test
  void minAboveMaxIsAValidationException() {
    assertThatThrownBy(() -> register(5, 2))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
              assertThat(e.getMessage())
                  .contains("Minimum capacity cannot be greater than maximum capacity");
            });
    assertThat(
            aas.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.ECS))
                .scalableTargets())
        .isEmpty();
  }

  @Test
  void targetTrackingPolicyCreatesItsAlarmsAndIsDescribedAndDeleted() {
    register(1, 4);
    var put =
        aas.putScalingPolicy(
            r ->
                r.policyName("cpu50")
                    .serviceNamespace(ServiceNamespace.ECS)
                    .resourceId(SERVICE)
                    .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                    .policyType(PolicyType.TARGET_TRACKING_SCALING)
                    .targetTrackingScalingPolicyConfiguration(
                        c ->
                            c.targetValue(50.0)
                                .predefinedMetricSpecification(
                                    m ->
                                        m.predefinedMetricType(
                                            MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION))));
    assertThat(put.policyARN())
        .startsWith("arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:");
    assertThat(put.alarms()).hasSize(2);
    assertThat(
            sdk.cloudWatch()
                .describeAlarms(r -> r.alarmNames(put.alarms().get(0).alarmName()))
                .metricAlarms())
        .hasSize(1);

    var policies =
        aas.describeScalingPolicies(r -> r.serviceNamespace(ServiceNamespace.ECS))
            .scalingPolicies();
    assertThat(policies)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.policyName()).isEqualTo("cpu50");
              assertThat(p.policyType()).isEqualTo(PolicyType.TARGET_TRACKING_SCALING);
              assertThat(p.targetTrackingScalingPolicyConfiguration().targetValue())
                  .isEqualTo(50.0);
              assertThat(p.targetTrackingScalingPolicyConfiguration().scaleOutCooldown())
                  .isEqualTo(300);
            });

    aas.deleteScalingPolicy(
        r ->
            r.policyName("cpu50")
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(SERVICE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT));
    assertThat(
            aas.describeScalingPolicies(r -> r.serviceNamespace(ServiceNamespace.ECS))
                .scalingPolicies())
        .isEmpty();
    assertThat(sdk.cloudWatch().describeAlarms().metricAlarms()).isEmpty();
  }

  @Test
  void anUnregisteredTargetIsObjectNotFound() {
    assertThatThrownBy(
            () ->
                aas.putScalingPolicy(
                    r ->
                        r.policyName("p")
                            .serviceNamespace(ServiceNamespace.ECS)
                            .resourceId(SERVICE)
                            .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                            .policyType(PolicyType.STEP_SCALING)
                            .stepScalingPolicyConfiguration(
                                c ->
                                    c.adjustmentType("ChangeInCapacity")
                                        .stepAdjustments(
                                            s ->
                                                s.metricIntervalLowerBound(0.0)
                                                    .scalingAdjustment(1)))))
        .isInstanceOfSatisfying(
            ObjectNotFoundException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ObjectNotFoundException");
              assertThat(e.getMessage())
                  .contains(
                      "No scalable target registered for service namespace: ecs, resource ID: "
                          + SERVICE);
            });
    assertThatThrownBy(
            () ->
                aas.deregisterScalableTarget(
                    r ->
                        r.serviceNamespace(ServiceNamespace.ECS)
                            .resourceId(SERVICE)
                            .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)))
        .isInstanceOf(ObjectNotFoundException.class);
  }

  @Test
  void otherNamespacesAreNotSimulated() {
    assertThatThrownBy(
            () -> aas.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("dynamodb");
  }
}
