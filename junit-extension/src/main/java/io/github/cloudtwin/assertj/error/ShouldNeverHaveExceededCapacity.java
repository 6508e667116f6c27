package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.DesiredCapacityChange;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/** An Auto Scaling group's desired capacity went above a limit. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldNeverHaveExceededCapacity extends CloudTwinErrorMessage {

  private ShouldNeverHaveExceededCapacity(String text) {
    super(text);
  }

  /**
   * The highest desired capacity the group has had (from its timeline).
   *
   * @param group the group
   * @return the highest desired capacity the group has had (from its timeline)
   */
  public static int peak(AutoScalingGroup group) {
    return ScalingFacts.desiredHistory(group).stream()
        .mapToInt(DesiredCapacityChange::desiredCapacity)
        .max()
        .orElse(group.desiredCapacity());
  }

  /**
   * The real size went above the limit.
   *
   * @param group the group
   * @param zone the zone, or null for the whole group
   * @param limit the limit
   * @param first the first size above it
   * @return the message
   */
  public static ShouldNeverHaveExceededCapacity shouldNeverHaveExceededSize(
      AutoScalingGroup group,
      @Nullable String zone,
      int limit,
      io.github.cloudtwin.autoscaling.GroupSize first) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting Auto Scaling group ")
        .append(ScalingFacts.quoted(group.name()))
        .append(" never to have more than ")
        .append(limit)
        .append(" instances (Pending + InService + Terminating)")
        .append(zone == null ? "" : " in " + zone)
        .append('\n');
    sb.append("but it had ")
        .append(zone == null ? first.total() : first.inZone(zone))
        .append(" at ")
        .append(ScalingFacts.at(group.timeline(), first.time()))
        .append(" (per zone: ")
        .append(ScalingFacts.counts(first.byZone()))
        .append(").\n");
    sb.append(
        TimelineSlice.of(
            group.timeline(),
            e -> e.resource().equals("group/" + group.name()) && !e.time().isAfter(first.time())));
    return new ShouldNeverHaveExceededCapacity(sb.toString().stripTrailing());
  }

  /**
   * The message.
   *
   * @param group the group
   * @param limit the limit
   * @return the message
   */
  public static ShouldNeverHaveExceededCapacity shouldNeverHaveExceededCapacity(
      AutoScalingGroup group, int limit) {
    StringBuilder sb = new StringBuilder();
    List<DesiredCapacityChange> history = ScalingFacts.desiredHistory(group);
    DesiredCapacityChange first =
        history.stream().filter(d -> d.desiredCapacity() > limit).findFirst().orElseThrow();
    int peak =
        history.stream().mapToInt(DesiredCapacityChange::desiredCapacity).max().orElseThrow();
    sb.append("Expecting Auto Scaling group ")
        .append(ScalingFacts.quoted(group.name()))
        .append(" never to exceed desired capacity ")
        .append(limit)
        .append('\n');
    sb.append("but it went to ")
        .append(first.desiredCapacity())
        .append(" at ")
        .append(ScalingFacts.at(group.timeline(), first.time()))
        .append(" (peak ")
        .append(peak)
        .append(").\n");
    sb.append(TimelineSlice.of(group.timeline(), e -> e.id() == first.event().id()));
    return new ShouldNeverHaveExceededCapacity(sb.toString().stripTrailing());
  }
}
