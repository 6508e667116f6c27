package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;

/**
 * A group created in the twin without a launch template answers, through the SDK clients, a launch
 * template name that CreateLaunchTemplate accepts (3 to 128 characters of [a-zA-Z0-9().\-/_]: EC2
 * API reference, CreateLaunchTemplate, LaunchTemplateName,
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateLaunchTemplate.html), even when
 * the group's name is 255 characters with spaces, dots and slashes, as AutoScalingGroupName allows.
 */
class ImplicitLaunchTemplateNameClientTest {

  private static final String LEGAL = "[a-zA-Z0-9().\\-/_]{3,128}";

  private final CloudTwin twin = CloudTwin.builder().availabilityZones(2).seed(5).build();
  private final AwsSdkClients sdk = AwsSdkClients.of(twin);
  private final AutoScalingClient autoScaling = sdk.autoScaling();
  private final Ec2Client ec2 = sdk.ec2();

  @AfterEach
  void close() {
    twin.close();
  }

  private static String awkwardGroupName() {
    StringBuilder b = new StringBuilder("web tier v1.2/blue ");
    while (b.length() < 255) b.append("a.b/c d");
    b.setLength(255);
    return b.toString();
  }

  @Test
  void aGroupWithALongAwkwardNameDescribesALegalLaunchTemplateName() {
    String group = awkwardGroupName();
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName(group)
                .instanceType("t3.micro")
                .minSize(1)
                .maxSize(2)
                .availabilityZones("us-east-1a", "us-east-1b")
                .build());
    twin.advance(Duration.ofMinutes(2));

    AutoScalingGroup described =
        autoScaling
            .describeAutoScalingGroups(r -> r.autoScalingGroupNames(group))
            .autoScalingGroups()
            .get(0);
    assertThat(described.autoScalingGroupName()).hasSize(255);
    String name = described.launchTemplate().launchTemplateName();
    assertThat(name).matches(LEGAL).startsWith("lt-web_tier_v1.2/");
    assertThat(autoScaling.describeAutoScalingInstances().autoScalingInstances())
        .hasSize(1)
        .allSatisfy(i -> assertThat(i.launchTemplate().launchTemplateName()).isEqualTo(name));

    // the name is one CreateLaunchTemplate accepts (the twin checks AWS's constraints), and
    // DescribeLaunchTemplates answers it
    ec2.createLaunchTemplate(
        r ->
            r.launchTemplateName(name)
                .launchTemplateData(d -> d.instanceType(InstanceType.T3_MICRO)));
    assertThat(
            ec2.describeLaunchTemplates(r -> r.launchTemplateNames(name))
                .launchTemplates()
                .get(0)
                .launchTemplateName())
        .isEqualTo(name);
  }
}
