package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.ec2.PurchaseOption;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/** A mixed instances group has another On-Demand or Spot capacity than expected. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldHaveCapacityByPurchaseOption extends CloudTwinErrorMessage {

  private ShouldHaveCapacityByPurchaseOption(String text) {
    super(text);
  }

  /**
   * The message.
   *
   * @param group the group
   * @param option On-Demand or Spot
   * @param expected the expected capacity units
   * @return the message
   */
  public static ShouldHaveCapacityByPurchaseOption shouldHaveCapacity(
      AutoScalingGroup group, PurchaseOption option, int expected) {
    Map<PurchaseOption, Integer> split = group.capacityByPurchaseOption();
    Map<String, Integer> byType = new TreeMap<>();
    for (AutoScalingInstance i : group.instances()) {
      byType.merge(
          i.purchaseOption() + " " + i.instanceType() + " " + i.lifecycleState(), 1, Integer::sum);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting Auto Scaling group ")
        .append(ScalingFacts.quoted(group.name()))
        .append(" to have ")
        .append(expected)
        .append(' ')
        .append(name(option))
        .append(" capacity units\n");
    sb.append("but it has ")
        .append(split.get(option))
        .append(" (On-Demand ")
        .append(split.get(PurchaseOption.ON_DEMAND))
        .append(", Spot ")
        .append(split.get(PurchaseOption.SPOT))
        .append("; desired capacity ")
        .append(group.desiredCapacity())
        .append("; instances: ")
        .append(byType.isEmpty() ? "none" : ScalingFacts.counts(byType))
        .append(").\n");
    sb.append(ScalingFacts.groupSlice(group));
    return new ShouldHaveCapacityByPurchaseOption(sb.toString().stripTrailing());
  }

  static String name(PurchaseOption option) {
    return option == PurchaseOption.SPOT ? "Spot" : "On-Demand";
  }
}
