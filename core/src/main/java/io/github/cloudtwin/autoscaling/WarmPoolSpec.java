package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A warm pool's configuration, as {@code PutWarmPool} takes it (and {@code DescribeWarmPool}'s
 * {@code WarmPoolConfiguration} returns it): validated on construction.
 *
 * <p>The pool is kept at {@link #poolSize(int, int)}: {@code MaxGroupPreparedCapacity} (by default
 * the group's MaxSize) minus the group's desired capacity, at least {@code MinSize}
 * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PutWarmPool.html).
 *
 * @param autoScalingGroupName the group the pool belongs to
 * @param maxGroupPreparedCapacity {@code MaxGroupPreparedCapacity}: the most instances the group
 *     and its pool hold together; null (or -1 given to the builder) means the group's MaxSize
 * @param minSize {@code MinSize}: the fewest instances the pool keeps, default 0
 * @param poolState {@code PoolState}: the state ready instances wait in, default Stopped
 * @param reuseOnScaleIn {@code InstanceReusePolicy.ReuseOnScaleIn}: scale-in returns instances to
 *     the pool instead of terminating them, default false
 * @param restartTime the twin's own: how long a Stopped or Hibernated pool instance takes from
 *     start to running when it leaves the pool (AWS publishes no figure), default 30 s; a pool
 *     launch takes the group's full boot time
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record WarmPoolSpec(
    String autoScalingGroupName,
    @Nullable Integer maxGroupPreparedCapacity,
    int minSize,
    WarmPoolState poolState,
    boolean reuseOnScaleIn,
    Duration restartTime) {

  /** The twin's default restart time of a Stopped or Hibernated pool instance. */
  public static final Duration DEFAULT_RESTART_TIME = InstanceSpec.DEFAULT_BOOT_TIME;

  /**
   * Validates.
   *
   * @param autoScalingGroupName the group the pool belongs to
   * @param maxGroupPreparedCapacity at least 0, or null for the group's MaxSize
   * @param minSize at least 0
   * @param poolState the pool state
   * @param reuseOnScaleIn whether scale-in returns instances to the pool
   * @param restartTime 0 to 1 hour
   */
  public WarmPoolSpec {
    Require.name("AutoScalingGroupName", autoScalingGroupName);
    if (maxGroupPreparedCapacity != null && maxGroupPreparedCapacity < 0) {
      throw new ValidationException(
          "MaxGroupPreparedCapacity",
          maxGroupPreparedCapacity,
          "at least 0, or -1 to use the group's MaxSize");
    }
    Require.notNegative("MinSize", minSize);
    Require.notNull("PoolState", poolState);
    Require.between("restartTime", restartTime, Duration.ZERO, Duration.ofHours(1));
  }

  /**
   * {@return the number of instances the pool is kept at for a group of {@code maxSize} with {@code
   * desiredCapacity}: {@code max(MinSize, MaxGroupPreparedCapacity − desired)}, where
   * MaxGroupPreparedCapacity defaults to {@code maxSize}}
   *
   * @param maxSize the group's MaxSize
   * @param desiredCapacity the group's desired capacity
   */
  public int poolSize(int maxSize, int desiredCapacity) {
    int prepared = maxGroupPreparedCapacity == null ? maxSize : maxGroupPreparedCapacity;
    return Math.max(minSize, prepared - desiredCapacity);
  }

  /** {@return a builder with AWS's defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this configuration} */
  public Builder toBuilder() {
    Builder b =
        new Builder()
            .autoScalingGroupName(autoScalingGroupName)
            .minSize(minSize)
            .poolState(poolState)
            .reuseOnScaleIn(reuseOnScaleIn)
            .restartTime(restartTime);
    b.maxGroupPreparedCapacity = maxGroupPreparedCapacity;
    return b;
  }

  /** Builds a {@link WarmPoolSpec}; setters use PutWarmPool's parameter names. */
  public static final class Builder {
    private @Nullable String autoScalingGroupName;
    private @Nullable Integer maxGroupPreparedCapacity;
    private int minSize;
    private WarmPoolState poolState = WarmPoolState.STOPPED;
    private boolean reuseOnScaleIn;
    private Duration restartTime = DEFAULT_RESTART_TIME;

    private Builder() {}

    /**
     * Sets the group.
     *
     * @param name the group name
     * @return this builder
     */
    public Builder autoScalingGroupName(String name) {
      this.autoScalingGroupName = name;
      return this;
    }

    /**
     * Sets MaxGroupPreparedCapacity; -1 removes it (the group's MaxSize applies).
     *
     * @param capacity at least -1
     * @return this builder
     */
    public Builder maxGroupPreparedCapacity(int capacity) {
      if (capacity < -1) {
        throw new ValidationException(
            "MaxGroupPreparedCapacity", capacity, "at least 0, or -1 to use the group's MaxSize");
      }
      this.maxGroupPreparedCapacity = capacity == -1 ? null : capacity;
      return this;
    }

    /**
     * Sets MinSize.
     *
     * @param minSize at least 0
     * @return this builder
     */
    public Builder minSize(int minSize) {
      this.minSize = minSize;
      return this;
    }

    /**
     * Sets PoolState.
     *
     * @param poolState Stopped (the default), Running or Hibernated
     * @return this builder
     */
    public Builder poolState(WarmPoolState poolState) {
      this.poolState = poolState;
      return this;
    }

    /**
     * Sets InstanceReusePolicy.ReuseOnScaleIn.
     *
     * @param reuse whether scale-in returns instances to the pool
     * @return this builder
     */
    public Builder reuseOnScaleIn(boolean reuse) {
      this.reuseOnScaleIn = reuse;
      return this;
    }

    /**
     * Sets the twin's restart time of a Stopped or Hibernated pool instance.
     *
     * @param restartTime 0 to 1 hour, default 30 s
     * @return this builder
     */
    public Builder restartTime(Duration restartTime) {
      this.restartTime = restartTime;
      return this;
    }

    /** {@return the configuration, validated} */
    public WarmPoolSpec build() {
      return new WarmPoolSpec(
          Require.name("AutoScalingGroupName", autoScalingGroupName),
          maxGroupPreparedCapacity,
          minSize,
          poolState,
          reuseOnScaleIn,
          restartTime);
    }
  }
}
