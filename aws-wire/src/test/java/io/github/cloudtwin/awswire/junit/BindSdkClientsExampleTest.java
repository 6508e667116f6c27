package io.github.cloudtwin.awswire.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.junit.CloudTwinTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;

// tag::bind-sdk-clients[]
@CloudTwinTest(seed = 7)
@BindSdkClients
class BindSdkClientsExampleTest {

  /** The code under test builds its own client, as AWS's SDK examples do. */
  static void scaleOut(String group, int by) {
    try (AutoScalingClient autoScaling = AutoScalingClient.create()) {
      int desired =
          autoScaling
              .describeAutoScalingGroups(r -> r.autoScalingGroupNames(group))
              .autoScalingGroups()
              .get(0)
              .desiredCapacity();
      autoScaling.setDesiredCapacity(
          r -> r.autoScalingGroupName(group).desiredCapacity(desired + by));
    }
  }

  @Test
  void theCodesOwnClientScalesTheTwinsGroup(
      Ec2Client ec2, AutoScalingClient autoScaling, CloudTwin twin) {
    ec2.createLaunchTemplate(
        r ->
            r.launchTemplateName("web")
                .launchTemplateData(d -> d.instanceType(InstanceType.C5_LARGE)));
    autoScaling.createAutoScalingGroup(
        r ->
            r.autoScalingGroupName("web")
                .launchTemplate(l -> l.launchTemplateName("web"))
                .minSize(1)
                .maxSize(10)
                .desiredCapacity(2)
                .availabilityZones("us-east-1a", "us-east-1b"));

    scaleOut("web", 3);
    twin.advance(Duration.ofMinutes(5));

    assertThat(twin.autoScaling().group("web").inServiceCount()).isEqualTo(5);
  }
}
// end::bind-sdk-clients[]
