package io.github.cloudtwin.await;

import static io.github.cloudtwin.await.CloudTwinAwait.await;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every option of a virtual wait rejects what makes no sense, naming the option and the value,
 * before time moves.
 */
class AwaitValidationTest {

  private final CloudTwin twin = CloudTwin.builder().seed(1).build();

  @AfterEach
  void close() {
    twin.close();
  }

  private void rejected(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(ValidationException.class).hasMessage(message);
    assertThat(twin.elapsed()).as("nothing happened").isZero();
  }

  @Test
  void durationsMustBePositive() {
    rejected(
        () -> await(twin).atMost(Duration.ZERO), "Invalid value PT0S for atMost: must be positive");
    rejected(
        () -> await(twin).atMost(ofSeconds(-1)),
        "Invalid value PT-1S for atMost: must be positive");
    rejected(() -> await(twin).atMost(null), "Invalid value null for atMost: a value is required");
    rejected(
        () -> await(twin).atLeast(Duration.ZERO),
        "Invalid value PT0S for atLeast: must be positive");
    rejected(
        () -> await(twin).during(ofMinutes(-5)),
        "Invalid value PT-5M for during: must be positive");
    rejected(
        () -> await(twin).during(Duration.ZERO), "Invalid value PT0S for during: must be positive");
    rejected(
        () -> await(twin).pollInterval(Duration.ZERO),
        "Invalid value PT0S for pollInterval: must be positive");
    rejected(
        () -> await(twin).pollInterval(ofSeconds(-10)),
        "Invalid value PT-10S for pollInterval: must be positive");
    rejected(
        () -> await(twin).pollDelay(ofSeconds(-1)),
        "Invalid value PT-1S for pollDelay: must be zero or positive");
  }

  @Test
  void aZeroPollDelayIsTheDefaultEvaluateAtOnce() {
    assertThat(await(twin).pollDelay()).isZero();
    await(twin).pollDelay(Duration.ZERO).until(() -> true);
    assertThat(twin.elapsed()).isZero();
  }

  @Test
  void optionsThatDependOnAtMostAreCheckedWhenTheWaitStartsSoTheirOrderDoesNotMatter() {
    rejected(
        () -> await(twin).atLeast(ofMinutes(15)).until(() -> true),
        "Invalid value PT15M for atLeast: must not exceed atMost (PT10M)");
    rejected(
        () -> await(twin).during(ofMinutes(11)).until(() -> true),
        "Invalid value PT11M for during: must not exceed atMost (PT10M)");
    rejected(
        () -> await(twin).pollDelay(ofMinutes(11)).untilAsserted(() -> {}),
        "Invalid value PT11M for pollDelay: must not exceed atMost (PT10M)");
    rejected(
        () -> await(twin).pollDelay(ofMinutes(5)).during(ofMinutes(6)).until(() -> true, v -> v),
        "Invalid value PT6M for during: plus pollDelay (PT5M) must not exceed atMost (PT10M): the condition could not hold that long before the limit");
    await(twin).during(ofMinutes(15)).atMost(ofMinutes(20)).until(() -> true);
    assertThat(twin.elapsed()).isEqualTo(ofMinutes(15));
  }

  @Test
  void betweenChecksItsTwoBoundsAtOnce() {
    rejected(
        () -> await(twin).between(ofMinutes(6), ofMinutes(5)),
        "Invalid value PT6M for atLeast: must not exceed atMost (PT5M)");
    rejected(
        () -> await(twin).between(Duration.ZERO, ofMinutes(5)),
        "Invalid value PT0S for atLeast: must be positive");
    VirtualAwait w = await(twin).between(ofMinutes(1), ofMinutes(5));
    assertThat(w.atLeast()).contains(ofMinutes(1));
    assertThat(w.atMost()).isEqualTo(ofMinutes(5));
  }

  @Test
  void aliasListenerAndIgnoreRulesMustBeGiven() {
    rejected(() -> await(twin).alias(" "), "Invalid value \" \" for alias: must not be blank");
    rejected(() -> await(twin, null), "Invalid value null for alias: a value is required");
    rejected(
        () -> await(twin).conditionEvaluationListener(null),
        "Invalid value null for conditionEvaluationListener: a value is required");
    rejected(
        () -> await(twin).ignoreException(null),
        "Invalid value null for ignoreException: a value is required");
    rejected(
        () -> await(twin).ignoreExceptionsInstanceOf(null),
        "Invalid value null for ignoreExceptionsInstanceOf: a value is required");
    rejected(
        () -> await(twin).ignoreExceptionsMatching(null),
        "Invalid value null for ignoreExceptionsMatching: a value is required");
    rejected(
        () -> await(twin).untilAsserted(null),
        "Invalid value null for assertion: a value is required");
  }

  @Test
  void settingsAreCopiesSoAConfiguredWaitCanBeShared() {
    VirtualAwait base = await(twin);
    VirtualAwait configured =
        base.atMost(ofMinutes(30))
            .atLeast(ofMinutes(1))
            .during(ofMinutes(2))
            .pollDelay(ofSeconds(5))
            .pollInterval(ofSeconds(30))
            .alias("x");
    assertThat(base.atMost()).isEqualTo(VirtualAwait.DEFAULT_AT_MOST);
    assertThat(base.pollInterval()).isEqualTo(VirtualAwait.DEFAULT_POLL_INTERVAL);
    assertThat(base.atLeast()).isEmpty();
    assertThat(base.during()).isEmpty();
    assertThat(base.alias()).isEmpty();
    assertThat(configured)
        .hasToString(
            "VirtualAwait[atMost PT30M, atLeast PT1M, during PT2M, pollDelay PT5S, pollInterval PT30S, alias x]");
  }

  @Test
  void aWaitCalledFromInsideTheSimulationIsRefused() {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    twin.simulation()
        .after(
            ofSeconds(5),
            () -> {
              try {
                await(twin).until(() -> true);
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    twin.advance(ofSeconds(10));
    assertThat(thrown.get())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "await(twin) was called from inside the simulation (an event or listener); call it from the test.");
  }
}
