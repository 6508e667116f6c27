package io.github.cloudtwin.autoscaling;

import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A scaling activity, as {@code DescribeScalingActivities} shows it: an immutable snapshot.
 *
 * @param activityId unique id
 * @param autoScalingGroupName the group
 * @param description such as {@code Launching a new EC2 instance: i-0...}
 * @param cause AWS-style sentences {@code At <time> <clause>.} joined by two spaces
 * @param startTime when it started
 * @param endTime when it ended, or null
 * @param statusCode its status
 * @param statusMessage why it failed, or null
 * @param progress 0 to 100
 * @param instanceId the instance it acts on, or null
 * @param availabilityZone the zone of its instance, or of the failed launch (AWS's {@code Details}
 *     carry it as {@code "Availability Zone"}); null for activities without one
 * @param timelineEventId the timeline event that records its start (its cause chain leads to the
 *     alarm transition or call that caused it)
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record ScalingActivity(
    String activityId,
    String autoScalingGroupName,
    String description,
    String cause,
    Instant startTime,
    @Nullable Instant endTime,
    ActivityStatus statusCode,
    @Nullable String statusMessage,
    int progress,
    @Nullable String instanceId,
    @Nullable String availabilityZone,
    long timelineEventId) {}
