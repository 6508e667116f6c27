package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.DesiredCapacityChange;
import java.util.List;
import org.apiguardian.api.API;

/** An Auto Scaling group has another desired capacity than expected. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldHaveDesiredCapacity extends CloudTwinErrorMessage {

  private ShouldHaveDesiredCapacity(String text) {
    super(text);
  }

  /**
   * The message.
   *
   * @param group the group
   * @param expected the expected value
   * @return the message
   */
  public static ShouldHaveDesiredCapacity shouldHaveDesiredCapacity(
      AutoScalingGroup group, int expected) {
    StringBuilder sb = new StringBuilder();
    List<DesiredCapacityChange> history = ScalingFacts.desiredHistory(group);
    int actual = group.desiredCapacity();
    sb.append("Expecting Auto Scaling group ")
        .append(ScalingFacts.quoted(group.name()))
        .append(" to have desired capacity ")
        .append(expected)
        .append('\n');
    sb.append("but it has ").append(actual);
    if (!history.isEmpty())
      sb.append(" (since ")
          .append(ScalingFacts.at(group.timeline(), history.get(history.size() - 1).time()))
          .append(")");
    sb.append(".\n");
    sb.append(ScalingFacts.groupSlice(group));
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).desiredCapacity() == expected) {
        sb.append("It had desired capacity ")
            .append(expected)
            .append(" from ")
            .append(ScalingFacts.at(group.timeline(), history.get(i).time()));
        if (i + 1 < history.size())
          sb.append(" to ").append(ScalingFacts.at(group.timeline(), history.get(i + 1).time()));
        sb.append(".\n");
        break;
      }
    }
    return new ShouldHaveDesiredCapacity(sb.toString().stripTrailing());
  }
}
