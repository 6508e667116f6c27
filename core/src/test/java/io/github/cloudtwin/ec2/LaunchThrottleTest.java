package io.github.cloudtwin.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Throttling of RunInstances per Auto Scaling group, without a twin. */
class LaunchThrottleTest {

  private static InstanceSpec launchFor(String group) {
    return InstanceSpec.builder()
        .availabilityZone("us-east-1a")
        .instanceType("t3.micro")
        .autoScalingGroupName(group)
        .build();
  }

  @Test
  void aFullyThrottledGroupFailsEveryLaunchWithoutDrawing() {
    SplittableRandom draws = new SplittableRandom(7);
    LaunchThrottle throttle = new LaunchThrottle(draws);
    throttle.set("web", 100);

    for (int i = 0; i < 20; i++) {
      assertThat(throttle.throttled(launchFor("web"))).isTrue();
    }
    assertThat(draws.nextLong()).isEqualTo(new SplittableRandom(7).nextLong());
  }

  @Test
  void otherGroupsAreNotThrottled() {
    LaunchThrottle throttle = new LaunchThrottle(new SplittableRandom(7));
    throttle.set("web", 100);

    assertThat(throttle.throttled(launchFor("batch"))).isFalse();
  }

  @Test
  void nothingIsThrottledBeforeAGroupIsSet() {
    LaunchThrottle throttle = new LaunchThrottle(new SplittableRandom(7));

    assertThat(
            throttle.throttled(
                InstanceSpec.builder()
                    .availabilityZone("us-east-1a")
                    .instanceType("t3.micro")
                    .build()))
        .isFalse();
  }

  @Test
  void aLaunchOutsideAnyGroupIsNotThrottledWhileAGroupIs() {
    LaunchThrottle throttle = new LaunchThrottle(new SplittableRandom(7));
    throttle.set("web", 100);

    assertThat(
            throttle.throttled(
                InstanceSpec.builder()
                    .availabilityZone("us-east-1a")
                    .instanceType("t3.micro")
                    .build()))
        .isFalse();
  }

  @Test
  void zeroEndsTheThrottling() {
    LaunchThrottle throttle = new LaunchThrottle(new SplittableRandom(7));
    throttle.set("web", 100);
    throttle.set("web", 0);

    assertThat(throttle.throttled(launchFor("web"))).isFalse();
  }

  @Test
  void aPartialPercentageFailsAboutThatShareAndTheSameSeedGivesTheSameSequence() {
    LaunchThrottle a = new LaunchThrottle(new SplittableRandom(42));
    LaunchThrottle b = new LaunchThrottle(new SplittableRandom(42));
    a.set("web", 30);
    b.set("web", 30);

    int failed = 0;
    for (int i = 0; i < 1000; i++) {
      boolean t = a.throttled(launchFor("web"));
      assertThat(b.throttled(launchFor("web"))).isEqualTo(t);
      if (t) failed++;
    }
    assertThat(failed).isBetween(240, 360);
  }
}
