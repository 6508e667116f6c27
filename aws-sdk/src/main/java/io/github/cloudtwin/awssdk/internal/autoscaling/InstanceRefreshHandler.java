package io.github.cloudtwin.awssdk.internal.autoscaling;

import io.github.cloudtwin.autoscaling.InstanceRefresh.RollbackDetails;
import io.github.cloudtwin.autoscaling.ScaleInProtectedInstances;
import io.github.cloudtwin.autoscaling.StandbyInstances;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingOperations;
import io.github.cloudtwin.awssdk.internal.operations.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.autoscaling.model.AlarmSpecification;
import software.amazon.awssdk.services.autoscaling.model.CancelInstanceRefreshRequest;
import software.amazon.awssdk.services.autoscaling.model.CancelInstanceRefreshResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeInstanceRefreshesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeInstanceRefreshesResponse;
import software.amazon.awssdk.services.autoscaling.model.DesiredConfiguration;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefreshLivePoolProgress;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefreshProgressDetails;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.RefreshPreferences;
import software.amazon.awssdk.services.autoscaling.model.RefreshStrategy;
import software.amazon.awssdk.services.autoscaling.model.RollbackInstanceRefreshRequest;
import software.amazon.awssdk.services.autoscaling.model.RollbackInstanceRefreshResponse;
import software.amazon.awssdk.services.autoscaling.model.StartInstanceRefreshRequest;
import software.amazon.awssdk.services.autoscaling.model.StartInstanceRefreshResponse;

/**
 * The {@code AutoScalingClient} instance refresh operations: StartInstanceRefresh,
 * DescribeInstanceRefreshes, CancelInstanceRefresh, RollbackInstanceRefresh; SDK preferences and
 * desired configuration to the twin's, the twin's refreshes to SDK {@code InstanceRefresh}es.
 */
final class InstanceRefreshHandler {

  private final AutoScalingOperations ops;

  InstanceRefreshHandler(AutoScalingOperations ops) {
    this.ops = ops;
  }

  /**
   * StartInstanceRefresh, with a desired LaunchTemplate or MixedInstancesPolicy (both at once are
   * refused, as AWS refuses them).
   */
  public StartInstanceRefreshResponse startInstanceRefresh(StartInstanceRefreshRequest r) {
    DesiredConfiguration desired = r.desiredConfiguration();
    LaunchTemplateSpecification lt = desired == null ? null : desired.launchTemplate();
    String id =
        ops.startInstanceRefresh(
            r.autoScalingGroupName(),
            r.strategyAsString(),
            lt == null ? null : lt.launchTemplateId(),
            lt == null ? null : lt.launchTemplateName(),
            lt == null ? null : lt.version(),
            desired == null ? null : GroupRequests.mixed(desired.mixedInstancesPolicy()),
            preferences(r.preferences()));
    return StartInstanceRefreshResponse.builder().instanceRefreshId(id).build();
  }

  /** DescribeInstanceRefreshes. */
  public DescribeInstanceRefreshesResponse describeInstanceRefreshes(
      DescribeInstanceRefreshesRequest r) {
    Page<io.github.cloudtwin.autoscaling.InstanceRefresh> page =
        ops.describeInstanceRefreshes(
            r.autoScalingGroupName(),
            r.hasInstanceRefreshIds() ? r.instanceRefreshIds() : null,
            r.nextToken(),
            r.maxRecords());
    List<InstanceRefresh> out = new ArrayList<>(page.items().size());
    for (io.github.cloudtwin.autoscaling.InstanceRefresh i : page.items()) out.add(refresh(i));
    return DescribeInstanceRefreshesResponse.builder()
        .instanceRefreshes(out)
        .nextToken(page.nextToken())
        .build();
  }

  /** CancelInstanceRefresh. */
  public CancelInstanceRefreshResponse cancelInstanceRefresh(CancelInstanceRefreshRequest r) {
    String id =
        ops.cancelInstanceRefresh(r.autoScalingGroupName(), r.waitForTransitioningInstances());
    return CancelInstanceRefreshResponse.builder().instanceRefreshId(id).build();
  }

  /** RollbackInstanceRefresh. */
  public RollbackInstanceRefreshResponse rollbackInstanceRefresh(RollbackInstanceRefreshRequest r) {
    String id = ops.rollbackInstanceRefresh(r.autoScalingGroupName());
    return RollbackInstanceRefreshResponse.builder().instanceRefreshId(id).build();
  }

