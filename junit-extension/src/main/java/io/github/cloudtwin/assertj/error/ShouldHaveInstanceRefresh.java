package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.InstanceRefresh;
import io.github.cloudtwin.facts.AutoScalingFact;
import java.util.List;
import org.apiguardian.api.API;

/**
 * An Auto Scaling group's latest instance refresh is in another status, or at another percentage
 * complete, than expected (or the group has had none).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldHaveInstanceRefresh extends CloudTwinErrorMessage {

  private ShouldHaveInstanceRefresh(String text) {
    super(text);
  }

  /**
   * The message for {@code hasInstanceRefreshStatus} or {@code
   * hasInstanceRefreshPercentageComplete}.
   *
   * @param group the group
   * @param expected what was expected, such as {@code in status Successful}
   * @return the message
   */
  public static ShouldHaveInstanceRefresh shouldHaveInstanceRefresh(
      AutoScalingGroup group, String expected) {
    List<InstanceRefresh> refreshes = group.instanceRefreshes();
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting Auto Scaling group ")
        .append(ScalingFacts.quoted(group.name()))
        .append(" to have its latest instance refresh ")
        .append(expected)
        .append('\n');
    if (refreshes.isEmpty()) {
      sb.append("but it has had no instance refresh.\n");
    } else {
      InstanceRefresh r = refreshes.get(0);
      sb.append("but refresh ")
          .append(r.instanceRefreshId())
          .append(" is ")
          .append(r.status())
          .append(" (")
          .append(r.percentageComplete())
          .append(" % complete, ")
          .append(r.instancesToUpdate())
          .append(" to update")
          .append(r.statusReason() == null ? "" : ": " + r.statusReason())
          .append(").\n");
    }
    sb.append(
        TimelineSlice.of(
            group.timeline(),
            e ->
                e.resource().equals("group/" + group.name())
                    && (e.fact() instanceof AutoScalingFact.InstanceRefreshStarted
                        || e.fact() instanceof AutoScalingFact.InstanceRefreshStatusChanged
                        || e.fact() instanceof AutoScalingFact.InstanceRefreshReplacing
                        || e.fact() instanceof AutoScalingFact.InstanceRefreshCheckpointReached)));
    return new ShouldHaveInstanceRefresh(sb.toString().stripTrailing());
  }
}
