package io.github.cloudtwin.appautoscaling;

import java.time.Instant;

/**
 * A scaling activity, as {@code DescribeScalingActivities} shows it.
 *
 * @param activityId a uuid from the twin's seeded randomness
 * @param resourceId the scalable target
 * @param description such as {@code Setting desired count to 6.}
 * @param cause such as {@code monitor alarm X in state ALARM triggered policy Y}
 * @param startTime when (virtual time)
 * @param statusCode {@code Successful}
 */
public record ScalingActivity(String activityId, String resourceId, String description, String cause, Instant startTime, String statusCode) {}
