package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.kernel.Timeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A live view of one composite alarm: its definition, state, reason, whether its actions are
 * suppressed, and its history. Read it again to see the current values. Touching a deleted alarm
 * fails, naming when it was deleted.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class CompositeAlarm {

  private final CompositeAlarms owner;
  private volatile CompositeAlarmSpec spec;
  private volatile AlarmState state = AlarmState.INSUFFICIENT_DATA;
  private volatile String stateReason = "Unchecked: Initial alarm creation";
  private volatile @Nullable CompositeStateReasonData stateReasonData;
  private volatile Instant stateUpdatedTimestamp;
  private volatile long lastTransitionEventId;
  private volatile @Nullable ActionsSuppressedBy actionsSuppressedBy;
  private volatile @Nullable Instant deletedAt;
  private final List<AlarmHistoryItem> history = new ArrayList<>();

  // simulation thread only: the parsed rule and the suppression bookkeeping
  AlarmRule.Node rule;
  boolean pending;
  @Nullable AlarmState pendingFrom;
  @Nullable Instant waitUntil;
  long waitGeneration;
  @Nullable Instant extensionUntil;
  long extensionGeneration;

  CompositeAlarm(
      CompositeAlarms owner, CompositeAlarmSpec spec, AlarmRule.Node rule, Instant createdAt) {
    this.owner = owner;
    this.spec = spec;
    this.rule = rule;
    this.stateUpdatedTimestamp = createdAt;
  }

  /**
   * {@return the twin's timeline, where this alarm's events ({@code alarm/<name>}) are recorded}
   */
  public Timeline timeline() {
    return owner.timeline();
  }

  /** {@return the alarm's name} */
  public String alarmName() {
    return spec.alarmName();
  }

  /** {@return the alarm's current definition} */
  public CompositeAlarmSpec spec() {
    checkLive();
    return spec;
  }

  /** {@return the current state: ALARM while the rule holds, OK while it does not} */
  public AlarmState state() {
    checkLive();
    return state;
  }

  /** {@return why the alarm is in its state} */
  public String stateReason() {
    checkLive();
    return stateReason;
  }

  /** {@return the alarms that triggered the state, or null before the first transition} */
  public @Nullable CompositeStateReasonData stateReasonData() {
    checkLive();
    return stateReasonData;
  }

  /** {@return when the state last changed (or the alarm was created)} */
  public Instant stateUpdatedTimestamp() {
    checkLive();
    return stateUpdatedTimestamp;
  }

  /** {@return the timeline event of the last state change, or 0 when the state never changed} */
  public long lastTransitionEventId() {
    return lastTransitionEventId;
  }

  /**
   * {@return why the actions of the current state are held back ({@code ActionsSuppressedBy}), or
   * empty when nothing is held back}
   */
  public Optional<ActionsSuppressedBy> actionsSuppressedBy() {
    checkLive();
    return Optional.ofNullable(actionsSuppressedBy);
  }

  /** {@return the history, oldest first (an immutable snapshot)} */
  public List<AlarmHistoryItem> history() {
    synchronized (history) {
      return List.copyOf(history);
    }
  }

  /** {@return the state changes only, oldest first} */
  public List<AlarmHistoryItem> stateHistory() {
    List<AlarmHistoryItem> out = new ArrayList<>();
    for (AlarmHistoryItem h : history()) {
      if (h.type().equals("StateUpdate")) out.add(h);
    }
    return List.copyOf(out);
  }

  /** {@return whether the alarm was deleted} */
  public boolean isDeleted() {
    return deletedAt != null;
  }

  private void checkLive() {
    Instant d = deletedAt;
    if (d != null) {
      throw new IllegalStateException(
          "Alarm \"" + spec.alarmName() + "\" was deleted at " + d + "; it no longer has a state.");
    }
  }

  // ---- mutators for CompositeAlarms (package-private)

  void spec(CompositeAlarmSpec s, AlarmRule.Node parsed) {
    this.spec = s;
    this.rule = parsed;
  }

  void state(
      AlarmState s,
      String reason,
      @Nullable CompositeStateReasonData data,
      Instant at,
      long eventId) {
    this.state = s;
    this.stateReason = reason;
    this.stateReasonData = data;
    this.stateUpdatedTimestamp = at;
    this.lastTransitionEventId = eventId;
  }

  void suppressedBy(@Nullable ActionsSuppressedBy by) {
    this.actionsSuppressedBy = by;
  }

  void addHistory(AlarmHistoryItem item) {
    synchronized (history) {
      history.add(item);
    }
  }

  void deleted(Instant at) {
    this.deletedAt = at;
  }

  @Override
  public String toString() {
    return "CompositeAlarm[" + spec.alarmName() + ", " + state + "]";
  }
}
