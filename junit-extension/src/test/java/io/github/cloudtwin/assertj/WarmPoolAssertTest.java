package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.WarmPoolSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** hasWarmPoolSize and hasWarmedInstances: pass on the pool's facts, fail with its states. */
class WarmPoolAssertTest {

  private static AutoScalingGroup group(CloudTwin twin) {
    return twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .minSize(1)
                .maxSize(4)
                .desiredCapacity(1)
                .availabilityZones("us-east-1a", "us-east-1b")
                .build());
  }

  @Test
  void theAssertionsPassOnThePoolAndFailWithItsSizeStateAndLifecycleStates() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = group(twin);
      twin.autoScaling()
          .warmPools()
          .putWarmPool(WarmPoolSpec.builder().autoScalingGroupName("web").build());
      assertThat(g).hasWarmPoolSize(3).hasWarmedInstances(0);
      assertThatThrownBy(() -> assertThat(g).hasWarmedInstances(3))
          .isInstanceOfSatisfying(
              AssertionFailedError.class,
              e -> {
                org.assertj.core.api.Assertions.assertThat(e.getExpected().getValue()).isEqualTo(3);
                org.assertj.core.api.Assertions.assertThat(e.getActual().getValue()).isEqualTo(0);
              })
          .hasMessageStartingWith(
              "Expecting Auto Scaling group \"web\" to have 3 warmed instances in its warm pool\n"
                  + "but it has 0 (pool size 3, Stopped; instances by lifecycle state:"
                  + " Warmed:Pending=3).\n"
                  + "Timeline (");
      twin.advance(Duration.ofMinutes(1));
      assertThat(g).hasWarmPoolSize(3).hasWarmedInstances(3);
    }
  }

  @Test
  void aGroupWithoutAPoolFailsSayingSo() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = group(twin);
      assertThatThrownBy(() -> assertThat(g).hasWarmPoolSize(0))
          .isInstanceOf(AssertionFailedError.class)
          .hasMessageStartingWith(
              "Expecting Auto Scaling group \"web\" to have 0 instances in its warm pool\n"
                  + "but it has no warm pool.\n"
                  + "Timeline (");
    }
  }
}
