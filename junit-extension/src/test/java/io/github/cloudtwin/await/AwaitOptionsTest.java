package io.github.cloudtwin.await;

import static io.github.cloudtwin.await.CloudTwinAwait.await;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.assertj.CloudTwinAssertions;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each option of a virtual wait, shown to work when it should and to fail, with its message, when
 * it should not.
 */
class AwaitOptionsTest {

  private final CloudTwin twin = CloudTwin.builder().seed(1).build();

  @AfterEach
  void close() {
    twin.close();
  }

  /** A gauge driven by virtual time: 5 from minute 2 to minute 20 (inclusive), 6 after. */
  private int gauge() {
    Duration t = twin.elapsed();
    if (t.compareTo(ofMinutes(2)) < 0) return 0;
    return t.compareTo(ofMinutes(20)) <= 0 ? 5 : 6;
  }

  private Instance bootingInstance(Duration bootTime) {
    return twin.ec2()
        .runInstance(
            InstanceSpec.builder().availabilityZone("us-east-1a").bootTime(bootTime).build());
  }

  // atLeast

  @Test
  void atLeastAcceptsAConditionFulfilledAfterTheMinimum() {
    Instance i = bootingInstance(ofMinutes(3));
    await(twin)
        .atLeast(ofMinutes(2))
        .untilAsserted(() -> CloudTwinAssertions.assertThat(i).isRunning());
    assertThat(twin.elapsed()).isEqualTo(ofMinutes(3));
  }

  @Test
  void atLeastFailsAtOnceWhenTheConditionIsFulfilledEarlierThanExpected() {
    Instance i = bootingInstance(ofSeconds(30));
    assertThatThrownBy(
            () ->
                await(twin, "instance up")
                    .atLeast(ofMinutes(1))
                    .untilAsserted(() -> CloudTwinAssertions.assertThat(i).isRunning()))
        .isInstanceOf(VirtualTimeoutError.class)
        .hasMessage(
            "Expecting condition \"instance up\" to be fulfilled no earlier than 1m and within 10m (virtual time, polled every 10s)\n"
                + "but it was fulfilled after 30s (at +00:00:30): the condition was evaluated in 30s which is earlier than expected (atLeast 1m).\n"
                + "At that evaluation:\n"
                + "  the assertion passed\n"
                + "Timeline (2 events, t0 = 2026-01-01T00:00:00Z):\n"
                + "  +00:00:00  instance/"
                + i.instanceId()
                + "  launched t3.micro in us-east-1a (pending)\n"
                + "  +00:00:30  instance/"
                + i.instanceId()
                + "  pending -> running");
    assertThat(twin.elapsed())
        .as("the wait ends at the evaluation that was too early")
        .isEqualTo(ofSeconds(30));
  }

  @Test
  void atLeastEqualToAtMostAcceptsOnlyTheEvaluationAtTheLimit() {
    await(twin)
        .between(ofMinutes(5), ofMinutes(5))
        .pollInterval(ofMinutes(1))
        .until(() -> twin.elapsed().compareTo(ofMinutes(5)) >= 0);
    assertThat(twin.elapsed()).isEqualTo(ofMinutes(5));
    assertThatThrownBy(() -> await(twin).between(ofMinutes(5), ofMinutes(5)).until(() -> true))
        .isInstanceOf(VirtualTimeoutError.class)
        .hasMessageStartingWith(
            "Expecting the condition to be fulfilled no earlier than 5m and within 5m (virtual time, polled every 10s)\n"
                + "but it was fulfilled after 0s (at +00:05:00): the condition was evaluated in 0s which is earlier than expected (atLeast 5m).\n"
                + "At that evaluation:\n  the value was true\n");
  }

  // during

  @Test
  void duringEndsTheMomentTheConditionHasHeldForTheWholeDuration() {
    Integer value =
        await(twin, "stays at 5")
            .atMost(ofMinutes(20))
            .during(ofMinutes(15))
            .until(this::gauge, v -> v == 5);
    assertThat(value).isEqualTo(5);
    assertThat(twin.elapsed()).as("first seen at 2m, held 15m").isEqualTo(ofMinutes(17));
  }

