package io.github.cloudtwin.awssdk.internal.operations;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScaling;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.ScalingActivity;
import io.github.cloudtwin.autoscaling.ScalingActivityInProgressException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The groups' activity log as Auto Scaling's API shows it: {@code DescribeScalingActivities}, and
 * the activities an instance operation (standby, terminate) has just started.
 */
final class ScalingActivities {

  private final CloudTwin twin;
  private final AutoScaling autoScaling;
  private final GroupLookup groups;
  private final Pagination pages;

  ScalingActivities(CloudTwin twin, GroupLookup groups, Pagination pages) {
    this.twin = twin;
    this.autoScaling = twin.autoScaling();
    this.groups = groups;
    this.pages = pages;
  }

  Page<ScalingActivity> describeScalingActivities(
      @Nullable String groupName,
      @Nullable List<String> activityIds,
      @Nullable String nextToken,
      @Nullable Integer maxRecords) {
    List<ScalingActivity> all = new ArrayList<>();
    if (groupName != null) {
      if (groups.exists(groupName)) all.addAll(autoScaling.group(groupName).activities());
    } else {
      for (AutoScalingGroup g : autoScaling.groups()) all.addAll(g.activities());
      all.sort(Comparator.comparing(ScalingActivity::startTime).reversed());
    }
    if (activityIds != null && !activityIds.isEmpty()) {
      Set<String> wanted = new LinkedHashSet<>(activityIds);
      all.removeIf(a -> !wanted.contains(a.activityId()));
    }
    return pages.page(
        "DescribeScalingActivities", all, nextToken, maxRecords, 100, 100, "maxRecords");
  }

  /**
   * The activities of {@code groupName} that started now for {@code instanceIds} (none for an
   * unknown group).
   */
  List<ScalingActivity> startedNow(@Nullable String groupName, @Nullable List<String> instanceIds) {
    if (groupName == null || !groups.exists(groupName)) return List.of();
    if (instanceIds == null) return List.of();
    Instant now = twin.now();
    return autoScaling.group(groupName).activities().stream()
        .filter(a -> a.startTime().equals(now) && instanceIds.contains(a.instanceId()))
        .toList();
  }

  /** AWS's ScalingActivityInProgress for a change an activity in progress blocks. */
  static AwsErrorException inProgress(ScalingActivityInProgressException e) {
    return AwsErrorException.badRequest(
        "ScalingActivityInProgress",
        "Scaling activity is in progress and blocks this action (" + e.getMessage() + ")");
  }
}
