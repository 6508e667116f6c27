package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The preferences of an instance refresh, as {@code StartInstanceRefresh}'s {@code Preferences}
 * takes them
 * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_RefreshPreferences.html), with the
 * API's defaults
 * (https://docs.aws.amazon.com/autoscaling/ec2/userguide/understand-instance-refresh-default-values.html).
 * Validated on construction.
 *
 * @param minHealthyPercentage the share of desired capacity kept InService, healthy and warmed up
 *     while instances are replaced, 0 to 100, rounded up to whole instances; default 90
 * @param maxHealthyPercentage the most capacity (in service or pending) as a share of desired, 100
 *     to 200 and at most 100 above the minimum; above 100 new instances launch before old ones are
 *     terminated; default 100
 * @param instanceWarmup how long a new instance warms up after it goes InService before it counts
 *     as healthy and the refresh moves on; null: the group's DefaultInstanceWarmup, else its
 *     HealthCheckGracePeriod
 * @param checkpointPercentages ascending, unique, each 1 to 100: the refresh pauses for {@code
 *     checkpointDelay} when this share of the instances is replaced and warmed up; it ends
 *     (Successful) at the last one; empty: none
 * @param checkpointDelay the pause at each checkpoint, 0 to 172,800 s, default 3,600 s
 * @param skipMatching whether instances already on the desired configuration are left as they are
 *     (default false: every instance is replaced)
 * @param autoRollback whether a failed refresh (or an alarm in ALARM) rolls back (default false);
 *     needs a desired configuration
 * @param scaleInProtectedInstances what to do with instances protected from scale-in (default Wait)
 * @param standbyInstances what to do with instances in Standby (default Wait)
 * @param alarms {@code AlarmSpecification.Alarms}: up to 10 metric alarm names; the refresh fails
 *     when one goes to ALARM
 * @param bakeTime how long the refresh stays {@code Baking} (alarms watched) after the last
 *     instance is updated, 0 to 172,800 s, default 0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record RefreshPreferences(
    int minHealthyPercentage,
    int maxHealthyPercentage,
    @Nullable Duration instanceWarmup,
    List<Integer> checkpointPercentages,
    Duration checkpointDelay,
    boolean skipMatching,
    boolean autoRollback,
    ScaleInProtectedInstances scaleInProtectedInstances,
    StandbyInstances standbyInstances,
    List<String> alarms,
    Duration bakeTime) {

  /** The default MinHealthyPercentage: 90. */
  public static final int DEFAULT_MIN_HEALTHY_PERCENTAGE = 90;

  /** The default MaxHealthyPercentage: 100. */
  public static final int DEFAULT_MAX_HEALTHY_PERCENTAGE = 100;

  /** The default CheckpointDelay: 3,600 s (one hour). */
  public static final Duration DEFAULT_CHECKPOINT_DELAY = Duration.ofSeconds(3600);

  /** The most alarms an AlarmSpecification names: 10. */
  public static final int MAX_ALARMS = 10;

  /** How long a refresh waits for Standby or protected instances (Wait): one hour. */
  public static final Duration WAIT_LIMIT = Duration.ofHours(1);

  private static final long MAX_DELAY_SECONDS = 172_800;

  /**
   * Validates.
   *
   * @param minHealthyPercentage 0 to 100
   * @param maxHealthyPercentage 100 to 200, at most 100 above the minimum
   * @param instanceWarmup zero or more whole seconds, or null
   * @param checkpointPercentages ascending, unique, 1 to 100
   * @param checkpointDelay 0 to 172,800 s
   * @param skipMatching skip matching
   * @param autoRollback auto rollback
   * @param scaleInProtectedInstances not null
   * @param standbyInstances not null
   * @param alarms up to 10 names
   * @param bakeTime 0 to 172,800 s
   */
  public RefreshPreferences {
    Require.between("MinHealthyPercentage", minHealthyPercentage, 0, 100);
    Require.between("MaxHealthyPercentage", maxHealthyPercentage, 100, 200);
    if (maxHealthyPercentage - minHealthyPercentage > 100) {
      throw new ValidationException(
          "MaxHealthyPercentage",
          maxHealthyPercentage,
          "at most 100 above MinHealthyPercentage "
              + minHealthyPercentage
              + " (at most "
              + (minHealthyPercentage + 100)
              + ")");
    }
    if (instanceWarmup != null) {
      Require.seconds("InstanceWarmup", instanceWarmup, 0, Require.INTEGER_SECONDS);
    }
    checkpointPercentages =
        List.copyOf(Require.notNull("CheckpointPercentages", checkpointPercentages));
    int previous = 0;
    for (Integer p : checkpointPercentages) {
      Require.notNull("CheckpointPercentages", p);
      if (p < 1 || p > 100 || p <= previous) {
        throw new ValidationException(
            "CheckpointPercentages",
            checkpointPercentages,
            "unique percentages from 1 to 100 in ascending order ("
                + p
                + (p <= previous && p >= 1 ? " does not follow " + previous : " is out of range")
                + ")");
      }
      previous = p;
    }
    Require.seconds("CheckpointDelay", checkpointDelay, 0, MAX_DELAY_SECONDS);
    Require.notNull("ScaleInProtectedInstances", scaleInProtectedInstances);
    Require.notNull("StandbyInstances", standbyInstances);
    alarms = List.copyOf(Require.notNull("AlarmSpecification.Alarms", alarms));
    if (alarms.size() > MAX_ALARMS) {
      throw new ValidationException(
          "AlarmSpecification.Alarms", alarms, "at most " + MAX_ALARMS + " alarm names");
    }
    for (String a : alarms) Require.name("AlarmSpecification.Alarms", a);
    Require.seconds("BakeTime", bakeTime, 0, MAX_DELAY_SECONDS);
  }

  /** {@return the API's defaults: 90 % / 100 %, no checkpoints, Wait for Standby and protected} */
  public static RefreshPreferences defaults() {
    return builder().build();
  }

  /** {@return a builder with the API's defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these preferences} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.minHealthyPercentage = minHealthyPercentage;
    b.maxHealthyPercentage = maxHealthyPercentage;
    b.instanceWarmup = instanceWarmup;
    b.checkpointPercentages = new ArrayList<>(checkpointPercentages);
    b.checkpointDelay = checkpointPercentages.isEmpty() ? null : checkpointDelay;
    b.skipMatching = skipMatching;
    b.autoRollback = autoRollback;
    b.scaleInProtectedInstances = scaleInProtectedInstances;
    b.standbyInstances = standbyInstances;
    b.alarms = new ArrayList<>(alarms);
    b.bakeTime = bakeTime;
    return b;
  }

  /** Builds {@link RefreshPreferences}; setters use the API's property names. */
  public static final class Builder {
    private @Nullable Integer minHealthyPercentage;
    private @Nullable Integer maxHealthyPercentage;
    private @Nullable Duration instanceWarmup;
    private List<Integer> checkpointPercentages = new ArrayList<>();
    private @Nullable Duration checkpointDelay;
    private boolean skipMatching;
    private boolean autoRollback;
    private ScaleInProtectedInstances scaleInProtectedInstances = ScaleInProtectedInstances.WAIT;
    private StandbyInstances standbyInstances = StandbyInstances.WAIT;
    private List<String> alarms = new ArrayList<>();
    private Duration bakeTime = Duration.ZERO;

    private Builder() {}

    /**
     * {@return this builder with MinHealthyPercentage}
     *
     * @param percentage 0 to 100
     */
    public Builder minHealthyPercentage(int percentage) {
      this.minHealthyPercentage = percentage;
      return this;
    }

    /**
     * {@return this builder with MaxHealthyPercentage (MinHealthyPercentage must be set too)}
     *
     * @param percentage 100 to 200
     */
    public Builder maxHealthyPercentage(int percentage) {
      this.maxHealthyPercentage = percentage;
      return this;
    }

    /**
     * {@return this builder with InstanceWarmup; null: the group's default}
     *
     * @param warmup zero or more whole seconds, or null
     */
    public Builder instanceWarmup(@Nullable Duration warmup) {
      this.instanceWarmup = warmup;
      return this;
    }

    /**
     * {@return this builder with CheckpointPercentages}
     *
     * @param percentages ascending, unique, 1 to 100
     */
    public Builder checkpointPercentages(Integer... percentages) {
      this.checkpointPercentages = new ArrayList<>(List.of(percentages));
      return this;
    }

    /**
     * {@return this builder with CheckpointDelay (CheckpointPercentages must be set too)}
     *
     * @param delay 0 to 172,800 s
     */
    public Builder checkpointDelay(Duration delay) {
      this.checkpointDelay = delay;
      return this;
    }

    /**
     * {@return this builder with SkipMatching}
     *
     * @param skip whether instances on the desired configuration stay
     */
    public Builder skipMatching(boolean skip) {
      this.skipMatching = skip;
      return this;
    }

    /**
     * {@return this builder with AutoRollback}
     *
     * @param rollback whether a failure rolls back
     */
    public Builder autoRollback(boolean rollback) {
      this.autoRollback = rollback;
      return this;
    }

    /**
     * {@return this builder with ScaleInProtectedInstances}
     *
     * @param behaviour Refresh, Ignore or Wait
     */
    public Builder scaleInProtectedInstances(ScaleInProtectedInstances behaviour) {
      this.scaleInProtectedInstances = behaviour;
      return this;
    }

    /**
     * {@return this builder with StandbyInstances}
     *
     * @param behaviour Terminate, Ignore or Wait
     */
    public Builder standbyInstances(StandbyInstances behaviour) {
      this.standbyInstances = behaviour;
      return this;
    }

    /**
     * {@return this builder with AlarmSpecification.Alarms}
     *
     * @param alarmNames up to 10 metric alarm names
     */
    public Builder alarms(String... alarmNames) {
      this.alarms = new ArrayList<>(List.of(alarmNames));
      return this;
    }

    /**
     * {@return this builder with BakeTime}
     *
     * @param bake 0 to 172,800 s
     */
    public Builder bakeTime(Duration bake) {
      this.bakeTime = bake;
      return this;
    }

    /** {@return the preferences, validated} */
    public RefreshPreferences build() {
      if (maxHealthyPercentage != null && minHealthyPercentage == null) {
        throw new ValidationException(
            "MinHealthyPercentage",
            null,
            "a value whenever MaxHealthyPercentage is given (MaxHealthyPercentage is "
                + maxHealthyPercentage
                + ")");
      }
      if (checkpointDelay != null && checkpointPercentages.isEmpty()) {
        throw new ValidationException(
            "CheckpointPercentages",
            checkpointPercentages,
            "at least one percentage whenever CheckpointDelay is given (CheckpointDelay is "
                + checkpointDelay
                + ")");
      }
      return new RefreshPreferences(
          minHealthyPercentage == null ? DEFAULT_MIN_HEALTHY_PERCENTAGE : minHealthyPercentage,
          maxHealthyPercentage == null ? DEFAULT_MAX_HEALTHY_PERCENTAGE : maxHealthyPercentage,
          instanceWarmup,
          checkpointPercentages,
          checkpointDelay == null ? DEFAULT_CHECKPOINT_DELAY : checkpointDelay,
          skipMatching,
          autoRollback,
          scaleInProtectedInstances,
          standbyInstances,
          alarms,
          bakeTime);
    }
  }
}