  @Test
  void duringStartsTheHoldAgainAfterABreak() {
    AtomicBoolean down = new AtomicBoolean();
    twin.simulation().after(ofMinutes(4), () -> down.set(true));
    twin.simulation().after(ofMinutes(5), () -> down.set(false));
    await(twin).atMost(ofMinutes(30)).during(ofMinutes(10)).untilFalse(down);
    assertThat(twin.elapsed())
        .as("held 0-3:50, broken 4:00-4:50, held again from 5:00 for 10m")
        .isEqualTo(ofMinutes(15));
  }

  @Test
  void duringFailsWhenTheConditionBreaksAndSaysHowLongItHeld() {
    assertThatThrownBy(
            () ->
                await(twin, "stays at 5")
                    .atMost(ofMinutes(40))
                    .during(ofMinutes(30))
                    .until(this::gauge, v -> v == 5))
        .isInstanceOf(VirtualTimeoutError.class)
        .hasMessage(
            "Expecting condition \"stays at 5\" to hold for 30m within 40m (virtual time, polled every 10s)\n"
                + "but it did not, from +00:00:00 to +00:40:00: the longest it held was 18m (from +00:02:00 to +00:20:00).\n"
                + "Last failure:\n"
                + "  the value was 6\n"
                + "Timeline (0 events, t0 = 2026-01-01T00:00:00Z):\n"
                + "  (no events)");
  }

  @Test
  void duringFailsWhenTheConditionNeverHeld() {
    assertThatThrownBy(
            () -> await(twin).atMost(ofMinutes(1)).during(ofSeconds(30)).until(() -> false))
        .hasMessageStartingWith(
            "Expecting the condition to hold for 30s within 1m (virtual time, polled every 10s)\n"
                + "but it did not, from +00:00:00 to +00:01:00: it never held.\n"
                + "Last failure:\n  the value was false\n");
  }

  @Test
  void duringAppliesToAssertionsToo() {
    Instance i = bootingInstance(ofSeconds(30));
    twin.simulation().after(ofMinutes(3), () -> twin.ec2().stopInstance(i.instanceId()));
    assertThatThrownBy(
            () ->
                await(twin, "stays up")
                    .during(ofMinutes(5))
                    .untilAsserted(() -> CloudTwinAssertions.assertThat(i).isRunning()))
        .isInstanceOf(VirtualTimeoutError.class)
        .hasMessageContaining(
            "but it did not, from +00:00:00 to +00:10:00: the longest it held was 2m20s (from +00:00:30 to +00:02:50).\n")
        .hasMessageContaining(
            "Last failure:\n  Expecting instance "
                + i.instanceId()
                + " (t3.micro, us-east-1a, stopped) to be running\n  but it is stopped (since +00:03:30).\n");
  }

  // pollDelay

  @Test
  void pollDelayPostponesTheFirstEvaluation() {
    List<Duration> evaluatedAt = new ArrayList<>();
    await(twin)
        .pollDelay(ofMinutes(1))
        .conditionEvaluationListener(c -> evaluatedAt.add(c.elapsed()))
        .until(() -> true);
    assertThat(evaluatedAt).containsExactly(ofMinutes(1));
    assertThat(twin.elapsed()).isEqualTo(ofMinutes(1));
  }

  @Test
  void pollDelayMissesAConditionThatOnlyHeldBeforeTheFirstEvaluation() {
    assertThatThrownBy(
            () ->
                await(twin)
                    .atMost(ofMinutes(2))
                    .pollDelay(ofMinutes(1))
                    .until(() -> twin.elapsed().compareTo(ofSeconds(30)) < 0))
        .isInstanceOf(VirtualTimeoutError.class)
        .hasMessageStartingWith(
            "Expecting the condition to be fulfilled within 2m (virtual time, first evaluated after 1m, polled every 10s)\n"
                + "but it was not, from +00:00:00 to +00:02:00.\n");
  }

  // pollInterval

  @Test
  void pollIntervalIsTheStepOfVirtualTimeBetweenEvaluationsAndTheLastOneIsAtTheLimit() {
    List<Duration> evaluatedAt = new ArrayList<>();
    assertThatThrownBy(
            () ->
                await(twin)
                    .atMost(ofSeconds(50))
                    .pollInterval(ofSeconds(20))
                    .conditionEvaluationListener(c -> evaluatedAt.add(c.elapsed()))
                    .until(() -> false))
        .isInstanceOf(VirtualTimeoutError.class);
    assertThat(evaluatedAt)
        .containsExactly(ofSeconds(0), ofSeconds(20), ofSeconds(40), ofSeconds(50));
  }

