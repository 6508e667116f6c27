package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.InstanceRefreshSpec;
import io.github.cloudtwin.autoscaling.InstanceRefreshStatus;
import io.github.cloudtwin.autoscaling.RefreshPreferences;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** hasInstanceRefreshStatus and hasInstanceRefreshPercentageComplete: pass, or say where it is. */
class InstanceRefreshAssertTest {

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
  void theAssertionsPassOnTheLatestRefreshAndFailWithItsStatusProgressAndReason() {
    try (CloudTwin twin = CloudTwin.builder().seed(3).build()) {
      AutoScalingGroup g = group(twin);
      String id =
          twin.autoScaling()
              .instanceRefreshes()
              .startInstanceRefresh(
                  InstanceRefreshSpec.builder()
                      .autoScalingGroupName("web")
                      .desiredConfiguration("lt-web", "2")
                      .preferences(
                          RefreshPreferences.builder()
                              .minHealthyPercentage(50)
                              .instanceWarmup(Duration.ofMinutes(5))
                              .build())
                      .build());
      twin.advance(Duration.ofMinutes(1));
      String warming =
          g.instances().stream()
              .filter(i -> i.launchTemplateVersion().equals("2"))
              .findFirst()
              .orElseThrow()
              .instanceId();
      assertThat(g)
          .hasInstanceRefreshStatus(InstanceRefreshStatus.IN_PROGRESS)
          .hasInstanceRefreshPercentageComplete(0);
      assertThatThrownBy(
              () -> assertThat(g).hasInstanceRefreshStatus(InstanceRefreshStatus.SUCCESSFUL))
          .isInstanceOf(AssertionFailedError.class)
          .hasMessageStartingWith(
              "Expecting Auto Scaling group \"web\" to have its latest instance refresh in status"
                  + " Successful\n"
                  + "but refresh "
                  + id
                  + " is InProgress (0 % complete, 2 to update: Waiting for instances to warm up"
                  + " before continuing. For example: "
                  + warming
                  + " is warming up.).\n"
                  + "Timeline (")
          .hasMessageContaining("instance refresh " + id + " Pending -> InProgress");
      twin.advance(Duration.ofMinutes(20));
      assertThat(g)
          .hasInstanceRefreshStatus(InstanceRefreshStatus.SUCCESSFUL)
          .hasInstanceRefreshPercentageComplete(100);
    }
  }

  @Test
  void aGroupWithoutRefreshesFailsSayingSo() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = group(twin);
      assertThatThrownBy(() -> assertThat(g).hasInstanceRefreshPercentageComplete(100))
          .isInstanceOf(AssertionFailedError.class)
          .hasMessageStartingWith(
              "Expecting Auto Scaling group \"web\" to have its latest instance refresh 100 %"
                  + " complete\n"
                  + "but it has had no instance refresh.\n");
    }
  }
}
