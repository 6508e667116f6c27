package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A simple scaling policy: one adjustment per trigger, then a cooldown.
 *
 * @param policyName the name
 * @param autoScalingGroupName the group
 * @param adjustmentType how {@code scalingAdjustment} is read
 * @param scalingAdjustment the adjustment (0 or more for ExactCapacity)
 * @param minAdjustmentMagnitude for PercentChangeInCapacity only: the least |change|, or null
 * @param cooldown overrides the group's DefaultCooldown, or null
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record SimpleScalingPolicy(
    String policyName,
    String autoScalingGroupName,
    AdjustmentType adjustmentType,
    int scalingAdjustment,
    @Nullable Integer minAdjustmentMagnitude,
    @Nullable Duration cooldown)
    implements ScalingPolicySpec {

  /**
   * Validates the way PutScalingPolicy does.
   *
   * @param policyName the name
   * @param autoScalingGroupName the group
   * @param adjustmentType how {@code scalingAdjustment} is read
   * @param scalingAdjustment the adjustment (0 or more for ExactCapacity)
   * @param minAdjustmentMagnitude for PercentChangeInCapacity only: the least |change|, or null
   * @param cooldown overrides the group's DefaultCooldown, or null
   */
  public SimpleScalingPolicy {
    Require.name("PolicyName", policyName);
    Require.name("AutoScalingGroupName", autoScalingGroupName);
    Policies.checkAdjustment(adjustmentType, scalingAdjustment, minAdjustmentMagnitude);
    if (cooldown != null) {
      Require.seconds("Cooldown", cooldown, 0, Require.INTEGER_SECONDS);
    }
  }

  /** {@return a builder: ChangeInCapacity by default} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SimpleScalingPolicy}s. Not thread-safe. */
  public static final class Builder {
    private @Nullable String policyName;
    private @Nullable String autoScalingGroupName;
    private AdjustmentType adjustmentType = AdjustmentType.ChangeInCapacity;
    private @Nullable Integer scalingAdjustment;
    private @Nullable Integer minAdjustmentMagnitude;
    private @Nullable Duration cooldown;

    private Builder() {}

    /**
     * The policy name.
     *
     * @param v the policy name
     * @return this builder
     */
    public Builder policyName(String v) {
      policyName = v;
      return this;
    }

    /**
     * The group.
     *
     * @param v the group
     * @return this builder
     */
    public Builder autoScalingGroupName(String v) {
      autoScalingGroupName = v;
      return this;
    }

    /**
     * The adjustment type (default ChangeInCapacity).
     *
     * @param v the adjustment type (default ChangeInCapacity)
     * @return this builder
     */
    public Builder adjustmentType(AdjustmentType v) {
      adjustmentType = v;
      return this;
    }

    /**
     * The adjustment.
     *
     * @param v the adjustment
     * @return this builder
     */
    public Builder scalingAdjustment(int v) {
      scalingAdjustment = v;
      return this;
    }

    /**
     * MinAdjustmentMagnitude (percent policies only).
     *
     * @param v MinAdjustmentMagnitude (percent policies only)
     * @return this builder
     */
    public Builder minAdjustmentMagnitude(int v) {
      minAdjustmentMagnitude = v;
      return this;
    }

    /**
     * Cooldown (default: the group's DefaultCooldown).
     *
     * @param v cooldown (default: the group's DefaultCooldown)
     * @return this builder
     */
    public Builder cooldown(@Nullable Duration v) {
      cooldown = v;
      return this;
    }

    /** {@return the policy; throws a ValidationException naming the first invalid field} */
    public SimpleScalingPolicy build() {
      if (scalingAdjustment == null) {
        throw new ValidationException("ScalingAdjustment", null, "a value is required");
      }
      return new SimpleScalingPolicy(
          Require.name("PolicyName", policyName),
          Require.name("AutoScalingGroupName", autoScalingGroupName),
          adjustmentType,
          scalingAdjustment,
          minAdjustmentMagnitude,
          cooldown);
    }
  }
}
