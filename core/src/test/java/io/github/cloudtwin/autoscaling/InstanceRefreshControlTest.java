package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.InstanceRefreshTest.refresh;
import static io.github.cloudtwin.autoscaling.InstanceRefreshTest.runToEnd;
import static io.github.cloudtwin.autoscaling.InstanceRefreshTest.sample;
import static io.github.cloudtwin.autoscaling.InstanceRefreshTest.start;
import static io.github.cloudtwin.autoscaling.InstanceRefreshTest.twinWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Instance refresh around the instances it meets and the calls that steer it: Standby and scale-in
 * protected instances, cancel, rollback, auto rollback on alarms, and what AWS refuses.
 */
class InstanceRefreshControlTest {

  private static InstanceRefreshes refreshes(CloudTwin twin) {
    return twin.autoScaling().instanceRefreshes();
  }

  private static String first(CloudTwin twin) {
    return twin.autoScaling().group("web").instances().get(0).instanceId();
  }

  private static List<String> versions(CloudTwin twin) {
    return twin.autoScaling().group("web").instances().stream()
        .map(AutoScalingInstance::launchTemplateVersion)
        .toList();
  }

  // RefreshPreferences.StandbyInstances: "Wait (default): Amazon EC2 Auto Scaling waits one hour
  // for you to return the instances to service. Otherwise, the instance refresh will fail."
  @Test
  void aStandbyInstanceFailsTheRefreshAfterAnHourByDefault() {
    try (CloudTwin twin = twinWith(3)) {
      twin.autoScaling().enterStandby("web", false, first(twin));
      twin.advance(Duration.ofMinutes(1));
      start(twin, RefreshPreferences.builder().minHealthyPercentage(0).build());
      twin.advance(Duration.ofMinutes(5));
      assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.IN_PROGRESS);
      assertThat(refresh(twin).statusReason()).contains("Standby");
      twin.advance(Duration.ofMinutes(56));
      assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.FAILED);
      assertThat(refresh(twin).statusReason())
          .startsWith("Waited one hour for instances in Standby");
    }
  }

  @Test
  void aStandbyInstanceThatReturnsWithinTheHourIsReplacedToo() {
    try (CloudTwin twin = twinWith(3)) {
      String standby = first(twin);
      twin.autoScaling().enterStandby("web", false, standby);
      twin.advance(Duration.ofMinutes(1));
      start(twin, RefreshPreferences.builder().minHealthyPercentage(0).build());
      twin.advance(Duration.ofMinutes(30));
      twin.autoScaling().exitStandby("web", standby);
      runToEnd(twin, Duration.ofHours(1));
      assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
      assertThat(versions(twin)).containsOnly("2");
    }
  }

  // StandbyInstances Terminate: "Amazon EC2 Auto Scaling terminates instances that are in
  // Standby"; Ignore: "ignores instances that are in Standby and continues to replace instances
  // that are in the InService state"
  @Test
  void standbyTerminateTerminatesItAndIgnoreLeavesIt() {
    for (StandbyInstances behaviour :
        List.of(StandbyInstances.TERMINATE, StandbyInstances.IGNORE)) {
      try (CloudTwin twin = twinWith(3)) {
        String standby = first(twin);
        twin.autoScaling().enterStandby("web", false, standby);
        twin.advance(Duration.ofMinutes(1));
        start(twin, RefreshPreferences.builder().standbyInstances(behaviour).build());
        runToEnd(twin, Duration.ofHours(1));
        assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
        boolean stillThere =
            twin.autoScaling().group("web").instances().stream()
                .anyMatch(i -> i.instanceId().equals(standby));
        assertThat(stillThere)
            .as(behaviour.awsName())
            .isEqualTo(behaviour == StandbyInstances.IGNORE);
      }
    }
  }

  // RefreshPreferences.ScaleInProtectedInstances: Refresh replaces protected instances, Ignore
  // leaves them, Wait (default) "waits one hour for you to remove scale-in protection. Otherwise,
  // the instance refresh will fail."
  @Test
  void protectedInstancesAreRefreshedIgnoredOrWaitedFor() {
    for (ScaleInProtectedInstances behaviour : ScaleInProtectedInstances.values()) {
      try (CloudTwin twin = twinWith(3)) {
        String shielded = first(twin);
        twin.autoScaling().setInstanceProtection("web", true, shielded);
        start(twin, RefreshPreferences.builder().scaleInProtectedInstances(behaviour).build());
        runToEnd(twin, Duration.ofHours(2));
        boolean stillThere =
            twin.autoScaling().group("web").instances().stream()
                .anyMatch(i -> i.instanceId().equals(shielded));
        InstanceRefreshStatus expected =
            behaviour == ScaleInProtectedInstances.WAIT
                ? InstanceRefreshStatus.FAILED
                : InstanceRefreshStatus.SUCCESSFUL;
        assertThat(refresh(twin).status()).as(behaviour.awsName()).isEqualTo(expected);
        assertThat(stillThere)
            .as(behaviour.awsName())
            .isEqualTo(behaviour != ScaleInProtectedInstances.REFRESH);
      }
    }
  }

  // CancelInstanceRefresh: "When you cancel an instance refresh, this does not roll back any
  // changes that it made"; Cancelling until in-flight launches and terminations complete
  @Test
  void cancelStopsNewReplacementsAndKeepsTheOnesMade() {
    try (CloudTwin twin = twinWith(4)) {
      start(twin, RefreshPreferences.defaults());
      twin.advance(Duration.ofSeconds(45)); // the first replacement is InService
      twin.advance(Duration.ofSeconds(1)); // the second is launching
      String id = refreshes(twin).cancelInstanceRefresh("web");
      assertThat(refresh(twin).instanceRefreshId()).isEqualTo(id);
      assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.CANCELLING);
      twin.advance(Duration.ofMinutes(5));
      assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.CANCELLED);
      int onNew = sample(twin).onNew();
      assertThat(onNew).isBetween(1, 3);
      twin.advance(Duration.ofMinutes(30));
      assertThat(sample(twin).onNew()).isEqualTo(onNew); // nothing more is replaced
      assertThat(twin.autoScaling().group("web").spec().launchTemplateVersion()).isEqualTo("1");
    }
  }

  // RollbackInstanceRefresh: "Amazon EC2 Auto Scaling replaces any instances that were replaced
  // during the instance refresh"; PercentageComplete "gradually goes back down to zero during a
  // rollback"; RollbackDetails keep the values at the rollback
  @Test
  void aRollbackReplacesWhatTheRefreshLaunchedWithThePreviousConfiguration() {
    try (CloudTwin twin = twinWith(4)) {
      start(twin, RefreshPreferences.builder().minHealthyPercentage(50).build());
      twin.advance(Duration.ofSeconds(40)); // two replaced, InService
      int pctBefore = refresh(twin).percentageComplete();
      assertThat(pctBefore).isEqualTo(50);
      refreshes(twin).rollbackInstanceRefresh("web");
      InstanceRefresh r = refresh(twin);
      assertThat(r.status()).isEqualTo(InstanceRefreshStatus.ROLLBACK_IN_PROGRESS);
      assertThat(r.rollbackDetails()).isNotNull();
      assertThat(r.rollbackDetails().percentageCompleteOnRollback()).isEqualTo(50);
      assertThat(r.rollbackDetails().instancesToUpdateOnRollback()).isEqualTo(2);
      assertThat(r.rollbackDetails().rollbackReason()).contains("user request");
      runToEnd(twin, Duration.ofHours(1));
      assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.ROLLBACK_SUCCESSFUL);
      assertThat(refresh(twin).percentageComplete()).isZero();
      assertThat(versions(twin)).hasSize(4).containsOnly("1");
      assertThat(twin.autoScaling().group("web").spec().launchTemplateVersion()).isEqualTo("1");
    }
  }

  // RefreshPreferences.AutoRollback with AlarmSpecification: the refresh rolls back "if ... a
  // CloudWatch alarm threshold is met"; without AutoRollback the alarm fails it
  @Test
  void anAlarmInAlarmRollsTheRefreshBackOrFailsIt() {
    for (boolean autoRollback : new boolean[] {true, false}) {
      try (CloudTwin twin = twinWith(4)) {
        twin.cloudWatch()
            .putMetricAlarm(
                MetricAlarmSpec.builder()
                    .alarmName("errors")
                    .metric(MetricId.of("App", "Errors"))
                    .period(Duration.ofMinutes(1))
                    .evaluationPeriods(1)
                    .threshold(10)
                    .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                    .build());
        start(
            twin,
            RefreshPreferences.builder()
                .minHealthyPercentage(75)
                .autoRollback(autoRollback)
                .alarms("errors")
                .build());
        twin.advance(Duration.ofSeconds(40));
        assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.IN_PROGRESS);
        twin.cloudWatch().setAlarmState("errors", AlarmState.ALARM, "errors after the new AMI");
        InstanceRefresh r = refresh(twin); // at once: the refresh heeds the alarm's transition
        if (autoRollback) {
          assertThat(r.status()).isEqualTo(InstanceRefreshStatus.ROLLBACK_IN_PROGRESS);
          assertThat(r.rollbackDetails().rollbackReason()).contains("errors").contains("ALARM");
          runToEnd(twin, Duration.ofHours(1));
          assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.ROLLBACK_SUCCESSFUL);
          assertThat(versions(twin)).containsOnly("1");
        } else {
          assertThat(r.status()).isEqualTo(InstanceRefreshStatus.FAILED);
          assertThat(r.statusReason()).contains("errors");
          assertThat(r.endTime()).isNotNull();
        }
      }
    }
  }

  @Test
  void asecondRefreshWhileOneIsActiveIsRefusedWithInstanceRefreshInProgress() {
    try (CloudTwin twin = twinWith(2)) {
      String id = start(twin, RefreshPreferences.defaults());
      assertThatThrownBy(() -> start(twin, RefreshPreferences.defaults()))
          .isInstanceOf(InstanceRefreshException.class)
          .hasMessageStartingWith("InstanceRefreshInProgress: An Instance Refresh is already")
          .hasMessageContaining(id)
          .satisfies(
              e ->
                  assertThat(((InstanceRefreshException) e).code())
                      .isEqualTo(InstanceRefreshException.IN_PROGRESS));
      assertThat(refreshes(twin).describeInstanceRefreshes("web")).hasSize(1);
    }
  }

  // CancelInstanceRefresh / RollbackInstanceRefresh: "If an instance refresh or rollback is not in
  // progress, an ActiveInstanceRefreshNotFound error occurs"
  @Test
  void cancelOrRollbackWithNothingActiveIsActiveInstanceRefreshNotFound() {
    try (CloudTwin twin = twinWith(1)) {
      assertThatThrownBy(() -> refreshes(twin).cancelInstanceRefresh("web"))
          .isInstanceOf(InstanceRefreshException.class)
          .hasMessageStartingWith("ActiveInstanceRefreshNotFound")
          .hasMessageContaining("web");
      assertThatThrownBy(() -> refreshes(twin).rollbackInstanceRefresh("web"))
          .isInstanceOf(InstanceRefreshException.class)
          .hasMessageStartingWith("ActiveInstanceRefreshNotFound");
    }
  }

  // RollbackInstanceRefresh: "A rollback is not supported ... There is no desired configuration
  // specified for the instance refresh", nor for a group on $Latest or $Default
  @Test
  void aRefreshWithoutDesiredConfigurationOrOnLatestIsIrreversible() {
    try (CloudTwin twin = twinWith(2)) {
      refreshes(twin)
          .startInstanceRefresh(InstanceRefreshSpec.builder().autoScalingGroupName("web").build());
      assertThatThrownBy(() -> refreshes(twin).rollbackInstanceRefresh("web"))
          .isInstanceOf(InstanceRefreshException.class)
          .hasMessageStartingWith("IrreversibleInstanceRefresh")
          .hasMessageContaining("no desired configuration");
      assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.PENDING);
    }
    try (CloudTwin twin = twinWith(2)) {
      twin.autoScaling().updateLaunchTemplate("web", "lt-web", "$Latest");
      assertThatThrownBy(() -> start(twin, RefreshPreferences.builder().autoRollback(true).build()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("AutoRollback")
          .hasMessageContaining("$Latest");
      assertThat(refreshes(twin).describeInstanceRefreshes("web")).isEmpty();
    }
  }

  @Test
  void anUnknownAlarmIsRefusedNamingTheAlarmsThatExist() {
    try (CloudTwin twin = twinWith(1)) {
      assertThatThrownBy(() -> start(twin, RefreshPreferences.builder().alarms("nope").build()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("AlarmSpecification.Alarms")
          .hasMessageContaining("nope");
      assertThat(refreshes(twin).describeInstanceRefreshes("web")).isEmpty();
    }
  }

  // RefreshPreferences ranges: MinHealthyPercentage 0-100, MaxHealthyPercentage 100-200 and at most
  // 100 above the minimum (which must then be given), CheckpointDelay 0-172800 only with
  // CheckpointPercentages (ascending, unique), BakeTime 0-172800, up to 10 alarms
  @Test
  void preferencesOutOfRangeAreRefusedNamingFieldValueAndRange() {
    assertRefused(
        () -> RefreshPreferences.builder().minHealthyPercentage(101).build(),
        "MinHealthyPercentage",
        "101");
    assertRefused(
        () ->
            RefreshPreferences.builder().minHealthyPercentage(90).maxHealthyPercentage(99).build(),
        "MaxHealthyPercentage",
        "between 100 and 200");
    assertRefused(
        () ->
            RefreshPreferences.builder().minHealthyPercentage(90).maxHealthyPercentage(201).build(),
        "MaxHealthyPercentage",
        "201");
    assertRefused(
        () ->
            RefreshPreferences.builder().minHealthyPercentage(50).maxHealthyPercentage(160).build(),
        "MaxHealthyPercentage",
        "at most 150");
    assertRefused(
        () -> RefreshPreferences.builder().maxHealthyPercentage(110).build(),
        "MinHealthyPercentage",
        "whenever MaxHealthyPercentage");
    assertRefused(
        () -> RefreshPreferences.builder().checkpointDelay(Duration.ofMinutes(5)).build(),
        "CheckpointPercentages",
        "whenever CheckpointDelay");
    assertRefused(
        () -> RefreshPreferences.builder().checkpointPercentages(50, 20).build(),
        "CheckpointPercentages",
        "20 does not follow 50");
    assertRefused(
        () -> RefreshPreferences.builder().checkpointPercentages(0, 100).build(),
        "CheckpointPercentages",
        "out of range");
    assertRefused(
        () ->
            RefreshPreferences.builder()
                .checkpointPercentages(100)
                .checkpointDelay(Duration.ofSeconds(172_801))
                .build(),
        "CheckpointDelay",
        "172800");
    assertRefused(
        () -> RefreshPreferences.builder().bakeTime(Duration.ofSeconds(-1)).build(),
        "BakeTime",
        "172800");
    assertRefused(
        () ->
            RefreshPreferences.builder()
                .alarms("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k")
                .build(),
        "AlarmSpecification.Alarms",
        "at most 10");
    assertThat(RefreshPreferences.builder().checkpointPercentages(20).build().checkpointDelay())
        .isEqualTo(Duration.ofSeconds(3600));
    RefreshPreferences d = RefreshPreferences.defaults();
    assertThat(d.minHealthyPercentage()).isEqualTo(90);
    assertThat(d.maxHealthyPercentage()).isEqualTo(100);
    assertThat(d.standbyInstances()).isEqualTo(StandbyInstances.WAIT);
    assertThat(d.scaleInProtectedInstances()).isEqualTo(ScaleInProtectedInstances.WAIT);
    assertThat(d.skipMatching()).isFalse();
    assertThat(d.autoRollback()).isFalse();
    assertThat(d.toBuilder().build()).isEqualTo(d);
  }

  private static void assertRefused(Runnable build, String field, String text) {
    assertThatThrownBy(build::run)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(field)
        .hasMessageContaining(text);
  }
}