  @Test
  void aCoarsePollIntervalMissesAConditionThatComesAndGoesBetweenEvaluations() {
    assertThatThrownBy(
            () ->
                await(twin)
                    .atMost(ofMinutes(3))
                    .pollInterval(ofMinutes(1))
                    .until(
                        () ->
                            twin.elapsed().compareTo(ofSeconds(10)) >= 0
                                && twin.elapsed().compareTo(ofSeconds(50)) <= 0))
        .isInstanceOf(VirtualTimeoutError.class)
        .hasMessageStartingWith(
            "Expecting the condition to be fulfilled within 3m (virtual time, polled every 1m)\n");
    twin.close();
    CloudTwin fresh = CloudTwin.builder().seed(1).build();
    await(fresh)
        .pollInterval(ofSeconds(10))
        .until(
            () ->
                fresh.elapsed().compareTo(ofSeconds(10)) >= 0
                    && fresh.elapsed().compareTo(ofSeconds(50)) <= 0);
    assertThat(fresh.elapsed()).isEqualTo(ofSeconds(10));
    fresh.close();
  }

  // ignoring exceptions

  private Boolean readyAfterAMinute() {
    if (twin.elapsed().compareTo(ofMinutes(1)) < 0) {
      throw new IllegalStateException("not ready at " + twin.elapsed());
    }
    return true;
  }

  @Test
  void anExceptionEndsTheWaitAtOnceUnlessIgnored() {
    assertThatThrownBy(() -> await(twin).until(this::readyAfterAMinute))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("not ready at PT0S");
    assertThat(twin.elapsed()).isZero();
    await(twin).ignoreExceptions().until(this::readyAfterAMinute);
    assertThat(twin.elapsed()).isEqualTo(ofMinutes(1));
  }

  @Test
  void aWaitThatTimesOutOnAnIgnoredExceptionQuotesItAndHasItAsCause() {
    assertThatThrownBy(
            () ->
                await(twin, "ready")
                    .atMost(ofSeconds(30))
                    .ignoreExceptions()
                    .until(this::readyAfterAMinute))
        .isInstanceOf(VirtualTimeoutError.class)
        .hasMessageStartingWith(
            "Expecting condition \"ready\" to be fulfilled within 30s (virtual time, polled every 10s)\n"
                + "but it was not, from +00:00:00 to +00:00:30.\n"
                + "Last failure:\n"
                + "  threw java.lang.IllegalStateException: not ready at PT30S (ignored)\n")
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("not ready at PT30S");
  }

