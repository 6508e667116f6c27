package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.junit.CloudTwinTest;
import io.github.cloudtwin.junit.FromTwin;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;

/** The JUnit extension injects the SDK clients of the test's twin as parameters and fields. */
@CloudTwinTest
class InjectionTest {

  @FromTwin Ec2Client ec2;

  @Test
  void clientsInjectedAsParametersAndFieldsTalkToTheTestsTwinAndShareItsLaunchTemplates(
      AutoScalingClient autoScaling, EcsAsyncClient ecs, CloudTwin twin) {
    ec2.createLaunchTemplate(
        r ->
            r.launchTemplateName("web")
                .launchTemplateData(d -> d.instanceType(InstanceType.T3_MICRO)));
    autoScaling.createAutoScalingGroup(
        r ->
            r.autoScalingGroupName("web")
                .launchTemplate(l -> l.launchTemplateName("web"))
                .minSize(1)
                .maxSize(2)
                .availabilityZones(twin.availabilityZones().get(0).name()));

    assertThat(twin.autoScaling().group("web").spec().launchTemplateName()).isEqualTo("web");
    assertThat(ecs.listClusters().join().clusterArns()).isEmpty();
  }
}
