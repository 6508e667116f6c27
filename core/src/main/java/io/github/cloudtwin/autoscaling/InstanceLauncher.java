package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceLimitExceededException;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.ec2.InsufficientInstanceCapacityException;
import io.github.cloudtwin.ec2.PurchaseOption;
import io.github.cloudtwin.ec2.RequestLimitExceededException;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.internal.kernel.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Launching for one group: spreading launches over its zones (fewest first), the instance types and
 * purchase option of each launch, the failed-launch activity and its retry, and the replacements a
 * launch stands for (health, zone rebalancing, Capacity Rebalancing).
 */
final class InstanceLauncher {

  /** How soon failed launches are retried (a fake choice). */
  static final Duration LAUNCH_RETRY = Duration.ofSeconds(60);

  private final GroupState state;
  private final GroupContext group;
  private final Ec2 ec2;
  private final Scheduler scheduler;
  private final ActivityLog log;
  private final PurchaseOptions purchaseOptions;
  private final CapacityRebalancing capacityRebalancing;
  private final InstanceLifecycle lifecycle;
  private Scheduler.@Nullable Task retry;

  InstanceLauncher(
      GroupState state,
      GroupContext group,
      Ec2 ec2,
      Scheduler scheduler,
      ActivityLog log,
      PurchaseOptions purchaseOptions,
      CapacityRebalancing capacityRebalancing,
      InstanceLifecycle lifecycle) {
    this.state = state;
    this.group = group;
    this.ec2 = ec2;
    this.scheduler = scheduler;
    this.log = log;
    this.purchaseOptions = purchaseOptions;
    this.capacityRebalancing = capacityRebalancing;
    this.lifecycle = lifecycle;
  }

  private List<String> zonesByFewest() {
    List<String> enabled = group.spec().availabilityZones();
    Map<String, Integer> counts = state.zoneCounts(enabled);
    List<String> zones = new ArrayList<>(enabled);
    zones.sort(
        (a, b) -> {
          int c = Integer.compare(counts.getOrDefault(a, 0), counts.getOrDefault(b, 0));
          return c != 0 ? c : a.compareTo(b);
        });
    return zones;
  }

  /**
   * Launches instances until {@code n} capacity units are added (the last may overshoot, as with
   * weights AWS does); into {@code onlyZone} when given (rebalancing).
   */
  void launch(int n, @Nullable String onlyZone) {
    int from = state.countingCount();
    int to = from + n;
    // the units of this batch each zone takes, which a capacity-aware Spot strategy wants room for
    int zoneCount = group.spec().availabilityZones().size();
    int zoneShare = onlyZone != null ? n : (n + zoneCount - 1) / zoneCount;
    for (int added = 0; added < n; ) {
      List<String> order = onlyZone != null ? List.of(onlyZone) : zonesByFewest();
      if (onlyZone == null
          && group.spec().capacityDistributionStrategy()
              == CapacityDistributionStrategy.BALANCED_ONLY) {
        order = order.subList(0, 1);
      }
      Member awaiting = onlyZone == null ? capacityRebalancing.awaitingReplacement() : null;
      String clause =
          onlyZone != null
              ? state.at() + "an instance was launched to aid in balancing the group's zones."
              : awaiting != null
                  ? state.at()
                      + "an instance was launched in response to an EC2 instance rebalance recommendation."
                  : state.at()
                      + "an instance was started in response to a difference between desired and actual capacity,"
                      + " increasing the capacity from "
                      + from
                      + " to "
                      + to
                      + ".";
      String cause =
          state.triggerClause == null || awaiting != null
              ? clause
              : state.triggerClause + "  " + clause;
      int launched = 0;
      for (String zone : order) {
        launched = tryLaunch(zone, cause, onlyZone != null, zoneShare, awaiting);
        if (launched > 0) break;
      }
      added += launched;
      if (launched == 0) {
        if (onlyZone != null) {
          state.rebalanceSurplus--;
        } else {
          // terminate and launch: a replacement that cannot launch does not hold back the
          // termination of the next Unhealthy instances; the retry still launches for them all
          state.replacementsOwed = 0;
        }
        scheduleRetry();
        return;
      }
    }
  }

  /**
   * Launches one instance in {@code zone}: the group's instance types in the order of its
   * allocation strategy, the first EC2 has capacity for; a failed activity when none launches.
   *
   * @return the capacity units launched, 0 when the launch failed
   */
  private int tryLaunch(
      String zone, String cause, boolean rebalance, int unitsToGo, @Nullable Member awaiting) {
    Instance instance = null;
    RuntimeException failure = null;
    PurchaseOption option = purchaseOptions.nextPurchaseOption();
    Launch launch = group.launch();
    AutoScalingGroupSpec launchSpec = group.launchSpec();
    List<String> types =
        launchSpec.mixedInstancesPolicy() == null
            ? List.of(launch.instanceType())
            : purchaseOptions.instanceTypes(option, zone, unitsToGo);
    if (types.isEmpty()) failure = InsufficientInstanceCapacityException.noSpotCapacity(zone);
    for (String type : types) {
      AutoScalingGroupSpec spec = group.spec();
      InstanceSpec is =
          InstanceSpec.builder()
              .instanceType(type)
              .purchaseOption(option)
              .availabilityZone(zone)
              .bootTime(spec.bootTime())
              .detailedMonitoring(spec.detailedMonitoring())
              .launchTemplate(launch.name(), launch.version())
              .autoScalingGroupName(state.name)
              .build();
      try {
        instance = ec2.runInstance(is);
        break;
      } catch (InsufficientInstanceCapacityException e) {
        failure = e; // the next type may have capacity in this zone
      } catch (InstanceLimitExceededException | RequestLimitExceededException e) {
        failure = e;
        break;
      }
    }
    if (instance == null) {
      Objects.requireNonNull(failure, "no instance launched: a failure says why");
      Activity a =
          log.start(
              "Launching a new EC2 instance.  Status Reason: " + failure.getMessage(),
              cause,
              null,
              zone,
              ActivityStatus.Failed);
      a.statusMessage = failure.getMessage();
      log.end(a, ActivityStatus.Failed);
      return 0;
    }
    AutoScalingGroupSpec spec =
        group.spec(); // read again: the launch may have called back into the group
    Member m =
        new Member(
            instance,
            launch.name(),
            launch.version(),
            state.now(),
            spec.newInstancesProtectedFromScaleIn(),
            launchSpec.unitsOf(instance.instanceType().name()));
    m.rebalanceLaunch = rebalance;
    if (state.replacementsOwed > 0 && !rebalance) {
      state.replacementsOwed--;
      m.replacement = true;
    }
    state.members.put(m.instanceId, m);
    state.syncCount(m);
    m.activity =
        log.start(
            "Launching a new EC2 instance: " + m.instanceId,
            cause,
            m.instanceId,
            ActivityStatus.PreInService);
    if (awaiting != null) {
      awaiting.rebalanceReplacement = m;
      m.replacing = awaiting;
      state.record(
          new AutoScalingFact.RebalanceReplacementLaunched(
              state.name, awaiting.instanceId, m.instanceId));
    }
    state.memberState(m, LifecycleState.PENDING);
    if (instance.state() == InstanceState.RUNNING) {
      lifecycle.instanceRunning(m);
    }
    return m.weight;
  }

  private void scheduleRetry() {
    if (retry != null && retry.isPending()) return;
    retry = scheduler.after(LAUNCH_RETRY, group::reconcile);
  }

  /** Cancels a pending launch retry (the group is deleted). */
  void cancelRetry() {
    if (retry != null) retry.cancel();
  }
}
