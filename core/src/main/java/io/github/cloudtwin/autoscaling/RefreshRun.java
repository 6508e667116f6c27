package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.cloudwatch.AlarmState;
import java.time.Instant;
import java.util.LinkedHashSet;
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
    String name = spec.launchTemplateName();
    String version = spec.launchTemplateVersion();
    this.targetName = name == null || version == null ? originalName : name;
    this.targetVersion = name == null || version == null ? originalVersion : version;
    this.alarms = alarms;
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

  /**
   * {@return whether {@code m} is on the configuration {@code name}:{@code version}: its template,
   * the version that resolves to now (a {@code $Latest} or {@code $Default} that moved on no longer
   * matches) and its instance type}
   */
  boolean on(Member m, String name, String version) {
    return group.resolve(name, version).matches(m, group.spec());
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
        rollback);
  }
}
