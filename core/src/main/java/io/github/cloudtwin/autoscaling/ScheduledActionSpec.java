package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.internal.kernel.VirtualClock;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A scheduled action, as {@code PutScheduledUpdateGroupAction} takes it: once at {@code startTime},
 * or on a cron {@code recurrence} (UTC) from {@code startTime} (or now) until {@code endTime}.
 *
 * @param scheduledActionName the name, unique within the group
 * @param autoScalingGroupName the group
 * @param startTime the one-off time, or the first time a recurrence may fire; may be null with a
 *     recurrence
 * @param endTime when a recurrence stops, or null
 * @param recurrence a five-field Unix cron expression (minute hour day-of-month month day-of-week,
 *     UTC), or null for a one-off action
 * @param minSize the new MinSize, or null to keep it
 * @param maxSize the new MaxSize, or null
 * @param desiredCapacity the new DesiredCapacity, or null
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record ScheduledActionSpec(
    String scheduledActionName,
    String autoScalingGroupName,
    @Nullable Instant startTime,
    @Nullable Instant endTime,
    @Nullable String recurrence,
    @Nullable Integer minSize,
    @Nullable Integer maxSize,
    @Nullable Integer desiredCapacity) {

  /**
   * Validates the way PutScheduledUpdateGroupAction does.
   *
   * @param scheduledActionName the name, unique within the group
   * @param autoScalingGroupName the group
   * @param startTime the one-off time, or the first time a recurrence may fire; may be null with a
   *     recurrence
   * @param endTime when a recurrence stops, or null
   * @param recurrence a five-field Unix cron expression (minute hour day-of-month month
   *     day-of-week, UTC), or null for a one-off action
   * @param minSize the new MinSize, or null to keep it
   * @param maxSize the new MaxSize, or null
   * @param desiredCapacity the new DesiredCapacity, or null
   */
  public ScheduledActionSpec {
    Require.name("ScheduledActionName", scheduledActionName);
    Require.name("AutoScalingGroupName", autoScalingGroupName);
    if (recurrence == null && startTime == null) {
      throw new ValidationException("StartTime", null, "a start time, or a Recurrence");
    }
    if (recurrence != null) {
      Cron.parse(recurrence);
    }
    if (startTime != null && endTime != null && !endTime.isAfter(startTime)) {
      throw new ValidationException("EndTime", endTime, "after StartTime " + startTime);
    }
    if (minSize == null && maxSize == null && desiredCapacity == null) {
      throw new ValidationException(
          "DesiredCapacity", null, "at least one of MinSize, MaxSize and DesiredCapacity");
    }
    if (minSize != null) Require.notNegative("MinSize", minSize);
    if (maxSize != null) Require.notNegative("MaxSize", maxSize);
    if (desiredCapacity != null) Require.notNegative("DesiredCapacity", desiredCapacity);
    if (minSize != null && maxSize != null && minSize > maxSize) {
      throw new ValidationException(
          "MinSize",
          minSize,
          "at most MaxSize " + maxSize,
          "The scheduled action's MinSize "
              + minSize
              + " is greater than its MaxSize "
              + maxSize
              + ".");
    }
    if (desiredCapacity != null && minSize != null && desiredCapacity < minSize) {
      throw new ValidationException(
          "DesiredCapacity", desiredCapacity, "at least MinSize " + minSize);
    }
    if (desiredCapacity != null && maxSize != null && desiredCapacity > maxSize) {
      throw new ValidationException(
          "DesiredCapacity", desiredCapacity, "at most MaxSize " + maxSize);
    }
    if (startTime != null) VirtualClock.requireInRange("StartTime", startTime);
    if (endTime != null) VirtualClock.requireInRange("EndTime", endTime);
  }

  /**
   * A one-off action at {@code at}.
   *
   * @param name the name
   * @param group the group
   * @param at when the action runs
   * @param minSize the min size
   * @param maxSize the max size
   * @param desiredCapacity the desired capacity
   * @return a one-off action at {@code at}
   */
  public static ScheduledActionSpec once(
      String name,
      String group,
      Instant at,
      @Nullable Integer minSize,
      @Nullable Integer maxSize,
      @Nullable Integer desiredCapacity) {
    return new ScheduledActionSpec(name, group, at, null, null, minSize, maxSize, desiredCapacity);
  }

  /**
   * A recurring action on a cron expression (UTC).
   *
   * @param name the name
   * @param group the group
   * @param cron the cron
   * @param minSize the min size
   * @param maxSize the max size
   * @param desiredCapacity the desired capacity
   * @return a recurring action on a cron expression (UTC)
   */
  public static ScheduledActionSpec recurring(
      String name,
      String group,
      String cron,
      @Nullable Integer minSize,
      @Nullable Integer maxSize,
      @Nullable Integer desiredCapacity) {
    return new ScheduledActionSpec(
        name, group, null, null, cron, minSize, maxSize, desiredCapacity);
  }
}
