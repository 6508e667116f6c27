package io.github.cloudtwin.awssdk.internal.operations;

import static io.github.cloudtwin.awssdk.internal.operations.Constraints.required;

import io.github.cloudtwin.autoscaling.AutoScaling;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.ScheduledActionSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Auto Scaling's scheduled actions: put, describe and delete. */
final class ScheduledActionOperations {

  private final AutoScaling autoScaling;
  private final GroupLookup groups;
  private final Pagination pages;

  ScheduledActionOperations(AutoScaling autoScaling, GroupLookup groups, Pagination pages) {
    this.autoScaling = autoScaling;
    this.groups = groups;
    this.pages = pages;
  }

  void putScheduledUpdateGroupAction(
      String groupName,
      String actionName,
      Instant startTime,
      Instant endTime,
      String recurrence,
      Integer minSize,
      Integer maxSize,
      Integer desiredCapacity) {
    groups.group(groupName);
    autoScaling.putScheduledUpdateGroupAction(
        new ScheduledActionSpec(
            actionName,
            groupName,
            startTime,
            endTime,
            recurrence,
            minSize,
            maxSize,
            desiredCapacity));
  }

  Page<ScheduledActionSpec> describeScheduledActions(
      @Nullable String groupName,
      @Nullable List<String> actionNames,
      @Nullable String nextToken,
      @Nullable Integer maxRecords) {
    List<ScheduledActionSpec> all = new ArrayList<>();
    List<AutoScalingGroup> gs =
        groupName == null ? autoScaling.groups() : List.of(groups.group(groupName));
    for (AutoScalingGroup g : gs) all.addAll(autoScaling.scheduledActions(g.name()));
    if (actionNames != null && !actionNames.isEmpty())
      all.removeIf(a -> !actionNames.contains(a.scheduledActionName()));
    all.sort(
        Comparator.comparing(ScheduledActionSpec::autoScalingGroupName)
            .thenComparing(ScheduledActionSpec::scheduledActionName));
    return pages.page(
        "DescribeScheduledActions", all, nextToken, maxRecords, 50, 100, "maxRecords");
  }

  void deleteScheduledAction(String groupName, String actionName) {
    groups.group(groupName);
    required("scheduledActionName", actionName);
    autoScaling.deleteScheduledAction(groupName, actionName);
  }
}
