package io.github.cloudtwin.awssdk.internal.operations;

import io.github.cloudtwin.autoscaling.LaunchTemplateOverride;
import io.github.cloudtwin.autoscaling.MixedInstancesPolicy;
import io.github.cloudtwin.autoscaling.OnDemandAllocationStrategy;
import io.github.cloudtwin.autoscaling.SpotAllocationStrategy;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingRequests.MixedPolicy;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingRequests.OverrideSpec;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request's {@code MixedInstancesPolicy} as the core's {@link MixedInstancesPolicy}, with every
 * bad value named by its request path ({@code MixedInstancesPolicy.InstancesDistribution.…}).
 */
final class MixedPolicies {

  private MixedPolicies() {}

  /**
   * The core policy for {@code m}: each value given, else the current policy's, else AWS's default;
   * no overrides means the current ones, else the launch template's instance type.
   */
  static MixedInstancesPolicy mixedInstancesPolicy(
      MixedPolicy m, String templateType, @Nullable MixedInstancesPolicy current) {
    String at = "MixedInstancesPolicy.";
    List<LaunchTemplateOverride> overrides = new ArrayList<>();
    if (m.overrides() != null && !m.overrides().isEmpty()) {
      for (int i = 0; i < m.overrides().size(); i++) {
        OverrideSpec o = m.overrides().get(i);
        String path = at + "LaunchTemplate.Overrides[" + i + "].";
        if (o.instanceType() == null) {
          throw new UnsupportedOperationException(
              path
                  + "InstanceRequirements (attribute-based instance type selection) is not"
                  + " simulated by CloudTwin: name the InstanceType of each override");
        }
        Integer weight = null;
        if (o.weightedCapacity() != null) {
          try {
            weight = Integer.valueOf(o.weightedCapacity().trim());
          } catch (NumberFormatException e) {
            throw new ValidationException(
                path + "WeightedCapacity",
                o.weightedCapacity(),
                "a whole number between 1 and 999");
          }
        }
        try {
          overrides.add(new LaunchTemplateOverride(o.instanceType(), weight));
        } catch (ValidationException e) {
          throw new ValidationException(
              path + (e.field().equals("WeightedCapacity") ? "WeightedCapacity" : "InstanceType"),
              e.value(),
              e.allowed());
        }
      }
    } else if (current != null) {
      overrides.addAll(current.overrides());
    } else {
      overrides.add(LaunchTemplateOverride.of(templateType));
    }
    String d = at + "InstancesDistribution.";
    String onDemandName = m.onDemandAllocationStrategy();
    OnDemandAllocationStrategy od;
    if (onDemandName != null) {
      od =
          named(
              d + "OnDemandAllocationStrategy", () -> OnDemandAllocationStrategy.of(onDemandName));
    } else {
      od =
          current != null
              ? current.onDemandAllocationStrategy()
              : OnDemandAllocationStrategy.PRIORITIZED;
    }
    String spotName = m.spotAllocationStrategy();
    SpotAllocationStrategy spot;
    if (spotName != null) {
      spot = named(d + "SpotAllocationStrategy", () -> SpotAllocationStrategy.of(spotName));
    } else {
      spot =
          current != null ? current.spotAllocationStrategy() : SpotAllocationStrategy.LOWEST_PRICE;
    }
    int base =
        m.onDemandBaseCapacity() != null
            ? m.onDemandBaseCapacity()
            : current != null ? current.onDemandBaseCapacity() : 0;
    int percent =
        m.onDemandPercentageAboveBaseCapacity() != null
            ? m.onDemandPercentageAboveBaseCapacity()
            : current != null ? current.onDemandPercentageAboveBaseCapacity() : 100;
    Integer pools =
        m.spotInstancePools() != null
            ? m.spotInstancePools()
            : current != null && spot == SpotAllocationStrategy.LOWEST_PRICE
                ? current.spotInstancePools()
                : null;
    Double max = current != null ? current.spotMaxPrice() : null;
    if (m.spotMaxPrice() != null) {
      if (m.spotMaxPrice().isEmpty()) {
        max = null; // AWS: an empty value removes a previously set maximum (the On-Demand price
        // again)
      } else {
        try {
          max = Double.valueOf(m.spotMaxPrice().trim());
        } catch (NumberFormatException e) {
          throw new ValidationException(
              d + "SpotMaxPrice", m.spotMaxPrice(), "a price in USD per hour, such as 0.05");
        }
      }
    }
    try {
      return new MixedInstancesPolicy(overrides, od, base, percent, spot, pools, max);
    } catch (ValidationException e) {
      String f = e.field();
      throw new ValidationException(
          (f.startsWith("Overrides") ? at + "LaunchTemplate." : d) + f, e.value(), e.allowed());
    }
  }

  private static <T> T named(String path, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (ValidationException e) {
      throw new ValidationException(path, e.value(), e.allowed());
    }
  }
}
