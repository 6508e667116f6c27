package io.github.cloudtwin.autoscaling;

import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An instance refresh as {@code DescribeInstanceRefreshes} shows it
 * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_InstanceRefresh.html): an immutable
 * snapshot (read it again for current values).
 *
 * @param instanceRefreshId the id StartInstanceRefresh returned
 * @param autoScalingGroupName the group
 * @param status the status
 * @param statusReason why it is in that status (the twin's words), or null
 * @param startTime when it was started
 * @param endTime when it ended, or null while it is active
 * @param percentageComplete the share of the instances to replace that are replaced, healthy and
 *     warmed up, 0 to 100 (during a rollback it goes back down towards 0)
 * @param instancesToUpdate the instances still to update (during a rollback: the value when the
 *     rollback started)
 * @param preferences the preferences in force
 * @param launchTemplateName the desired configuration's launch template, or null
 * @param launchTemplateVersion its version, or null
 * @param mixedInstancesPolicy the desired configuration's mixed instances policy, or null
 * @param rollbackDetails about the rollback, or null when there was none
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record InstanceRefresh(
    String instanceRefreshId,
    String autoScalingGroupName,
    InstanceRefreshStatus status,
    @Nullable String statusReason,
    Instant startTime,
    @Nullable Instant endTime,
    int percentageComplete,
    int instancesToUpdate,
    RefreshPreferences preferences,
    @Nullable String launchTemplateName,
    @Nullable String launchTemplateVersion,
    @Nullable MixedInstancesPolicy mixedInstancesPolicy,
    @Nullable RollbackDetails rollbackDetails) {

  /**
   * A rollback of an instance refresh, as {@code RollbackDetails} shows it
   * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_RollbackDetails.html).
   *
   * @param rollbackReason why (a manual rollback or the failure that started an automatic one)
   * @param rollbackStartTime when it started
   * @param percentageCompleteOnRollback PercentageComplete when it started
   * @param instancesToUpdateOnRollback InstancesToUpdate when it started
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record RollbackDetails(
      String rollbackReason,
      Instant rollbackStartTime,
      int percentageCompleteOnRollback,
      int instancesToUpdateOnRollback) {}
}
