package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.WarmPool;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/** An Auto Scaling group's warm pool holds another number of instances than expected. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldHaveWarmPool extends CloudTwinErrorMessage {

  private ShouldHaveWarmPool(String text) {
    super(text);
  }

  /**
   * The message for the pool's instances in any state ({@code hasWarmPoolSize}) or only those ready
   * in the pool state ({@code hasWarmedInstances}).
   *
   * @param group the group
   * @param expected the expected number
   * @param warmedOnly whether only ready instances count
   * @return the message
   */
  public static ShouldHaveWarmPool shouldHaveWarmPool(
      AutoScalingGroup group, int expected, boolean warmedOnly) {
    Optional<WarmPool> pool = group.warmPool();
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting Auto Scaling group ")
        .append(ScalingFacts.quoted(group.name()))
        .append(" to have ")
        .append(expected)
        .append(
            warmedOnly ? " warmed instances in its warm pool\n" : " instances in its warm pool\n");
    if (pool.isEmpty()) {
      sb.append("but it has no warm pool.\n");
    } else {
      WarmPool p = pool.get();
      Map<String, Integer> byState = new TreeMap<>();
      for (AutoScalingInstance i : p.instances())
        byState.merge(i.lifecycleState().toString(), 1, Integer::sum);
      sb.append("but it has ")
          .append(warmedOnly ? p.warmedInstances().size() : p.instances().size())
          .append(" (pool size ")
          .append(p.poolSize())
          .append(", ")
          .append(p.configuration().poolState())
          .append(p.status() == null ? "" : ", " + p.status())
          .append("; instances by lifecycle state: ")
          .append(byState.isEmpty() ? "none" : ScalingFacts.counts(byState))
          .append(").\n");
    }
    sb.append(ScalingFacts.groupSlice(group));
    return new ShouldHaveWarmPool(sb.toString().stripTrailing());
  }
}
