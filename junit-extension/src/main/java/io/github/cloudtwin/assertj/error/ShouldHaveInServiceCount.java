package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/** An Auto Scaling group has another number of InService instances than expected. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldHaveInServiceCount extends CloudTwinErrorMessage {

  private ShouldHaveInServiceCount(String text) {
    super(text);
  }

  /**
   * The message.
   *
   * @param group the group
   * @param expected the expected value
   * @return the message
   */
  public static ShouldHaveInServiceCount shouldHaveInServiceCount(
      AutoScalingGroup group, int expected) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting Auto Scaling group ")
        .append(ScalingFacts.quoted(group.name()))
        .append(" to have ")
        .append(expected)
        .append(" InService instances\n");
    Map<String, Integer> byState = new TreeMap<>();
    for (AutoScalingInstance i : group.instances())
      byState.merge(i.lifecycleState().toString(), 1, Integer::sum);
    sb.append("but it has ")
        .append(group.inServiceCount())
        .append(" (desired capacity ")
        .append(group.desiredCapacity())
        .append("; instances by lifecycle state: ")
        .append(byState.isEmpty() ? "none" : ScalingFacts.counts(byState))
        .append(").\n");
    sb.append(ScalingFacts.groupSlice(group));
    return new ShouldHaveInServiceCount(sb.toString().stripTrailing());
  }
}
