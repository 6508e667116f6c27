package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.elb.TargetGroup;
import io.github.cloudtwin.elb.TargetHealth;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/** A target group has another number of healthy targets than expected. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldHaveHealthyTargetCount extends CloudTwinErrorMessage {

  private ShouldHaveHealthyTargetCount(String text) {
    super(text);
  }

  /**
   * The message.
   *
   * @param group the group
   * @param zone the zone, or null for the whole group
   * @param expected the expected value
   * @param actual the object under test
   * @return the message
   */
  public static ShouldHaveHealthyTargetCount shouldHaveHealthyTargetCount(
      TargetGroup group, @Nullable String zone, int expected, int actual) {
    StringBuilder sb = new StringBuilder();
    String where = zone == null ? "" : " in " + zone;
    sb.append("Expecting target group ")
        .append(ScalingFacts.quoted(group.name()))
        .append(" to have ")
        .append(expected)
        .append(" healthy targets")
        .append(where)
        .append('\n');
    sb.append("but it has ")
        .append(actual)
        .append(" (healthy per zone: ")
        .append(
            group.healthyTargetCountByZone().isEmpty()
                ? "no targets"
                : ScalingFacts.counts(group.healthyTargetCountByZone()))
        .append(").\n");
    Map<String, TargetHealth> health = group.targetHealth();
    Set<String> targets = health.keySet();
    sb.append(
        TimelineSlice.of(
            group.timeline(),
            e ->
                e.resource().equals("target-group/" + group.name())
                    || e.resource().startsWith("target/")
                        && targets.contains(e.resource().substring(7))));
    for (Map.Entry<String, TargetHealth> e : health.entrySet()) {
      if (!e.getValue().state().awsName().equals("healthy"))
        sb.append("Target ").append(e.getKey()).append(" is ").append(e.getValue()).append(".\n");
    }
    return new ShouldHaveHealthyTargetCount(sb.toString().stripTrailing());
  }
}
