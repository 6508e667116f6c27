package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.PutScalingPolicyResponse;
import software.amazon.awssdk.services.autoscaling.model.TargetTrackingMetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * Target tracking on metric math through {@code AutoScalingClient}:
 * CustomizedMetricSpecification.Metrics.
 */
class AutoScalingMetricMathClientTest {

  private final CloudTwin twin = CloudTwin.builder().availabilityZones(2).seed(7).build();
  private final AwsSdkClients sdk = AwsSdkClients.of(twin);
  private final AutoScalingClient autoScaling = sdk.autoScaling();

  @AfterEach
  void close() {
    twin.close();
  }

  private static TargetTrackingMetricDataQuery stat(
      String id, String namespace, String metric, String stat) {
    return TargetTrackingMetricDataQuery.builder()
        .id(id)
        .returnData(false)
        .metricStat(s -> s.stat(stat).metric(m -> m.namespace(namespace).metricName(metric)))
        .build();
  }

  @Test
  void aBacklogPerInstancePolicyIsPutWithMathAlarmsAndDescribedWithItsMetrics() {
    sdk.launchTemplates().create("web-lt", "t3.micro");
    autoScaling.createAutoScalingGroup(
        r ->
            r.autoScalingGroupName("web")
                .launchTemplate(lt -> lt.launchTemplateName("web-lt"))
                .minSize(1)
                .maxSize(4)
                .desiredCapacity(1)
                .availabilityZones("us-east-1a", "us-east-1b"));
    PutScalingPolicyResponse put =
        autoScaling.putScalingPolicy(
            r ->
                r.autoScalingGroupName("web")
                    .policyName("backlog")
                    .policyType("TargetTrackingScaling")
                    .targetTrackingConfiguration(
                        c ->
                            c.targetValue(100.0)
                                .customizedMetricSpecification(
                                    m ->
                                        m.metrics(
                                            stat("m1", "Shop", "Backlog", "Sum"),
                                            stat("m2", "Shop", "Instances", "Average"),
                                            TargetTrackingMetricDataQuery.builder()
                                                .id("e1")
                                                .expression("m1 / m2")
                                                .label("Backlog per instance")
                                                .returnData(true)
                                                .build()))));
    assertThat(put.alarms()).hasSize(2);
    MetricAlarm high =
        sdk.cloudWatch()
            .describeAlarms(r -> r.alarmNames(put.alarms().get(0).alarmName()))
            .metricAlarms()
            .get(0);
    assertThat(high.metricName()).isNull();
    assertThat(high.metrics()).extracting(q -> q.id()).containsExactly("m1", "m2", "e1");
    assertThat(high.metrics().get(0).metricStat().period()).isEqualTo(60);
    var described =
        autoScaling
            .describePolicies(r -> r.autoScalingGroupName("web"))
            .scalingPolicies()
            .get(0)
            .targetTrackingConfiguration()
            .customizedMetricSpecification();
    assertThat(described.metricName()).isNull();
    assertThat(described.metrics())
        .extracting(TargetTrackingMetricDataQuery::id)
        .containsExactly("m1", "m2", "e1");
    assertThat(described.metrics().get(2).expression()).isEqualTo("m1 / m2");
  }

  @Test
  void metricsThatDoNotReturnExactlyOneSeriesAreRefused() {
    sdk.launchTemplates().create("web-lt", "t3.micro");
    autoScaling.createAutoScalingGroup(
        r ->
            r.autoScalingGroupName("web")
                .launchTemplate(lt -> lt.launchTemplateName("web-lt"))
                .minSize(1)
                .maxSize(4)
                .desiredCapacity(1)
                .availabilityZones("us-east-1a"));
    assertThatThrownBy(
            () ->
                autoScaling.putScalingPolicy(
                    r ->
                        r.autoScalingGroupName("web")
                            .policyName("backlog")
                            .policyType("TargetTrackingScaling")
                            .targetTrackingConfiguration(
                                c ->
                                    c.targetValue(100.0)
                                        .customizedMetricSpecification(
                                            m ->
                                                m.metrics(
                                                    stat("m1", "Shop", "Backlog", "Sum"),
                                                    TargetTrackingMetricDataQuery.builder()
                                                        .id("e1")
                                                        .expression("m1 / m9")
                                                        .returnData(true)
                                                        .build())))))
        .isInstanceOf(AutoScalingException.class)
        .hasMessageContaining("unknown id 'm9'");
    assertThat(autoScaling.describePolicies(r -> r.autoScalingGroupName("web")).scalingPolicies())
        .isEmpty();
  }
}
