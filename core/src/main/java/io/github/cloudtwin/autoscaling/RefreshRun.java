package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.cloudwatch.AlarmState;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One instance refresh of a group: what it was asked to do, its status and the bookkeeping of its
 * current phase (the forward refresh, or its rollback). {@link InstanceRefreshRuntime} moves it on.
 * Mutable; guarded by the kernel lock.
 */
final class RefreshRun {

  final String id;
  final InstanceRefreshSpec spec;
  final RefreshPreferences prefs;
  final Instant startTime;

  /** The configuration the forward refresh launches: the desired one, else the group's at start. */
  final String targetName;

  final String targetVersion;

  /** The group's launch template when the refresh started (what a rollback returns to). */
  final String originalName;

  final String originalVersion;

  /** The group's mixed instances policy when the refresh started (what a rollback returns to). */
  final @Nullable MixedInstancesPolicy originalPolicy;

  /** The policy the forward refresh launches: the desired one, else the group's at start. */
  final @Nullable MixedInstancesPolicy targetPolicy;

  /** The group, which resolves a launch template version as a launch would now. */
  final GroupContext group;

  /** Each alarm's state by name, or null for an alarm that no longer exists. */
  final Function<String, @Nullable AlarmState> alarms;

  InstanceRefreshStatus status = InstanceRefreshStatus.PENDING;
  @Nullable String statusReason;
  @Nullable Instant endTime;

  /** The members when the forward refresh began: the instances it launched are the others. */
  final Set<String> forwardExisting = new LinkedHashSet<>();

  /** The members when the current phase began. */
  final Set<String> phaseExisting = new LinkedHashSet<>();

  /** The old instances still to replace in this phase, in launch order. */
  final Set<String> pending = new LinkedHashSet<>();

  /** The instances this phase took out of service that are still members (terminating). */
  final Set<String> takenOut = new LinkedHashSet<>();

  /** The instances the forward phase set out to replace (its N). */
  int total;

  /** The capacity units of those instances (N with weights). */
  int totalUnits;

  /** The units of each instance counted into {@link #total}. */
  private final Map<String, Integer> units = new HashMap<>();

  /** Old instances this phase has taken out so far. */
  int replaced;

  int percentageComplete;
  int instancesToUpdate;

  /** The next checkpoint's index in CheckpointPercentages. */
  int checkpointIndex;

  /** The end of the current checkpoint pause, or null. */
  @Nullable Instant checkpointUntil;

  /** Since when only Standby or protected instances (Wait) are left to replace, or null. */
  @Nullable Instant blockedSince;

  /** The end of the bake time, or null. */
  @Nullable Instant bakeUntil;

  /** CancelInstanceRefresh's WaitForTransitioningInstances. */
  boolean waitForTransitioning = true;

  InstanceRefresh.@Nullable RollbackDetails rollback;

  RefreshRun(
      String id,
      InstanceRefreshSpec spec,
      Instant startTime,
      GroupContext group,
      Function<String, @Nullable AlarmState> alarms) {
    this.id = id;
    this.spec = spec;
    this.prefs = spec.preferences();
    this.startTime = startTime;
    this.group = group;
    this.originalName = group.spec().launchTemplateName();
    this.originalVersion = group.spec().launchTemplateVersion();
    this.originalPolicy = group.spec().mixedInstancesPolicy();
    String name = spec.launchTemplateName();
    String version = spec.launchTemplateVersion();
    this.targetName = name == null || version == null ? originalName : name;
    this.targetVersion = name == null || version == null ? originalVersion : version;
    MixedInstancesPolicy desired = spec.mixedInstancesPolicy();
    this.targetPolicy = desired != null ? desired : originalPolicy;
    this.alarms = alarms;
  }

  /** Counts {@code m} into the instances the forward phase replaces. */
  void countIn(Member m) {
    total++;
    totalUnits += m.weight;
    units.put(m.instanceId, m.weight);
  }

  /** Counts the instance {@code id} out of the instances the forward phase replaces. */
  void countOut(String id) {
    total = Math.max(0, total - 1);
    totalUnits = Math.max(0, totalUnits - units.getOrDefault(id, 1));
  }

  /** {@return whether it is rolling back} */
  boolean rollingBack() {
    return status == InstanceRefreshStatus.ROLLBACK_IN_PROGRESS;
  }

  /** {@return the launch template name the current phase launches} */
  String phaseName() {
    return rollingBack() ? originalName : targetName;
  }

  /** {@return the launch template version the current phase launches} */
  String phaseVersion() {
    return rollingBack() ? originalVersion : targetVersion;
  }

  /** {@return the mixed instances policy the current phase launches, or null (one type)} */
  @Nullable MixedInstancesPolicy phasePolicy() {
    return rollingBack() ? originalPolicy : targetPolicy;
  }

  /**
   * {@return {@code current} (the group's spec) with the current phase's mixed instances policy,
   * which the launches of the phase read: their instance types, weights and purchase options}
   */
  AutoScalingGroupSpec phaseSpec(AutoScalingGroupSpec current) {
    MixedInstancesPolicy p = phasePolicy();
    if (Objects.equals(p, current.mixedInstancesPolicy())) return current;
    return current.toBuilder().mixedInstancesPolicy(p).build();
  }

  /**
   * {@return whether {@code m} is on the configuration {@code name}:{@code version} with {@code
   * policy}: its template, the version that resolves to now (a {@code $Latest} or {@code $Default}
   * that moved on no longer matches) and its instance type (with a policy: one of its overrides)}
   */
  boolean on(Member m, String name, String version, @Nullable MixedInstancesPolicy policy) {
    return group.resolve(name, version).matches(m, policy);
  }

  /** {@return whether {@code m} is on the forward refresh's configuration} */
  boolean onTargetConfiguration(Member m) {
    return on(m, targetName, targetVersion, targetPolicy);
  }

  /**
   * {@return whether the refresh can be rolled back: a desired configuration was given and the
   * group's version was a number (not $Latest or $Default)}
   */
  @Nullable String irreversibleBecause() {
    if (!spec.hasDesiredConfiguration()) return "no desired configuration was given";
    if (originalVersion.equals("$Latest") || originalVersion.equals("$Default")) {
      return "the group uses launch template version " + originalVersion;
    }
    return null;
  }

  /** {@return the first alarm of the AlarmSpecification in ALARM, or null} */
  @Nullable String alarmInAlarm() {
    for (String a : prefs.alarms()) {
      if (alarms.apply(a) == AlarmState.ALARM) return a;
    }
    return null;
  }

  InstanceRefresh snapshot(String groupName) {
    return new InstanceRefresh(
        id,
        groupName,
        status,
        statusReason,
        startTime,
        endTime,
        percentageComplete,
        instancesToUpdate,
        prefs,
        spec.launchTemplateName(),
        spec.launchTemplateVersion(),
        spec.mixedInstancesPolicy(),
        rollback);
  }
}
