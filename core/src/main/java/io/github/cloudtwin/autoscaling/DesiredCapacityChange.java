package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * One step of a group's desired capacity: the value it took at {@code time} and the timeline event
 * that set it (the group created, its constraints updated, or its desired capacity changed). An
 * immutable value.
 *
 * @param time when the group took this desired capacity
 * @param desiredCapacity the desired capacity from then on
 * @param event the event that set it; its fact says why
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record DesiredCapacityChange(Instant time, int desiredCapacity, TimelineEvent event) {

  /**
   * Validates.
   *
   * @param time when the group took this desired capacity
   * @param desiredCapacity the desired capacity from then on
   * @param event the event that set it; its fact says why
   */
  public DesiredCapacityChange {
    Require.notNull("time", time);
    Require.notNull("event", event);
  }
}
