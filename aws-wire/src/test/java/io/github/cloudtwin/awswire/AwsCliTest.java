package io.github.cloudtwin.awswire;

import static io.github.cloudtwin.awswire.ExternalTools.aws;
import static io.github.cloudtwin.awswire.ExternalTools.control;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cloudtwin.CloudTwin;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AWS CLI that comes with the machine's Python (botocore speaks awsQuery to Auto Scaling, the
 * EC2 protocol to EC2 and awsJson 1.0 to CloudWatch) drives the twin through the loopback endpoint,
 * and the control API advances virtual time and injects load. Skipped, saying why, when {@code aws}
 * is not on the PATH.
 */
class AwsCliTest {

  private final CloudTwin twin = CloudTwin.builder().availabilityZones(3).seed(5).build();
  private final LoopbackEndpoint endpoint = AwsWire.of(twin).startEndpoint();

  @BeforeAll
  static void needsTheCli() {
    String why = ExternalTools.unavailable("aws", "--version");
    assumeTrue(why == null, () -> "the AWS CLI is not available: " + why);
  }

  @AfterEach
  void close() {
    twin.close();
  }

  @Test
  void theCliCreatesAGroupAndAnAlarmAndReadsTheAlarmStateAfterAnAdvance() throws Exception {
    var uri = endpoint.uri();
    aws(
        uri,
        "ec2",
        "create-launch-template",
        "--launch-template-name",
        "web",
        "--launch-template-data",
        "{\"InstanceType\":\"c5.large\"}");
    aws(
        uri,
        "autoscaling",
        "create-auto-scaling-group",
        "--auto-scaling-group-name",
        "web",
        "--launch-template",
        "LaunchTemplateName=web",
        "--min-size",
        "2",
        "--max-size",
        "6",
        "--desired-capacity",
        "2",
        "--availability-zones",
        "us-east-1a",
        "us-east-1b");
    aws(
        uri,
        "cloudwatch",
        "put-metric-alarm",
        "--alarm-name",
        "cpu-high",
        "--namespace",
        "AWS/EC2",
        "--metric-name",
        "CPUUtilization",
        "--dimensions",
        "Name=AutoScalingGroupName,Value=web",
        "--statistic",
        "Average",
        "--period",
        "300",
        "--evaluation-periods",
        "1",
        "--threshold",
        "50",
        "--comparison-operator",
        "GreaterThanThreshold");
    assertThat(
            aws(
                uri,
                "cloudwatch",
                "describe-alarms",
                "--alarm-names",
                "cpu-high",
                "--query",
                "MetricAlarms[0].[StateValue,Threshold,Period]",
                "--output",
                "text"))
        .isEqualTo("INSUFFICIENT_DATA\t50.0\t300");

    assertThat(
            control(
                uri,
                "POST",
                "/_cloudtwin/inject-metric?metric=CPUUtilization&group=web&value=90&minutes=60"))
        .contains("\"value\":90.0");
    assertThat(control(uri, "POST", "/_cloudtwin/advance?seconds=900"))
        .contains("\"elapsedSeconds\":900");

    assertThat(
            aws(
                uri,
                "autoscaling",
                "describe-auto-scaling-groups",
                "--auto-scaling-group-names",
                "web",
                "--query",
                "AutoScalingGroups[0].Instances[].LifecycleState",
                "--output",
                "text"))
        .isEqualTo("InService\tInService");
    assertThat(
            aws(
                uri,
                "cloudwatch",
                "describe-alarms",
                "--alarm-names",
                "cpu-high",
                "--query",
                "MetricAlarms[0].StateValue",
                "--output",
                "text"))
        .isEqualTo("ALARM");
    assertThat(twin.cloudWatch().alarm("cpu-high").state().name()).isEqualTo("ALARM");

    List<String> again =
        new ArrayList<>(
            List.of(
                "aws",
                "--endpoint-url",
                uri.toString(),
                "autoscaling",
                "create-auto-scaling-group",
                "--auto-scaling-group-name",
                "web",
                "--launch-template",
                "LaunchTemplateName=web",
                "--min-size",
                "1",
                "--max-size",
                "2",
                "--availability-zones",
                "us-east-1a"));
    ExternalTools.Run duplicate = ExternalTools.run(ExternalTools.awsEnvironment(), again);
    assertThat(duplicate.exit()).isNotZero();
    assertThat(duplicate.err()).contains("AlreadyExists").contains("CreateAutoScalingGroup");
  }
}