  @Test
  void ignoreExceptionIgnoresThatClassButNotItsSubclassesAsInAwaitility() {
    await(twin).ignoreException(IllegalStateException.class).until(this::readyAfterAMinute);
    assertThat(twin.elapsed()).isEqualTo(ofMinutes(1));
    assertThatThrownBy(
            () ->
                await(twin)
                    .ignoreException(RuntimeException.class)
                    .until(
                        () -> {
                          throw new IllegalStateException("a subclass");
                        }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a subclass");
  }

  @Test
  void ignoreExceptionsInstanceOfIgnoresSubclassesToo() {
    await(twin).ignoreExceptionsInstanceOf(RuntimeException.class).until(this::readyAfterAMinute);
    assertThat(twin.elapsed()).isEqualTo(ofMinutes(1));
    assertThatThrownBy(
            () ->
                await(twin)
                    .ignoreExceptionsInstanceOf(IllegalArgumentException.class)
                    .until(
                        () -> {
                          throw new IllegalStateException("not an IllegalArgumentException");
                        }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("not an IllegalArgumentException");
  }

  @Test
  void ignoreExceptionsMatchingIgnoresWhatThePredicateAcceptsAndRulesAddUp() {
    await(twin)
        .ignoreExceptionsMatching(e -> e.getMessage().startsWith("not ready"))
        .until(this::readyAfterAMinute);
    assertThat(twin.elapsed()).isEqualTo(ofMinutes(1));
    assertThatThrownBy(
            () ->
                await(twin)
                    .ignoreExceptionsMatching(e -> e.getMessage().startsWith("other"))
                    .until(
                        () -> {
                          throw new IllegalStateException("boom");
                        }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
    await(twin)
        .ignoreException(UnsupportedOperationException.class)
        .ignoreExceptionsMatching(e -> e.getMessage().startsWith("not ready"))
        .until(this::readyAfterAMinute);
  }

  @Test
  void aCheckedExceptionThatIsNotIgnoredEndsTheWaitWrapped() {
    assertThatThrownBy(
            () ->
                await(twin)
                    .until(
                        () -> {
                          throw new java.io.IOException("disk");
                        }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The awaited condition threw java.io.IOException: disk")
        .cause()
        .isInstanceOf(java.io.IOException.class);
  }

  // alias and listeners

  @Test
  void withoutAnAliasTheMessageSaysTheCondition() {
    assertThatThrownBy(() -> await(twin).atMost(ofSeconds(10)).until(() -> false))
        .hasMessageStartingWith("Expecting the condition to be fulfilled within 10s");
  }

  @Test
  void theListenerSeesEveryEvaluationWithElapsedAndRemainingVirtualTimeAndTheValue() {
    List<String> seen = new ArrayList<>();
    List<String> second = new ArrayList<>();
    Integer v =
        await(twin, "gauge")
            .atMost(ofMinutes(5))
            .pollInterval(ofMinutes(1))
            .during(ofMinutes(1))
            .conditionEvaluationListener(
                c ->
                    seen.add(
                        c.alias().orElseThrow()
                            + " "
                            + c.at().toString().substring(11, 16)
                            + " "
                            + c.elapsed()
                            + " "
                            + c.remaining()
                            + " "
                            + c.value()
                            + " "
                            + c.satisfied()
                            + " "
                            + c.heldFor()
                            + " "
                            + c.pollInterval()))
            .conditionEvaluationListener(c -> second.add(c.description()))
            .until(this::gauge, g -> g == 5);
    assertThat(v).isEqualTo(5);
    assertThat(seen)
        .containsExactly(
            "gauge 00:00 PT0S PT5M 0 false PT0S PT1M",
            "gauge 00:01 PT1M PT4M 0 false PT0S PT1M",
            "gauge 00:02 PT2M PT3M 5 true PT0S PT1M",
            "gauge 00:03 PT3M PT2M 5 true PT1M PT1M");
    assertThat(second)
        .as("listeners add up, in order")
        .containsExactly(
            "the value was 0", "the value was 0", "the value was 5", "the value was 5");
  }

  @Test
  void theListenerSeesIgnoredExceptions() {
    List<String> seen = new ArrayList<>();
    await(twin)
        .pollInterval(ofSeconds(30))
        .ignoreExceptions()
        .conditionEvaluationListener(
            c ->
                seen.add(
                    c.ignoredException().map(Throwable::getMessage).orElse("-")
                        + " / "
                        + c.value()))
        .until(this::readyAfterAMinute);
    assertThat(seen)
        .containsExactly("not ready at PT0S / null", "not ready at PT30S / null", "- / true");
  }

  @Test
  void anExceptionFromTheListenerEndsTheWait() {
    assertThatThrownBy(
            () ->
                await(twin)
                    .conditionEvaluationListener(
                        c -> {
                          throw new IllegalStateException("listener broke at " + c.elapsed());
                        })
                    .until(() -> false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("listener broke at PT0S");
    assertThat(twin.elapsed()).isZero();
  }

  // untilTrue / untilFalse

  @Test
  void untilTrueWaitsForAFlagAListenerSets() {
    AtomicBoolean launched = new AtomicBoolean();
    twin.simulation().after(ofSeconds(45), () -> launched.set(true));
    await(twin).untilTrue(launched);
    assertThat(twin.elapsed()).isEqualTo(ofSeconds(50));
    assertThatThrownBy(() -> await(twin).atMost(ofSeconds(20)).untilFalse(launched))
        .isInstanceOf(VirtualTimeoutError.class)
        .hasMessageContaining("Last failure:\n  the value was true\n");
  }
}
