package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.error.ShouldBeInCompositeState.shouldBeInState;
import static io.github.cloudtwin.assertj.error.ShouldHaveTakenCompositeActions.shouldHaveEntered;
import static io.github.cloudtwin.assertj.error.ShouldHaveTakenCompositeActions.shouldHaveTakenActionsAt;
import static io.github.cloudtwin.assertj.error.ShouldHaveTakenCompositeActions.shouldNeverHaveTakenActions;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.AlarmHistoryItem;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.CompositeAlarm;
import io.github.cloudtwin.facts.CloudWatchFact;
import io.github.cloudtwin.kernel.Timeline;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractObjectAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on a CloudWatch {@link CompositeAlarm}: its state, when it changed, and when its
 * actions ran (or were held back by its actions suppressor). Failures show virtual offsets, the
 * alarm's timeline slice and the states of the alarms its rule names.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class CompositeAlarmAssert
    extends AbstractObjectAssert<CompositeAlarmAssert, CompositeAlarm> {

  private @Nullable Timeline timeline;

  /**
   * Assertions on {@code actual}.
   *
   * @param actual the object under test
   */
  public CompositeAlarmAssert(@Nullable CompositeAlarm actual) {
    super(actual, CompositeAlarmAssert.class);
  }

  /**
   * Uses {@code twin}'s timeline to explain failures and measure offsets (the alarm's own by
   * default).
   *
   * @param twin the twin
   * @return this assertion
   */
  public CompositeAlarmAssert in(CloudTwin twin) {
    this.timeline = twin.timeline();
    return myself;
  }

  /**
   * Verifies the alarm's current state.
   *
   * @param expected the state
   * @return this assertion
   */
  public CompositeAlarmAssert isInState(AlarmState expected) {
    isNotNull();
    if (actual.state() != expected) {
      throw EqualityFailure.of(
          info, shouldBeInState(actual, expected, timeline()), expected, actual.state());
    }
    return myself;
  }

  /**
   * Verifies that the alarm went to {@code state} exactly {@code offset} after the twin's start.
   *
   * @param state the state
   * @param offset the offset
   * @return this assertion
   */
  public CompositeAlarmAssert transitionedToStateAt(AlarmState state, Duration offset) {
    isNotNull();
    List<Duration> entries = entries(state);
    if (!entries.contains(offset)) {
      throw assertionError(
          io.github.cloudtwin.assertj.error.ShouldHaveTakenCompositeActions
              .shouldHaveTransitionedAt(actual, state, offset, entries, timeline()));
    }
    return myself;
  }

  /**
   * Verifies that the alarm went to ALARM exactly {@code offset} after the twin's start.
   *
   * @param offset the offset
   * @return this assertion
   */
  public CompositeAlarmAssert transitionedToAlarmAt(Duration offset) {
    return transitionedToStateAt(AlarmState.ALARM, offset);
  }

  /**
   * Verifies that the alarm ran its actions exactly {@code offset} after the twin's start (on a
   * transition, or when a wait or extension period released them).
   *
   * @param offset the offset
   * @return this assertion
   */
  public CompositeAlarmAssert tookActionsAt(Duration offset) {
    isNotNull();
    List<Duration> actions = actionOffsets();
    if (!actions.contains(offset)) {
      throw assertionError(shouldHaveTakenActionsAt(actual, offset, actions, timeline()));
    }
    return myself;
  }

  /**
   * Verifies that the alarm entered {@code state} and that no action ran while it was in that state
   * (the actions suppressor kept it quiet). Fails when the alarm never entered {@code state}: "no
   * action" would then prove nothing.
   *
   * @param state the state
   * @return this assertion
   */
  public CompositeAlarmAssert neverTookActionsIn(AlarmState state) {
    isNotNull();
    if (entries(state).isEmpty()) {
      throw assertionError(shouldHaveEntered(actual, state, timeline()));
    }
    List<Duration> offending = new ArrayList<>();
    for (TimelineEvent e : timeline().events(CloudWatchFact.AlarmActionInvoked.class)) {
      CloudWatchFact.AlarmActionInvoked a =
          e.fact(CloudWatchFact.AlarmActionInvoked.class).orElseThrow();
      if (a.alarmName().equals(actual.alarmName()) && stateAt(e.time()) == state) {
        offending.add(Duration.between(timeline().t0(), e.time()));
      }
    }
    if (!offending.isEmpty()) {
      throw assertionError(shouldNeverHaveTakenActions(actual, state, offending, timeline()));
    }
    return myself;
  }

  private List<Duration> entries(AlarmState state) {
    List<Duration> out = new ArrayList<>();
    for (AlarmHistoryItem h : actual.stateHistory()) {
      if (h.newState() == state) out.add(Duration.between(timeline().t0(), h.timestamp()));
    }
    return out;
  }

  private List<Duration> actionOffsets() {
    List<Duration> out = new ArrayList<>();
    for (TimelineEvent e : timeline().events(CloudWatchFact.AlarmActionInvoked.class)) {
      if (e.fact(CloudWatchFact.AlarmActionInvoked.class)
          .orElseThrow()
          .alarmName()
          .equals(actual.alarmName())) {
        Duration d = Duration.between(timeline().t0(), e.time());
        if (!out.contains(d)) out.add(d);
      }
    }
    return out;
  }

  /** The alarm's state at {@code t}: the newest state update at or before it. */
  private AlarmState stateAt(Instant t) {
    AlarmState s = AlarmState.INSUFFICIENT_DATA;
    for (AlarmHistoryItem h : actual.stateHistory()) {
      if (!h.timestamp().isAfter(t)) {
        s = Objects.requireNonNull(h.newState(), "stateHistory() holds state updates only");
      }
    }
    return s;
  }

  /**
   * The timeline to quote: {@code in(twin)}'s, else the alarm's own (after {@code isNotNull()}).
   */
  private Timeline timeline() {
    return timeline != null ? timeline : actual.timeline();
  }
}
