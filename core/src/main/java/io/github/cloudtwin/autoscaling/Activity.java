package io.github.cloudtwin.autoscaling;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A scaling activity while it runs. Mutable; guarded by the kernel lock. */
final class Activity {

  final String activityId;
  final String groupName;
  final String description;
  final String cause;
  final Instant startTime;
  final @Nullable String instanceId;

  /** The zone of the instance or of the failed launch, or null. */
  @Nullable String zone;

  long timelineEventId;
  @Nullable Instant endTime;
  ActivityStatus status;
  @Nullable String statusMessage;

  /** Part of a simple-policy or manual scaling whose cooldown starts when it ends. */
  boolean cooldownBatch;

  Activity(
      String activityId,
      String groupName,
      String description,
      String cause,
      Instant start,
      @Nullable String instanceId,
      ActivityStatus status) {
    this.activityId = activityId;
    this.groupName = groupName;
    this.description = description;
    this.cause = cause;
    this.startTime = start;
    this.instanceId = instanceId;
    this.status = status;
  }

  ScalingActivity snapshot() {
    int progress = status.isDone() ? 100 : status == ActivityStatus.PreInService ? 30 : 50;
    return new ScalingActivity(
        activityId,
        groupName,
        description,
        cause,
        startTime,
        endTime,
        status,
        statusMessage,
        progress,
        instanceId,
        zone,
        timelineEventId);
  }
}
