package io.github.cloudtwin.awswire;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.AwsSdkClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.model.InstanceType;

/**
 * docs/wire-protocols.md's example: code that calls {@code AutoScalingClient.create()} itself
 * reaches the bound twin.
 */
class BindingExampleTest {

  private final CloudTwin twin = CloudTwin.builder().seed(1).build();
  private final AwsSdkClients sdk = AwsSdkClients.of(twin);

  @AfterEach
  void close() {
    twin.close();
  }

  /**
   * Code under test as AWS's examples write it: it builds its own client (region and credentials
   * from the environment).
   */
  static int countGroups() {
    try (AutoScalingClient autoScaling = AutoScalingClient.create()) {
      return autoScaling.describeAutoScalingGroups().autoScalingGroups().size();
    }
  }

  @Test
  void codeThatCreatesItsOwnClientIsAnsweredByTheBoundTwin() {
    sdk.ec2()
        .createLaunchTemplate(
            r ->
                r.launchTemplateName("web")
                    .launchTemplateData(d -> d.instanceType(InstanceType.C5_LARGE)));
    sdk.autoScaling()
        .createAutoScalingGroup(
            r ->
                r.autoScalingGroupName("web")
                    .launchTemplate(l -> l.launchTemplateName("web"))
                    .minSize(1)
                    .maxSize(2)
                    .availabilityZones("us-east-1a"));
    int groups;
    // tag::wire-bind[]
    AwsWire wire = AwsWire.of(sdk); // sdk: the test's AwsSdkClients (or AwsWire.of(twin))
    try (AwsWire.Binding bound = wire.bind()) {
      groups = countGroups(); // calls AutoScalingClient.create() inside
    }
    // end::wire-bind[]
    assertThat(groups).isEqualTo(1);
  }
}
