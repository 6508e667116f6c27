package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/**
 * Told about scaling activities as they start and end, on the simulation thread. A Mockito mock
 * works as a listener.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface ScalingActivityListener {

  /**
   * An activity started (its status is not done yet, or Failed at once).
   *
   * @param activity the activity
   */
  default void activityStarted(ScalingActivity activity) {}

  /**
   * An activity ended: Successful, Failed or Cancelled.
   *
   * @param activity the activity
   */
  default void activityCompleted(ScalingActivity activity) {}
}
