package io.github.cloudtwin.whatif;

import io.github.cloudtwin.autoscaling.ScalingActivity;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What one Auto Scaling group did during a replay.
 *
 * @param groupName the group
 * @param peakInService the most InService instances at once
 * @param meanInService InService instances averaged over the replay's time
 * @param capacity every change of its InService count per zone, in order
 * @param activities its scaling activities that started during the replay
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record GroupOutcome(
    String groupName,
    int peakInService,
    double meanInService,
    List<CapacityPoint> capacity,
    List<ScalingActivity> activities) {

  /**
   * Copies the lists.
   *
   * @param groupName the group
   * @param peakInService the most InService instances at once
   * @param meanInService InService instances averaged over the replay's time
   * @param capacity every change of its InService count per zone, in order
   * @param activities its scaling activities that started during the replay
   */
  public GroupOutcome {
    capacity = List.copyOf(capacity);
    activities = List.copyOf(activities);
  }
}
