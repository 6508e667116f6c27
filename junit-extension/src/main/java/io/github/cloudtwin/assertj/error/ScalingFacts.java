package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.DesiredCapacityChange;
import io.github.cloudtwin.kernel.Timeline;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Facts about groups, load balancers and services that failure messages share. */
final class ScalingFacts {

  private ScalingFacts() {}

  /** {@code +HH:MM:SS}. */
  static String at(Timeline timeline, Instant instant) {
    return TimelineSlice.offset(timeline.t0(), instant);
  }

  /** The group's desired capacity over time, from the typed facts of its timeline. */
  static List<DesiredCapacityChange> desiredHistory(AutoScalingGroup group) {
    return group.capacityHistory();
  }

  /** {@code us-east-1a=2, us-east-1b=1}. */
  static String counts(Map<String, ? extends Number> byZone) {
    return byZone.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** The slice about the group's own events and their causes. */
  static String groupSlice(AutoScalingGroup group) {
    return TimelineSlice.about(group.timeline(), "group/" + group.name());
  }

  static String quoted(String name) {
    return "\"" + name + "\"";
  }
}