  /** The twin's preferences of the request's (omitted ones take the API's defaults). */
  static io.github.cloudtwin.autoscaling.RefreshPreferences preferences(RefreshPreferences p) {
    io.github.cloudtwin.autoscaling.RefreshPreferences.Builder b =
        io.github.cloudtwin.autoscaling.RefreshPreferences.builder();
    if (p == null) return b.build();
    if (p.minHealthyPercentage() != null) b.minHealthyPercentage(p.minHealthyPercentage());
    if (p.maxHealthyPercentage() != null) b.maxHealthyPercentage(p.maxHealthyPercentage());
    if (p.instanceWarmup() != null) b.instanceWarmup(Duration.ofSeconds(p.instanceWarmup()));
    if (p.hasCheckpointPercentages()) {
      b.checkpointPercentages(p.checkpointPercentages().toArray(new Integer[0]));
    }
    if (p.checkpointDelay() != null) b.checkpointDelay(Duration.ofSeconds(p.checkpointDelay()));
    if (p.skipMatching() != null) b.skipMatching(p.skipMatching());
    if (p.autoRollback() != null) b.autoRollback(p.autoRollback());
    if (p.scaleInProtectedInstancesAsString() != null) {
      b.scaleInProtectedInstances(
          ScaleInProtectedInstances.fromAwsName(p.scaleInProtectedInstancesAsString()));
    }
    if (p.standbyInstancesAsString() != null) {
      b.standbyInstances(StandbyInstances.fromAwsName(p.standbyInstancesAsString()));
    }
    AlarmSpecification alarms = p.alarmSpecification();
    if (alarms != null && alarms.hasAlarms()) b.alarms(alarms.alarms().toArray(new String[0]));
    if (p.bakeTime() != null) b.bakeTime(Duration.ofSeconds(p.bakeTime()));
    return b.build();
  }

  /** The SDK's InstanceRefresh of the twin's. */
  static InstanceRefresh refresh(io.github.cloudtwin.autoscaling.InstanceRefresh i) {
    InstanceRefresh.Builder b =
        InstanceRefresh.builder()
            .instanceRefreshId(i.instanceRefreshId())
            .autoScalingGroupName(i.autoScalingGroupName())
            .status(i.status().awsName())
            .statusReason(i.statusReason())
            .startTime(i.startTime())
            .endTime(i.endTime())
            .percentageComplete(i.percentageComplete())
            .instancesToUpdate(i.instancesToUpdate())
            .progressDetails(progress(i.percentageComplete(), i.instancesToUpdate()))
            .preferences(preferences(i.preferences()))
            .strategy(RefreshStrategy.ROLLING);
    LaunchTemplateSpecification template =
        i.launchTemplateName() == null
            ? null
            : LaunchTemplateSpecification.builder()
                .launchTemplateName(i.launchTemplateName())
                .version(i.launchTemplateVersion())
                .build();
    if (i.mixedInstancesPolicy() != null) {
      b.desiredConfiguration(
          DesiredConfiguration.builder()
              .mixedInstancesPolicy(GroupResponses.mixed(i.mixedInstancesPolicy(), template))
              .build());
    } else if (template != null) {
      b.desiredConfiguration(DesiredConfiguration.builder().launchTemplate(template).build());
    }
    RollbackDetails rb = i.rollbackDetails();
    if (rb != null) {
      b.rollbackDetails(
          software.amazon.awssdk.services.autoscaling.model.RollbackDetails.builder()
              .rollbackReason(rb.rollbackReason())
              .rollbackStartTime(rb.rollbackStartTime())
              .percentageCompleteOnRollback(rb.percentageCompleteOnRollback())
              .instancesToUpdateOnRollback(rb.instancesToUpdateOnRollback())
              .progressDetailsOnRollback(
                  progress(rb.percentageCompleteOnRollback(), rb.instancesToUpdateOnRollback()))
              .build());
    }
    return b.build();
  }

  private static InstanceRefreshProgressDetails progress(int percentage, int toUpdate) {
    return InstanceRefreshProgressDetails.builder()
        .livePoolProgress(
            InstanceRefreshLivePoolProgress.builder()
                .percentageComplete(percentage)
                .instancesToUpdate(toUpdate)
                .build())
        .build();
  }

  /** The SDK's preferences of the twin's, as DescribeInstanceRefreshes shows them. */
  private static RefreshPreferences preferences(
      io.github.cloudtwin.autoscaling.RefreshPreferences p) {
    RefreshPreferences.Builder b =
        RefreshPreferences.builder()
            .minHealthyPercentage(p.minHealthyPercentage())
            .maxHealthyPercentage(p.maxHealthyPercentage())
            .skipMatching(p.skipMatching())
            .autoRollback(p.autoRollback())
            .scaleInProtectedInstances(p.scaleInProtectedInstances().awsName())
            .standbyInstances(p.standbyInstances().awsName())
            .bakeTime((int) p.bakeTime().getSeconds());
    if (p.instanceWarmup() != null) b.instanceWarmup((int) p.instanceWarmup().getSeconds());
    if (!p.checkpointPercentages().isEmpty()) {
      b.checkpointPercentages(p.checkpointPercentages())
          .checkpointDelay((int) p.checkpointDelay().getSeconds());
    }
    if (!p.alarms().isEmpty()) {
      b.alarmSpecification(AlarmSpecification.builder().alarms(p.alarms()).build());
    }
    return b.build();
  }
}
