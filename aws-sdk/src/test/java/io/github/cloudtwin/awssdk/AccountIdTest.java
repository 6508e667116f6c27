package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.InstanceType;

/**
 * The clients answer with the twin's account id (configured in {@code
 * CloudTwin.builder().accountId}), never a constant.
 */
class AccountIdTest {

  private final CloudTwin twin = CloudTwin.builder().accountId("210987654321").build();
  private final AwsSdkClients sdk = AwsSdkClients.of(twin);

  @AfterEach
  void close() {
    twin.close();
  }

  @Test
  void arnsAndOwnerIdsCarryTheTwinsAccount() {
    assertThat(sdk.ecs().createCluster(r -> r.clusterName("prod")).cluster().clusterArn())
        .isEqualTo("arn:aws:ecs:us-east-1:210987654321:cluster/prod");
    var reservation =
        sdk.ec2().runInstances(r -> r.minCount(1).maxCount(1).instanceType(InstanceType.T3_MICRO));
    assertThat(reservation.ownerId()).isEqualTo("210987654321");
    assertThat(sdk.ec2().describeSubnets().subnets())
        .allSatisfy(
            s ->
                assertThat(s.subnetArn())
                    .startsWith("arn:aws:ec2:us-east-1:210987654321:subnet/")
                    .endsWith(s.subnetId()));
    sdk.cloudWatch()
        .putMetricAlarm(
            r ->
                r.alarmName("high")
                    .namespace("App")
                    .metricName("Load")
                    .statistic("Average")
                    .period(60)
                    .evaluationPeriods(1)
                    .threshold(1.0)
                    .comparisonOperator("GreaterThanThreshold"));
    assertThat(sdk.cloudWatch().describeAlarms().metricAlarms().get(0).alarmArn())
        .isEqualTo("arn:aws:cloudwatch:us-east-1:210987654321:alarm:high");
  }
}
