package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.error.ShouldBeInState.shouldBeInState;
import static io.github.cloudtwin.assertj.error.ShouldHaveTransitionedAt.shouldHaveTransitionedAt;
import static io.github.cloudtwin.assertj.error.ShouldHaveTransitionedAt.shouldHaveTransitionedBetween;
import static io.github.cloudtwin.assertj.error.ShouldNeverHaveEnteredState.shouldHaveSeenData;
import static io.github.cloudtwin.assertj.error.ShouldNeverHaveEnteredState.shouldNeverHaveEntered;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.AlarmHistoryItem;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.kernel.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractObjectAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on a CloudWatch {@link MetricAlarm}. Failures show virtual offsets and the alarm's
 * timeline, read from {@link MetricAlarm#timeline()}.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class MetricAlarmAssert extends AbstractObjectAssert<MetricAlarmAssert, MetricAlarm> {

  private @Nullable Timeline timeline;

  /**
   * Assertions on {@code actual}.
   *
   * @param actual the object under test
   */
  public MetricAlarmAssert(@Nullable MetricAlarm actual) {
    super(actual, MetricAlarmAssert.class);
  }

  /**
   * Uses {@code twin}'s timeline to explain failures and measure offsets (the alarm's own by
   * default).
   *
   * @param twin uses {@code twin}'s timeline to explain failures and measure offsets (the alarm's
   *     own by default)
   * @return this assertion
   */
  public MetricAlarmAssert in(CloudTwin twin) {
    this.timeline = twin.timeline();
    return myself;
  }

  /**
   * Verifies the alarm's current state.
   *
   * @param expected verifies the alarm's current state
   * @return this assertion
   */
  public MetricAlarmAssert isInState(AlarmState expected) {
    isNotNull();
    if (actual.state() != expected) {
      throw EqualityFailure.of(
          info, shouldBeInState(actual, expected, timeline()), expected, actual.state());
    }
    return myself;
  }

  /**
   * Verifies that the alarm went to ALARM exactly {@code offset} after the twin's start.
   *
   * @param offset the offset
   * @return this assertion
   */
  public MetricAlarmAssert transitionedToAlarmAt(Duration offset) {
    return transitionedToStateAt(AlarmState.ALARM, offset);
  }

  /**
   * Verifies that the alarm went to {@code state} exactly {@code offset} after the twin's start.
   *
   * @param state the state
   * @param offset the offset
   * @return this assertion
   */
  public MetricAlarmAssert transitionedToStateAt(AlarmState state, Duration offset) {
    isNotNull();
    AlarmHistoryItem closest = null;
    Duration closestDistance = null;
    for (AlarmHistoryItem h : actual.stateHistory()) {
      if (h.newState() != state) continue;
      Duration at = Duration.between(timeline().t0(), h.timestamp());
      if (at.equals(offset)) return myself;
      Duration d = at.minus(offset).abs();
      if (closestDistance == null || d.compareTo(closestDistance) < 0) {
        closest = h;
        closestDistance = d;
      }
    }
    throw assertionError(shouldHaveTransitionedAt(actual, state, offset, closest, timeline()));
  }

  /**
   * Verifies that the alarm went to ALARM at some instant in [{@code from}, {@code to}] after the
   * twin's start.
   *
   * @param from the window's start (inclusive)
   * @param to the window's end (exclusive)
   * @return this assertion
   */
  public MetricAlarmAssert transitionedToAlarmBetween(Duration from, Duration to) {
    return transitionedToStateBetween(AlarmState.ALARM, from, to);
  }

  /**
   * Verifies that the alarm went to {@code state} at some instant in [{@code from}, {@code to}]
   * (offsets after the twin's start, both ends inclusive).
   *
   * @param state the state
   * @param from the window's start (inclusive)
   * @param to the window's end (exclusive)
   * @return this assertion
   */
  public MetricAlarmAssert transitionedToStateBetween(
      AlarmState state, Duration from, Duration to) {
    isNotNull();
    if (to.compareTo(from) < 0) {
      throw new io.github.cloudtwin.kernel.ValidationException(
          "to", to, "at least from (" + from + ")");
    }
    AlarmHistoryItem closest = null;
    Duration closestDistance = null;
    for (AlarmHistoryItem h : actual.stateHistory()) {
      if (h.newState() != state) continue;
      Duration at = Duration.between(timeline().t0(), h.timestamp());
      if (at.compareTo(from) >= 0 && at.compareTo(to) <= 0) return myself;
      Duration d = (at.compareTo(from) < 0 ? from.minus(at) : at.minus(to));
      if (closestDistance == null || d.compareTo(closestDistance) < 0) {
        closest = h;
        closestDistance = d;
      }
    }
    throw assertionError(
        shouldHaveTransitionedBetween(actual, state, from, to, closest, timeline()));
  }

  /**
   * Verifies that the alarm never moved to {@code state} (its initial state does not count). Fails
   * when no evaluation ever found a datapoint of the alarm's metric: "never" would prove nothing (a
   * misspelt metric or dimension, or a clock that did not advance).
   *
   * @param state the state
   * @return this assertion
   */
  public MetricAlarmAssert neverEnteredState(AlarmState state) {
    isNotNull();
    if (actual.firstDatapointAt() == null) {
      throw assertionError(shouldHaveSeenData(actual, state, timeline()));
    }
    List<AlarmHistoryItem> entries = new ArrayList<>();
    for (AlarmHistoryItem h : actual.stateHistory()) {
      if (h.newState() == state) entries.add(h);
    }
    if (!entries.isEmpty()) {
      throw assertionError(shouldNeverHaveEntered(actual, state, entries, timeline()));
    }
    return myself;
  }

  /**
   * The timeline to quote: {@code in(twin)}'s, else the alarm's own (after {@code isNotNull()}).
   */
  private Timeline timeline() {
    return timeline != null ? timeline : actual.timeline();
  }
}
