package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.kernel.Timeline;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Facts about groups, load balancers and services that failure messages share. */
final class ScalingFacts {

  private static final Pattern DESIRED = Pattern.compile("desired (?:capacity \\d+ -> )?(\\d+)");

  private ScalingFacts() {}

  /** {@code +HH:MM:SS}. */
  static String at(Timeline timeline, Instant instant) {
    return TimelineSlice.offset(timeline.t0(), instant);
  }

  /** One step of a group's desired capacity: from when, the value, and the event that set it. */
  record Desired(Instant from, int value, TimelineEvent event) {}

  /** The group's desired capacity over time, from its timeline events (created, updates, changes). */
  static List<Desired> desiredHistory(AutoScalingGroup group) {
    List<Desired> out = new ArrayList<>();
    for (TimelineEvent e : group.timeline().eventsOf("group/" + group.name())) {
      if (!e.kind().equals("create") && !e.kind().equals("update") && !e.kind().equals("desired-capacity")) continue;
      Matcher m = DESIRED.matcher(e.message());
      if (m.find()) {
        int v = Integer.parseInt(m.group(1));
        if (out.isEmpty() || out.get(out.size() - 1).value() != v) out.add(new Desired(e.time(), v, e));
      }
    }
    return out;
  }

  /** {@code us-east-1a=2, us-east-1b=1}. */
  static String counts(Map<String, ? extends Number> byZone) {
    return byZone.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
  }

  /** The slice about the group's own events and their causes. */
  static String groupSlice(AutoScalingGroup group) {
    return TimelineSlice.about(group.timeline(), "group/" + group.name());
  }

  static String quoted(String name) {
    return "\"" + name + "\"";
  }
}
