package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.facts.AutoScalingFact;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The scaling activities of one group, oldest first: starting and ending them with their timeline
 * facts and listener calls, and the batch of activities a desired change's cooldown waits for (the
 * cooldown starts once the last of them ends).
 */
final class ActivityLog {

  private final GroupState state;
  private final Supplier<String> activityIds;
  private final ActivityListeners listeners;

  /** Told when a cooldown starts after its batch of activities: the instant it ends. */
  private final Consumer<Instant> cooldownEnds;

  final List<Activity> activities = new ArrayList<>();
  private boolean collectingCooldown;
  private int cooldownBatchOpen;
  private @Nullable Duration pendingCooldown;

  ActivityLog(
      GroupState state,
      Supplier<String> activityIds,
      ActivityListeners listeners,
      Consumer<Instant> cooldownEnds) {
    this.state = state;
    this.activityIds = activityIds;
    this.listeners = listeners;
    this.cooldownEnds = cooldownEnds;
  }

  /** Whether activities started from now on join the cooldown batch of the change under way. */
  void collectCooldown(boolean collecting) {
    collectingCooldown = collecting;
  }

  /** {@return whether activities started now join the cooldown batch of the change under way} */
  boolean collectingCooldown() {
    return collectingCooldown;
  }

  /** {@return whether activities of a cooldown batch are still under way} */
  boolean batchOpen() {
    return cooldownBatchOpen > 0;
  }

  /** Starts the cooldown once the open batch ends. */
  void cooldownAfterBatch(Duration cooldown) {
    pendingCooldown = cooldown;
  }

  /** Starts an activity for {@code instanceId} (null for none), in the zone of that member. */
  Activity start(
      String description, String cause, @Nullable String instanceId, ActivityStatus status) {
    Member m = instanceId == null ? null : state.members.get(instanceId);
    return start(description, cause, instanceId, m == null ? null : m.zone, status);
  }

  Activity start(
      String description,
      String cause,
      @Nullable String instanceId,
      @Nullable String zone,
      ActivityStatus status) {
    Activity a =
        new Activity(
            activityIds.get(), state.name, description, cause, state.now(), instanceId, status);
    a.zone = zone;
    if (collectingCooldown && !status.isDone()) {
      a.cooldownBatch = true;
      cooldownBatchOpen++;
    }
    activities.add(a);
    a.timelineEventId =
        state.record(
            new AutoScalingFact.ScalingActivityStarted(
                state.name, a.activityId, description, cause, status, instanceId));
    listeners.started(a.snapshot());
    return a;
  }

  /** Sets the status of an activity under way (none: nothing). */
  void setStatus(@Nullable Activity a, ActivityStatus s) {
    if (a != null && !a.status.isDone()) a.status = s;
  }

  void end(Activity a, ActivityStatus s) {
    a.status = s;
    a.endTime = state.now();
    if (!a.description.startsWith("Launching a new EC2 instance.")
        && !a.description.startsWith("Could not")) {
      state.record(
          new AutoScalingFact.ScalingActivityEnded(state.name, a.activityId, a.description, s));
    }
    if (a.cooldownBatch) {
      a.cooldownBatch = false;
      if (--cooldownBatchOpen == 0 && pendingCooldown != null) {
        cooldownEnds.accept(state.now().plus(pendingCooldown));
        pendingCooldown = null;
      }
    }
    listeners.completed(a.snapshot());
  }
}
