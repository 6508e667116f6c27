package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.PurchaseOption;
import io.github.cloudtwin.internal.kernel.Scheduler;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The group's bookkeeping for one of its instances. Mutable; guarded by the kernel lock. */
final class Member {

  final String instanceId;
  final Instance instance;
  final String zone;
  final String launchTemplateName;
  final String launchTemplateVersion;
  final Instant launchTime;
  final String instanceType;

  /** The capacity units it counts toward desired (its override's weight, else 1). */
  final int weight;

  final PurchaseOption purchaseOption;

  /** Capacity Rebalancing: a rebalance recommendation arrived for this Spot Instance. */
  boolean atRisk;

  /** Capacity Rebalancing: it no longer counts toward capacity; a replacement launches first. */
  boolean rebalanceOut;

  /**
   * Capacity Rebalancing: the launch replacing this at-risk member, or null while none is under
   * way.
   */
  @Nullable Member rebalanceReplacement;

  /**
   * Capacity Rebalancing: the at-risk member this launch replaces, terminated once this is
   * InService.
   */
  @Nullable Member replacing;

  /** A scale-in victim that returns to the warm pool (ReuseOnScaleIn) once it has drained. */
  boolean returningToPool;

  /** Back in the warm pool after a scale-in: the termination hooks apply in Warmed:Pending:Wait. */
  boolean returnedToPool;

  /** A warm start in its zone was refused for lack of capacity during this scale-out. */
  boolean warmStartRefused;

  /** Taken out because it reached the group's MaxInstanceLifetime. */
  boolean lifetimeVictim;

  LifecycleState state = LifecycleState.PENDING;

  /** Whether {@link GroupState#stateCounts} counts this member. */
  boolean counted;

  HealthStatus health = HealthStatus.HEALTHY;

  /**
   * Whether the group's incremental capacity counters include this member (see
   * GroupState.syncCount).
   */
  boolean inCapacityCount;

  boolean protectedFromScaleIn;

  /** When it last went InService (grace period and warm-up count from here), or null. */
  @Nullable Instant inServiceAt;

  /** Since when its status checks fail while it is running, or null. */
  @Nullable Instant impairedSince;

  /** The check that marks it unhealthy once impaired long enough, or null. */
  Scheduler.@Nullable Task impairedCheck;

  /** A health-replacement victim that keeps its capacity slot while it drains. */
  boolean holdsCapacity;

  boolean registered;
  boolean terminationStarted;

  /** Launched as a replacement within the 10 % batch limit; cleared at InService. */
  boolean replacement;

  /** Launched by AZRebalance; cleared at InService. */
  boolean rebalanceLaunch;

  boolean standbyDecremented;

  /** Unhealthy for a reason that waits for the 10 %-of-desired batch limit. */
  boolean limitedUnhealthy;

  /** Why it was marked unhealthy, or null while it is healthy. */
  @Nullable String unhealthyCause;

  /** Its launch activity while that is under way, or null. */
  @Nullable Activity activity;

  /** Pending lifecycle hooks (name to timeout task). */
  final Map<String, Scheduler.Task> waitingHooks = new LinkedHashMap<>();

  LifecycleActionResult hookOutcome = LifecycleActionResult.CONTINUE;

  Member(
      Instance instance,
      String ltName,
      String ltVersion,
      Instant launchTime,
      boolean protect,
      int weight) {
    this.instanceId = instance.instanceId();
    this.instanceType = instance.instanceType().name();
    this.purchaseOption = instance.purchaseOption();
    this.weight = weight;
    this.instance = instance;
    this.zone = instance.availabilityZone();
    this.launchTemplateName = ltName;
    this.launchTemplateVersion = ltVersion;
    this.launchTime = launchTime;
    this.protectedFromScaleIn = protect;
  }

  /** Whether it fills a slot of the desired capacity. */
  boolean counts() {
    return switch (state) {
      case PENDING, PENDING_WAIT, PENDING_PROCEED, IN_SERVICE ->
          (!terminationStarted && !rebalanceOut) || holdsCapacity;
      default -> holdsCapacity;
    };
  }

  /**
   * Whether it is still launching or warming up at {@code now} for a warm-up of {@code
   * warmupMillis}.
   */
  boolean warming(Instant now, long warmupMillis) {
    if (!counts() || terminationStarted) {
      return false;
    }
    if (inServiceAt == null) {
      return true;
    }
    return inServiceAt.toEpochMilli() + warmupMillis > now.toEpochMilli();
  }

  AutoScalingInstance snapshot() {
    return new AutoScalingInstance(
        instanceId,
        zone,
        state,
        health,
        protectedFromScaleIn,
        launchTemplateName,
        launchTemplateVersion,
        launchTime,
        instanceType,
        weight,
        purchaseOption);
  }
}
