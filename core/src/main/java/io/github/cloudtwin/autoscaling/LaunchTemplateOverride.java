package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.ec2.InstanceType;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One instance type a mixed-instances group may launch
 * (MixedInstancesPolicy.LaunchTemplate.Overrides).
 *
 * @param instanceType an instance type of the twin's catalogue
 * @param weightedCapacity the capacity units one instance of this type counts, 1 to 999, or null
 *     (no weights: every instance counts 1)
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record LaunchTemplateOverride(String instanceType, @Nullable Integer weightedCapacity) {

  /**
   * Validates the type and the weight.
   *
   * @param instanceType an instance type of the twin's catalogue
   * @param weightedCapacity the capacity units one instance of this type counts, 1 to 999, or null
   */
  public LaunchTemplateOverride {
    Require.notNull("InstanceType", instanceType);
    InstanceType.of(instanceType);
    if (weightedCapacity != null && (weightedCapacity < 1 || weightedCapacity > 999)) {
      throw new ValidationException("WeightedCapacity", weightedCapacity, "between 1 and 999");
    }
  }

  /**
   * An override without a weight.
   *
   * @param instanceType the instance type
   * @return an override without a weight
   */
  public static LaunchTemplateOverride of(String instanceType) {
    return new LaunchTemplateOverride(instanceType, null);
  }

  /**
   * An override whose instances count {@code weightedCapacity} units each.
   *
   * @param instanceType the instance type
   * @param weightedCapacity 1 to 999
   * @return an override with that weight
   */
  public static LaunchTemplateOverride weighted(String instanceType, int weightedCapacity) {
    return new LaunchTemplateOverride(instanceType, weightedCapacity);
  }

  /** {@return the units one instance counts: its weight, or 1 without weights} */
  public int units() {
    return weightedCapacity == null ? 1 : weightedCapacity;
  }
}
