package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.InstanceRefreshSpec;
import io.github.cloudtwin.autoscaling.InstanceRefreshStatus;
import io.github.cloudtwin.autoscaling.LaunchTemplateOverride;
import io.github.cloudtwin.autoscaling.MixedInstancesPolicy;
import io.github.cloudtwin.autoscaling.RefreshPreferences;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * runsOnlyInstanceTypesOfLatestInstanceRefresh: passes once a refresh to a mixed instances policy
 * has replaced the fleet, and until then names the instances on other types with the timeline.
 */
class MixedInstancesRefreshAssertTest {

  private static AutoScalingGroup group(CloudTwin twin) {
    AutoScalingGroup g =
        twin.autoScaling()
            .createAutoScalingGroup(
                AutoScalingGroupSpec.builder()
                    .autoScalingGroupName("web")
                    .minSize(2)
                    .maxSize(4)
                    .desiredCapacity(2)
                    .availabilityZones("us-east-1a", "us-east-1b")
                    .build());
    twin.advance(Duration.ofMinutes(1));
    return g;
  }

  @Test
  void theAssertionNamesTheInstancesOnOtherTypesUntilTheRefreshHasReplacedThem() {
    try (CloudTwin twin = CloudTwin.builder().seed(3).build()) {
      AutoScalingGroup g = group(twin);
      List<String> old = g.instances().stream().map(AutoScalingInstance::instanceId).toList();
      String id =
          twin.autoScaling()
              .instanceRefreshes()
              .startInstanceRefresh(
                  InstanceRefreshSpec.builder()
                      .autoScalingGroupName("web")
                      .desiredConfiguration(
                          MixedInstancesPolicy.prioritized(
                              LaunchTemplateOverride.of("c5.large"),
                              LaunchTemplateOverride.of("m5.large")))
                      .preferences(RefreshPreferences.builder().minHealthyPercentage(50).build())
                      .build());

      assertThatThrownBy(() -> assertThat(g).runsOnlyInstanceTypesOfLatestInstanceRefresh())
          .isInstanceOf(AssertionFailedError.class)
          .hasMessageStartingWith(
              "Expecting Auto Scaling group \"web\" to run only the instance types of its latest"
                  + " instance refresh [c5.large, m5.large]\n"
                  + "but 2 of 2 instances run another type: "
                  + old.get(0)
                  + " (t3.micro, InService), "
                  + old.get(1)
                  + " (t3.micro, InService).\n"
                  + "Refresh "
                  + id
                  + " is Pending (0 % complete, 0 to update).\n"
                  + "Timeline (")
          .hasMessageContaining(
              "instance refresh " + id + " started to instance types [c5.large, m5.large]");

      twin.advance(Duration.ofMinutes(20));
      assertThat(g)
          .hasInstanceRefreshStatus(InstanceRefreshStatus.SUCCESSFUL)
          .runsOnlyInstanceTypesOfLatestInstanceRefresh();
    }
  }

  @Test
  void aGroupWithoutRefreshesFailsSayingSo() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = group(twin);
      assertThatThrownBy(() -> assertThat(g).runsOnlyInstanceTypesOfLatestInstanceRefresh())
          .isInstanceOf(AssertionFailedError.class)
          .hasMessageStartingWith(
              "Expecting Auto Scaling group \"web\" to run only the instance types of its latest"
                  + " instance refresh\n"
                  + "but it has had no instance refresh.\n");
    }
  }
}
