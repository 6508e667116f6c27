package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.ScalingActivity;
import java.util.List;
import org.apiguardian.api.API;

/** An Auto Scaling group has another number of scaling activities than expected. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldHaveScalingActivityCount extends CloudTwinErrorMessage {

  private ShouldHaveScalingActivityCount(String text) {
    super(text);
  }

  /**
   * The message.
   *
   * @param group the group
   * @param expected the expected value
   * @return the message
   */
  public static ShouldHaveScalingActivityCount shouldHaveScalingActivityCount(
      AutoScalingGroup group, int expected) {
    StringBuilder sb = new StringBuilder();
    List<ScalingActivity> activities = group.activities();
    sb.append("Expecting Auto Scaling group ")
        .append(ScalingFacts.quoted(group.name()))
        .append(" to have ")
        .append(expected)
        .append(" scaling activities\n");
    sb.append("but it has ").append(activities.size()).append(activities.isEmpty() ? ".\n" : ":\n");
    for (int i = activities.size() - 1; i >= 0; i--) {
      ScalingActivity a = activities.get(i);
      sb.append("  ")
          .append(ScalingFacts.at(group.timeline(), a.startTime()))
          .append("  ")
          .append(a.description())
          .append(" (")
          .append(a.statusCode())
          .append(")\n");
    }
    sb.append(ScalingFacts.groupSlice(group));
    return new ShouldHaveScalingActivityCount(sb.toString().stripTrailing());
  }
}
