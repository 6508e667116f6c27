package io.github.cloudtwin.await;

import static io.github.cloudtwin.await.CloudTwinAwait.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.ec2.InstanceState;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VirtualAwaitTest {

  private final CloudTwin twin = CloudTwin.builder().seed(1).build();

  @AfterEach
  void close() {
    twin.close();
  }

  @Test
  void untilStepsVirtualTimeByThePollIntervalUntilTheConditionHolds() {
    Instance i =
        twin.ec2()
            .runInstance(
                InstanceSpec.builder()
                    .availabilityZone("us-east-1a")
                    .bootTime(Duration.ofSeconds(95))
                    .build());
    long started = System.nanoTime();
    await(twin)
        .atMost(Duration.ofHours(1))
        .pollInterval(Duration.ofSeconds(20))
        .until(() -> i.state() == InstanceState.RUNNING);
    assertThat(twin.elapsed()).isEqualTo(Duration.ofSeconds(100)); // 5 polls of 20 s
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void untilReturnsImmediatelyWhenTheConditionAlreadyHolds() {
    await(twin).until(() -> true);
    assertThat(twin.elapsed()).isZero();
  }

  @Test
  void untilWithPredicateReturnsTheAcceptedValue() {
    Long elapsed =
        await(twin)
            .pollInterval(Duration.ofMinutes(1))
            .until(() -> twin.elapsed().toMinutes(), m -> m >= 3);
    assertThat(elapsed).isEqualTo(3L);
  }

  @Test
  void
      untilAssertedRetriesAssertionErrorsAndStopsAtTheLimitWithTheLastOneAndTheTimelineOfTheWait() {
    Instance i =
        twin.ec2().runInstance(InstanceSpec.builder().availabilityZone("us-east-1a").build());
    twin.advance(Duration.ofMinutes(1));
    twin.ec2().stopInstance(i.instanceId());
    assertThatThrownBy(
            () ->
                await(twin)
                    .alias("instance back up")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(30))
                    .untilAsserted(
                        () -> assertThat(i.state()).as("state").isEqualTo(InstanceState.RUNNING)))
        .isInstanceOf(VirtualTimeoutError.class)
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting condition \"instance back up\" to be fulfilled within 2m (virtual time, polled every 30s)\n"
                + "but it was not, from +00:01:00 to +00:03:00.\n"
                + "Last failure:\n"
                + "  [state] \n"
                + "  expected: running\n"
                + "   but was: stopped\n"
                + "Timeline (2 events, t0 = 2026-01-01T00:00:00Z):\n"
                + "  +00:01:00  instance/i-0c3a11b03326a7bf5  running -> stopping\n"
                + "  +00:01:30  instance/i-0c3a11b03326a7bf5  stopping -> stopped");
    assertThat(twin.elapsed()).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void untilTimesOutWithTheLastValue() {
    assertThatThrownBy(() -> await(twin, "never").atMost(Duration.ofSeconds(25)).until(() -> false))
        .hasMessage(
            "Expecting condition \"never\" to be fulfilled within 25s (virtual time, polled every 10s)\n"
                + "but it was not, from +00:00:00 to +00:00:25.\n"
                + "Last failure:\n"
                + "  the value was false\n"
                + "Timeline (0 events, t0 = 2026-01-01T00:00:00Z):\n"
                + "  (no events)");
  }

  @Test
  void exceptionsOtherThanAssertionErrorsEndTheWaitAtOnce() {
    assertThatThrownBy(
            () ->
                await(twin)
                    .untilAsserted(
                        () -> {
                          throw new IllegalStateException("boom");
                        }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
    assertThat(twin.elapsed()).isZero();
  }

  @Test
  void settingsAreValidatedAndCopied() {
    VirtualAwait base = await(twin);
    VirtualAwait longer = base.atMost(Duration.ofHours(1));
    assertThat(base.atMost()).isEqualTo(VirtualAwait.DEFAULT_AT_MOST);
    assertThat(longer.atMost()).isEqualTo(Duration.ofHours(1));
    assertThatThrownBy(() -> base.pollInterval(Duration.ZERO)).hasMessageContaining("pollInterval");
  }
}
