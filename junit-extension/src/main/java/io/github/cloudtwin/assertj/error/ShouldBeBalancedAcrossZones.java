package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import org.apiguardian.api.API;

/** An Auto Scaling group's InService instances differ by more than one between zones. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldBeBalancedAcrossZones extends CloudTwinErrorMessage {

  private ShouldBeBalancedAcrossZones(String text) {
    super(text);
  }

  /**
   * The message.
   *
   * @param group the group
   * @param counts the counts
   * @return the message
   */
  public static ShouldBeBalancedAcrossZones shouldBeBalancedAcrossZones(
      AutoScalingGroup group, java.util.SortedMap<String, Integer> counts) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting Auto Scaling group ")
        .append(ScalingFacts.quoted(group.name()))
        .append(" to be balanced across ")
        .append(counts.keySet())
        .append(" (InService instances per zone differing by at most 1)\n");
    if (counts.values().stream().mapToInt(Integer::intValue).sum() == 0) {
      sb.append("but it has no InService instance there, so there is nothing balanced to show.\n");
    } else {
      sb.append("but it has ").append(ScalingFacts.counts(counts)).append(".\n");
    }
    sb.append(
        TimelineSlice.of(
            group.timeline(),
            e -> e.resource().equals("group/" + group.name()) || e.resource().startsWith("zone/")));
    return new ShouldBeBalancedAcrossZones(sb.toString().stripTrailing());
  }
}
