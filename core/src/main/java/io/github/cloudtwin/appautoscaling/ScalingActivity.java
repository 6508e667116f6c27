package io.github.cloudtwin.appautoscaling;

import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A scaling activity, as {@code DescribeScalingActivities} shows it: {@code InProgress} while the
 * new desired count is being applied, then {@code Successful} with its end time and status message.
 *
 * @param activityId a uuid from the twin's seeded randomness
 * @param resourceId the scalable target
 * @param description such as {@code Setting desired count to 6.}
 * @param cause such as {@code monitor alarm X in state ALARM triggered policy Y}
 * @param startTime when (virtual time)
 * @param endTime when the change was fulfilled; null while {@code InProgress}
 * @param statusCode {@code InProgress} or {@code Successful}
 * @param statusMessage such as {@code Successfully set desired count to 6. Change successfully
 *     fulfilled by ecs.}; null while {@code InProgress}
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record ScalingActivity(
    String activityId,
    String resourceId,
    String description,
    String cause,
    Instant startTime,
    @Nullable Instant endTime,
    String statusCode,
    @Nullable String statusMessage) {

  /** This activity, fulfilled at {@code at}. */
  ScalingActivity fulfilled(Instant at, int desired) {
    return new ScalingActivity(
        activityId,
        resourceId,
        description,
        cause,
        startTime,
        at,
        "Successful",
        "Successfully set desired count to " + desired + ". Change successfully fulfilled by ecs.");
  }
}
