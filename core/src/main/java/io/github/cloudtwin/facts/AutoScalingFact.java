package io.github.cloudtwin.facts;

import io.github.cloudtwin.autoscaling.ActivityStatus;
import io.github.cloudtwin.autoscaling.InstanceRefreshStatus;
import io.github.cloudtwin.autoscaling.LifecycleActionResult;
import io.github.cloudtwin.autoscaling.LifecycleState;
import io.github.cloudtwin.autoscaling.LifecycleTransition;
import io.github.cloudtwin.autoscaling.PredictiveScalingForecast;
import io.github.cloudtwin.autoscaling.PredictiveScalingPolicy;
import io.github.cloudtwin.autoscaling.ScalingPolicySpec;
import io.github.cloudtwin.autoscaling.ScalingProcess;
import io.github.cloudtwin.autoscaling.WarmPoolState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What Auto Scaling records: groups created, updated and deleted, desired capacity changes,
 * activities, members' lifecycle states, hooks, scheduled actions and policies.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public sealed interface AutoScalingFact extends Fact {

  /** Why a policy did not execute. */
  enum Reason {
    /** The group's AlarmNotification process is suspended. */
    ALARM_NOTIFICATION_SUSPENDED,
    /** A simple scaling policy waits for a scaling activity or cooldown to end. */
    COOLDOWN
  }

  /**
   * An Auto Scaling group was created (it launches toward its desired capacity).
   *
   * @param groupName the Auto Scaling group name
   * @param minSize the minimum size
   * @param maxSize the maximum size
   * @param desiredCapacity the desired capacity
   * @param availabilityZones its zones
   */
  record GroupCreated(
      String groupName,
      int minSize,
      int maxSize,
      int desiredCapacity,
      List<String> availabilityZones)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "create";
    }

    @Override
    public String message() {
      return "created: min "
          + minSize
          + ", max "
          + maxSize
          + ", desired "
          + desiredCapacity
          + ", zones "
          + availabilityZones;
    }
  }

  /**
   * A group's desired capacity changed, with the cause in AWS's words.
   *
   * @param groupName the Auto Scaling group name
   * @param from the desired capacity before
   * @param to the desired capacity after
   * @param cause why, in AWS's words (for instance {@code a user request explicitly set group
   *     desired capacity})
   */
  record DesiredCapacityChanged(String groupName, int from, int to, String cause)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "desired-capacity";
    }

    @Override
    public String message() {
      return "desired capacity " + from + " -> " + to + ": " + cause;
    }
  }

  /**
   * A group's size limits were updated without changing its desired capacity.
   *
   * @param groupName the Auto Scaling group name
   * @param minSize the minimum size
   * @param maxSize the maximum size
   * @param desiredCapacity the desired capacity
   */
  record GroupConstraintsUpdated(String groupName, int minSize, int maxSize, int desiredCapacity)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "update";
    }

    @Override
    public String message() {
      return "constraints min " + minSize + ", max " + maxSize + ", desired " + desiredCapacity;
    }
  }

  /**
   * A group's launch template was changed.
   *
   * @param groupName the Auto Scaling group name
   * @param launchTemplateName the launch template name
   * @param launchTemplateVersion the version
   */
  record LaunchTemplateUpdated(
      String groupName, String launchTemplateName, String launchTemplateVersion)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "update";
    }

    @Override
    public String message() {
      return "launch template " + launchTemplateName + ":" + launchTemplateVersion;
    }
  }

  /**
   * A group was deleted.
   *
   * @param groupName the Auto Scaling group name
   * @param forceDelete whether ForceDelete terminated its instances
   * @param instancesTerminated how many instances ForceDelete terminated
   */
  record GroupDeleted(String groupName, boolean forceDelete, int instancesTerminated)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "delete";
    }

    @Override
    public String message() {
      return "deleted"
          + (forceDelete ? " (ForceDelete: " + instancesTerminated + " instances terminated)" : "");
    }
  }

  /**
   * Load balancers or target groups were attached to a group.
   *
   * @param groupName the Auto Scaling group name
   * @param names the names attached
   */
  record LoadBalancersAttached(String groupName, List<String> names) implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "attach";
    }

    @Override
    public String message() {
      return "attached load balancers " + names;
    }
  }

  /**
   * A lifecycle hook was put on a group.
   *
   * @param groupName the Auto Scaling group name
   * @param hookName the lifecycle hook name
   * @param transition the transition it applies to
   * @param heartbeatTimeout how long an instance waits
   * @param defaultResult the result when the wait times out
   */
  record LifecycleHookPut(
      String groupName,
      String hookName,
      LifecycleTransition transition,
      Duration heartbeatTimeout,
      LifecycleActionResult defaultResult)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "lifecycle-hook";
    }

    @Override
    public String message() {
      return "hook "
          + hookName
          + " put: "
          + transition
          + ", heartbeat "
          + heartbeatTimeout.getSeconds()
          + " s, default "
          + defaultResult;
    }
  }

  /**
   * A lifecycle hook was deleted.
   *
   * @param groupName the Auto Scaling group name
   * @param hookName the lifecycle hook name
   */
  record LifecycleHookDeleted(String groupName, String hookName) implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "lifecycle-hook";
    }

    @Override
    public String message() {
      return "hook " + hookName + " deleted";
    }
  }

  /**
   * An instance's wait on a lifecycle hook ended: completed by a call, or timed out with the
   * default result.
   *
   * @param groupName the Auto Scaling group name
   * @param hookName the lifecycle hook name
   * @param instanceId the instance id
   * @param result the result
   * @param timedOut whether the heartbeat timeout ended it
   */
  record LifecycleActionCompleted(
      String groupName,
      String hookName,
      String instanceId,
      LifecycleActionResult result,
      boolean timedOut)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "lifecycle-hook";
    }

    @Override
    public String message() {
      return "hook "
          + hookName
          + (timedOut ? " timed out for " : " completed for ")
          + instanceId
          + ": "
          + result;
    }
  }

  /**
   * A heartbeat restarted an instance's wait on a lifecycle hook.
   *
   * @param groupName the Auto Scaling group name
   * @param hookName the lifecycle hook name
   * @param instanceId the instance id
   * @param heartbeatTimeout the timeout that restarts
   */
  record LifecycleActionHeartbeat(
      String groupName, String hookName, String instanceId, Duration heartbeatTimeout)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "lifecycle-hook";
    }

    @Override
    public String message() {
      return "hook "
          + hookName
          + " heartbeat for "
          + instanceId
          + ": timeout restarts ("
          + heartbeatTimeout.getSeconds()
          + " s)";
    }
  }

  /**
   * The group marked one of its instances Unhealthy (it will be replaced).
   *
   * @param groupName the Auto Scaling group name
   * @param instanceId the instance id
   * @param cause why, in AWS's words
   */
  record InstanceMarkedUnhealthy(String groupName, String instanceId, String cause)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "health";
    }

    @Override
    public String message() {
      return instanceId + " Healthy -> Unhealthy: " + cause;
    }
  }

  /**
   * A scaling activity started (or was recorded already done, such as a failed launch).
   *
   * @param groupName the Auto Scaling group name
   * @param activityId the activity id
   * @param description AWS's description
   * @param cause AWS's cause
   * @param status its status when recorded
   * @param instanceId the instance it is about, or null
   */
  record ScalingActivityStarted(
      String groupName,
      String activityId,
      String description,
      String cause,
      ActivityStatus status,
      @Nullable String instanceId)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "activity";
    }

    @Override
    public String message() {
      return description + " (" + status + ")";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("activityId", activityId, "cause", cause);
    }
  }

  /**
   * A scaling activity ended.
   *
   * @param groupName the Auto Scaling group name
   * @param activityId the activity id
   * @param description AWS's description
   * @param status how it ended
   */
  record ScalingActivityEnded(
      String groupName, String activityId, String description, ActivityStatus status)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "activity-end";
    }

    @Override
    public String message() {
      return status + ": " + description;
    }

    @Override
    public Map<String, String> details() {
      return Details.of("activityId", activityId);
    }
  }

  /**
   * A group member's lifecycle state changed ({@code Pending}, {@code InService}, ...).
   *
   * @param instanceId the instance id
   * @param groupName the Auto Scaling group name
   * @param from the state before (equal to {@code to} when the instance just joined as Pending)
   * @param to the state after
   */
  record LifecycleStateChanged(
      String instanceId, String groupName, LifecycleState from, LifecycleState to)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "instance/" + instanceId;
    }

    @Override
    public String kind() {
      return "lifecycle";
    }

    @Override
    public String message() {
      return (to == LifecycleState.PENDING && from == LifecycleState.PENDING ? "" : from + " -> ")
          + to
          + " in group "
          + groupName;
    }

    /** {@return +1 when the instance entered InService, -1 when it left, 0 otherwise} */
    public int inServiceDelta() {
      boolean before = from == LifecycleState.IN_SERVICE && to != LifecycleState.IN_SERVICE;
      boolean after = to == LifecycleState.IN_SERVICE && from != LifecycleState.IN_SERVICE;
      return after ? 1 : before ? -1 : 0;
    }
  }

  /**
   * An instance's scale-in protection was set.
   *
   * @param groupName the Auto Scaling group name
   * @param instanceId the instance id
   * @param protectedFromScaleIn whether it is protected
   */
  record InstanceProtectionChanged(
      String groupName, String instanceId, boolean protectedFromScaleIn)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "protection";
    }

    @Override
    public String message() {
      return instanceId + " protectedFromScaleIn " + protectedFromScaleIn;
    }
  }

  /**
   * Scaling processes were suspended.
   *
   * @param groupName the Auto Scaling group name
   * @param processes the processes
   */
  record ProcessesSuspended(String groupName, List<ScalingProcess> processes)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "suspend";
    }

    @Override
    public String message() {
      return "suspended " + processes;
    }
  }

  /**
   * Scaling processes were resumed.
   *
   * @param groupName the Auto Scaling group name
   * @param processes the processes
   */
  record ProcessesResumed(String groupName, List<ScalingProcess> processes)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "resume";
    }

    @Override
    public String message() {
      return "resumed " + processes;
    }
  }

  /**
   * A scheduled action was put on a group.
   *
   * @param groupName the Auto Scaling group name
   * @param actionName the scheduled action name
   * @param recurrence its cron recurrence, or null
   * @param startTime its start time, or null
   */
  record ScheduledActionPut(
      String groupName, String actionName, @Nullable String recurrence, @Nullable Instant startTime)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "scheduled-action";
    }

    @Override
    public String message() {
      return "scheduled action "
          + actionName
          + " put"
          + (recurrence != null ? " (recurrence " + recurrence + ")" : " at " + startTime);
    }
  }

  /**
   * A scheduled action is due and runs.
   *
   * @param groupName the Auto Scaling group name
   * @param actionName the scheduled action name
   */
  record ScheduledActionStarted(String groupName, String actionName) implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "scheduled-action";
    }

    @Override
    public String message() {
      return "scheduled action " + actionName + " runs";
    }
  }

  /**
   * A due scheduled action did not run: ScheduledActions is suspended.
   *
   * @param groupName the Auto Scaling group name
   * @param actionName the scheduled action name
   */
  record ScheduledActionSkipped(String groupName, String actionName) implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "scheduled-action";
    }

    @Override
    public String message() {
      return "skipped: ScheduledActions is suspended";
    }
  }

  /**
   * A due scheduled action failed.
   *
   * @param groupName the Auto Scaling group name
   * @param actionName the scheduled action name
   * @param error why
   */
  record ScheduledActionFailed(String groupName, String actionName, String error)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "scheduled-action";
    }

    @Override
    public String message() {
      return "failed: " + error;
    }
  }

  /**
   * A scaling policy was put on a group.
   *
   * @param policyName the scaling policy name
   * @param groupName the Auto Scaling group name
   * @param spec its definition
   * @param description the definition in words
   */
  record PolicyPut(String policyName, String groupName, ScalingPolicySpec spec, String description)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "policy/" + policyName;
    }

    @Override
    public String kind() {
      return "put";
    }

    @Override
    public String message() {
      return "policy " + description + " on group " + groupName;
    }
  }

  /**
   * A scaling policy was deleted.
   *
   * @param policyName the scaling policy name
   * @param groupName the Auto Scaling group name
   */
  record PolicyDeleted(String policyName, String groupName) implements AutoScalingFact {
    @Override
    public String resource() {
      return "policy/" + policyName;
    }

    @Override
    public String kind() {
      return "delete";
    }

    @Override
    public String message() {
      return "deleted";
    }
  }

  /**
   * A scaling policy was executed, by its alarm or by a user request ({@code ExecutePolicy}).
   *
   * @param policyName the scaling policy name
   * @param groupName the Auto Scaling group name
   * @param alarmName the alarm in ALARM that executed it, or null for a user request
   * @param from the desired capacity before
   * @param to the desired capacity it proposes, or -1 for no change
   */
  record PolicyExecuted(
      String policyName, String groupName, @Nullable String alarmName, int from, int to)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "policy/" + policyName;
    }

    @Override
    public String kind() {
      return "execute";
    }

    @Override
    public String message() {
      return (alarmName == null
              ? "executed by a user request: "
              : "alarm " + alarmName + " in state ALARM: ")
          + (to < 0 ? "no change" : "desired capacity " + from + " -> " + to);
    }
  }

  /**
   * An alarm action reached a scaling policy that did not execute.
   *
   * @param policyName the scaling policy name
   * @param groupName the Auto Scaling group name
   * @param reason why not
   * @param cooldownUntil the end of the cooldown, or null
   */
  record PolicyNotExecuted(
      String policyName, String groupName, Reason reason, @Nullable Instant cooldownUntil)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "policy/" + policyName;
    }

    @Override
    public String kind() {
      return "not-executed";
    }

    @Override
    public String message() {
      return reason == Reason.ALARM_NOTIFICATION_SUSPENDED
          ? "AlarmNotification is suspended on group " + groupName
          : "not executed: a scaling activity or cooldown is in progress (cooldown until "
              + cooldownUntil
              + ")";
    }
  }

  /**
   * Target groups were attached to a group (AttachLoadBalancerTargetGroups).
   *
   * @param groupName the Auto Scaling group name
   * @param targetGroupNames the target groups attached
   */
  record TargetGroupsAttached(String groupName, List<String> targetGroupNames)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "attach";
    }

    @Override
    public String message() {
      return "attached target groups " + targetGroupNames;
    }
  }

  /**
   * Target groups were detached from a group (DetachLoadBalancerTargetGroups); the group's
   * instances deregister.
   *
   * @param groupName the Auto Scaling group name
   * @param targetGroupNames the target groups detached
   */
  record TargetGroupsDetached(String groupName, List<String> targetGroupNames)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "detach";
    }

    @Override
    public String message() {
      return "detached target groups " + targetGroupNames + ": deregistering the group's instances";
    }
  }

  /**
   * A detached target group's last instance of the group has drained: it is no longer Removing.
   *
   * @param groupName the Auto Scaling group name
   * @param targetGroupName the target group
   */
  record TargetGroupRemoved(String groupName, String targetGroupName) implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "detach";
    }

    @Override
    public String message() {
      return "target group " + targetGroupName + " removed: its instances are deregistered";
    }
  }

  /**
   * Capacity Rebalancing launched a replacement for a Spot Instance that received a rebalance
   * recommendation; the at-risk instance is terminated once the replacement is InService.
   *
   * @param groupName the Auto Scaling group name
   * @param atRiskInstanceId the Spot Instance at elevated risk of interruption
   * @param replacementInstanceId the instance launched to replace it
   */
  record RebalanceReplacementLaunched(
      String groupName, String atRiskInstanceId, String replacementInstanceId)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "capacity-rebalance";
    }

    @Override
    public String message() {
      return "Capacity Rebalancing: launched "
          + replacementInstanceId
          + " to replace at-risk Spot Instance "
          + atRiskInstanceId;
    }
  }

  /**
   * Capacity Rebalancing's replacement is InService: the at-risk Spot Instance is terminated.
   *
   * @param groupName the Auto Scaling group name
   * @param atRiskInstanceId the Spot Instance being terminated
   * @param replacementInstanceId the InService instance that replaced it
   */
  record AtRiskInstanceReplaced(
      String groupName, String atRiskInstanceId, String replacementInstanceId)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "capacity-rebalance";
    }

    @Override
    public String message() {
      return "Capacity Rebalancing: "
          + replacementInstanceId
          + " is InService, terminating at-risk Spot Instance "
          + atRiskInstanceId;
    }
  }

  /**
   * An instance reached the group's maximum instance lifetime and is replaced.
   *
   * @param groupName the Auto Scaling group name
   * @param instanceId the instance
   * @param maxInstanceLifetime the group's MaxInstanceLifetime
   */
  record MaxInstanceLifetimeReached(
      String groupName, String instanceId, Duration maxInstanceLifetime)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "instance/" + instanceId;
    }

    @Override
    public String kind() {
      return "max-instance-lifetime";
    }

    @Override
    public String message() {
      return "reached the maximum instance lifetime of group "
          + groupName
          + " ("
          + maxInstanceLifetime.getSeconds()
          + " s): replaced";
    }
  }

  /**
   * Settings of a group other than its size were changed (UpdateAutoScalingGroup).
   *
   * @param groupName the Auto Scaling group name
   * @param settings the settings changed, by AWS's parameter names (for instance {@code
   *     CapacityRebalance})
   */
  record GroupSettingsUpdated(String groupName, List<String> settings) implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "update";
    }

    @Override
    public String message() {
      return "updated " + String.join(", ", settings);
    }
  }

  /**
   * A warm pool was created or updated (PutWarmPool).
   *
   * @param groupName the Auto Scaling group name
   * @param minSize the pool's MinSize
   * @param maxGroupPreparedCapacity its MaxGroupPreparedCapacity, or null (the group's MaxSize)
   * @param poolState its PoolState
   * @param reuseOnScaleIn its InstanceReusePolicy.ReuseOnScaleIn
   * @param poolSize the size the pool is kept at now
   */
  record WarmPoolPut(
      String groupName,
      int minSize,
      @Nullable Integer maxGroupPreparedCapacity,
      WarmPoolState poolState,
      boolean reuseOnScaleIn,
      int poolSize)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "warm-pool";
    }

    @Override
    public String message() {
      return "warm pool put: "
          + poolState
          + ", min "
          + minSize
          + ", max prepared "
          + (maxGroupPreparedCapacity == null ? "MaxSize" : maxGroupPreparedCapacity)
          + (reuseOnScaleIn ? ", reuse on scale-in" : "")
          + "; pool size "
          + poolSize;
    }
  }

  /**
   * A warm pool deletion was asked for (DeleteWarmPool); without force it is PendingDelete until
   * its instances are terminated.
   *
   * @param groupName the Auto Scaling group name
   * @param forceDelete whether the instances were terminated without waiting for hooks
   * @param instancesTerminated the pool instances being terminated
   */
  record WarmPoolDeleteRequested(String groupName, boolean forceDelete, int instancesTerminated)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "warm-pool";
    }

    @Override
    public String message() {
      return "warm pool delete"
          + (forceDelete ? " (force)" : "")
          + ": terminating "
          + instancesTerminated
          + " instance(s)";
    }
  }

  /**
   * A warm pool is gone: its last instance terminated after DeleteWarmPool (or force delete).
   *
   * @param groupName the Auto Scaling group name
   */
  record WarmPoolDeleted(String groupName) implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "warm-pool";
    }

    @Override
    public String message() {
      return "warm pool deleted";
    }
  }

  /**
   * A warmed instance left the pool to fill the group's desired capacity (a warm start).
   *
   * @param groupName the Auto Scaling group name
   * @param instanceId the instance
   * @param from the state it was warmed in (Warmed:Stopped, Warmed:Running or Warmed:Hibernated)
   */
  record InstanceLeftWarmPool(String groupName, String instanceId, LifecycleState from)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "instance/" + instanceId;
    }

    @Override
    public String kind() {
      return "warm-start";
    }

    @Override
    public String message() {
      return "left the warm pool of group " + groupName + " from " + from;
    }
  }

  /**
   * A scaled-in instance was returned to the warm pool (InstanceReusePolicy ReuseOnScaleIn) instead
   * of being terminated.
   *
   * @param groupName the Auto Scaling group name
   * @param instanceId the instance
   */
  record InstanceReturnedToWarmPool(String groupName, String instanceId)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "instance/" + instanceId;
    }

    @Override
    public String kind() {
      return "warm-pool-reuse";
    }

    @Override
    public String message() {
      return "returned to the warm pool of group " + groupName + " on scale-in";
    }
  }

  /**
   * An instance refresh was started (StartInstanceRefresh); it is Pending until it begins.
   *
   * @param groupName the Auto Scaling group name
   * @param instanceRefreshId the refresh id
   * @param launchTemplateName the desired configuration's launch template, or null
   * @param launchTemplateVersion its version, or null
   * @param instanceTypes the desired mixed instances policy's instance types in priority order,
   *     empty when the desired configuration has no mixed instances policy
   * @param minHealthyPercentage the MinHealthyPercentage in force
   * @param maxHealthyPercentage the MaxHealthyPercentage in force
   */
  record InstanceRefreshStarted(
      String groupName,
      String instanceRefreshId,
      @Nullable String launchTemplateName,
      @Nullable String launchTemplateVersion,
      List<String> instanceTypes,
      int minHealthyPercentage,
      int maxHealthyPercentage)
      implements AutoScalingFact {

    /**
     * Copies the instance types.
     *
     * @param groupName the Auto Scaling group name
     * @param instanceRefreshId the refresh id
     * @param launchTemplateName the desired launch template, or null
     * @param launchTemplateVersion its version, or null
     * @param instanceTypes the desired policy's instance types, or empty
     * @param minHealthyPercentage the MinHealthyPercentage in force
     * @param maxHealthyPercentage the MaxHealthyPercentage in force
     */
    public InstanceRefreshStarted {
      instanceTypes = List.copyOf(instanceTypes);
    }

    /**
     * A refresh without a desired mixed instances policy.
     *
     * @param groupName the Auto Scaling group name
     * @param instanceRefreshId the refresh id
     * @param launchTemplateName the desired launch template, or null
     * @param launchTemplateVersion its version, or null
     * @param minHealthyPercentage the MinHealthyPercentage in force
     * @param maxHealthyPercentage the MaxHealthyPercentage in force
     */
    public InstanceRefreshStarted(
        String groupName,
        String instanceRefreshId,
        @Nullable String launchTemplateName,
        @Nullable String launchTemplateVersion,
        int minHealthyPercentage,
        int maxHealthyPercentage) {
      this(
          groupName,
          instanceRefreshId,
          launchTemplateName,
          launchTemplateVersion,
          List.of(),
          minHealthyPercentage,
          maxHealthyPercentage);
    }

    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "instance-refresh";
    }

    @Override
    public String message() {
      return "instance refresh "
          + instanceRefreshId
          + " started"
          + (launchTemplateName == null
              ? ""
              : " to " + launchTemplateName + ":" + launchTemplateVersion)
          + (instanceTypes.isEmpty()
              ? ""
              : (launchTemplateName == null ? " to" : " with") + " instance types " + instanceTypes)
          + ", healthy "
          + minHealthyPercentage
          + "-"
          + maxHealthyPercentage
          + " %";
    }
  }

  /**
   * An instance refresh changed status.
   *
   * @param groupName the Auto Scaling group name
   * @param instanceRefreshId the refresh id
   * @param from the status before
   * @param to the status after
   * @param reason the status reason, or null
   */
  record InstanceRefreshStatusChanged(
      String groupName,
      String instanceRefreshId,
      InstanceRefreshStatus from,
      InstanceRefreshStatus to,
      @Nullable String reason)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "instance-refresh";
    }

    @Override
    public String message() {
      return "instance refresh "
          + instanceRefreshId
          + " "
          + from
          + " -> "
          + to
          + (reason == null ? "" : ": " + reason);
    }
  }

  /**
   * An instance refresh took instances out of service to replace them (one batch).
   *
   * @param groupName the Auto Scaling group name
   * @param instanceRefreshId the refresh id
   * @param instanceIds the instances taken out
   * @param launchedAhead the instances kept launched above desired capacity meanwhile
   *     (MaxHealthyPercentage above 100)
   */
  record InstanceRefreshReplacing(
      String groupName, String instanceRefreshId, List<String> instanceIds, int launchedAhead)
      implements AutoScalingFact {
    /**
     * Copies the list.
     *
     * @param groupName the Auto Scaling group name
     * @param instanceRefreshId the refresh id
     * @param instanceIds the instances taken out
     * @param launchedAhead the instances launched above desired capacity
     */
    public InstanceRefreshReplacing {
      instanceIds = List.copyOf(instanceIds);
    }

    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "instance-refresh";
    }

    @Override
    public String message() {
      return "instance refresh "
          + instanceRefreshId
          + " replacing "
          + instanceIds
          + (launchedAhead > 0 ? " (" + launchedAhead + " launched ahead)" : "");
    }
  }

  /**
   * An instance refresh's progress changed: instances replaced, healthy and warmed up.
   *
   * @param groupName the Auto Scaling group name
   * @param instanceRefreshId the refresh id
   * @param percentageComplete PercentageComplete now
   * @param instancesToUpdate InstancesToUpdate now
   */
  record InstanceRefreshProgressed(
      String groupName, String instanceRefreshId, int percentageComplete, int instancesToUpdate)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "instance-refresh";
    }

    @Override
    public String message() {
      return "instance refresh "
          + instanceRefreshId
          + " "
          + percentageComplete
          + " % complete, "
          + instancesToUpdate
          + " to update";
    }
  }

  /**
   * An instance refresh reached a checkpoint and pauses for the checkpoint delay (none at the last
   * checkpoint, where it ends).
   *
   * @param groupName the Auto Scaling group name
   * @param instanceRefreshId the refresh id
   * @param checkpointPercentage the checkpoint reached
   * @param percentageComplete PercentageComplete when reached
   * @param delay the pause
   */
  record InstanceRefreshCheckpointReached(
      String groupName,
      String instanceRefreshId,
      int checkpointPercentage,
      int percentageComplete,
      Duration delay)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "instance-refresh";
    }

    @Override
    public String message() {
      return "instance refresh "
          + instanceRefreshId
          + " checkpoint "
          + checkpointPercentage
          + " % reached ("
          + percentageComplete
          + " % complete), pausing "
          + delay.getSeconds()
          + " s";
    }
  }

  /**
   * A predictive scaling policy was put on a group.
   *
   * @param policyName the policy name
   * @param groupName the Auto Scaling group name
   * @param spec its definition
   */
  record PredictiveScalingPolicyPut(
      String policyName, String groupName, PredictiveScalingPolicy spec)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "policy/" + policyName;
    }

    @Override
    public String kind() {
      return "put";
    }

    @Override
    public String message() {
      return "policy PredictiveScaling "
          + (spec.customizedLoadMetric() != null
              ? "customized load metric"
              : spec.predefinedMetricPairType())
          + " target "
          + spec.targetValue()
          + " "
          + spec.mode()
          + " on group "
          + groupName;
    }
  }

  /**
   * A predictive scaling policy was deleted.
   *
   * @param policyName the policy name
   * @param groupName the Auto Scaling group name
   */
  record PredictiveScalingPolicyDeleted(String policyName, String groupName)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "policy/" + policyName;
    }

    @Override
    public String kind() {
      return "delete";
    }

    @Override
    public String message() {
      return "deleted";
    }
  }

  /**
   * A predictive scaling policy made a forecast: hourly values from {@code from} on.
   *
   * @param policyName the policy name
   * @param groupName the Auto Scaling group name
   * @param from the first forecast hour
   * @param hours how many hours it covers (48)
   * @param history how much load history it was made from (24 hours to 14 days)
   * @param peakCapacity the largest capacity forecast
   * @param forecast the forecast hours, oldest first (what {@code GetPredictiveScalingForecast}
   *     answers for them until a newer forecast replaces them)
   */
  record PredictiveForecastCreated(
      String policyName,
      String groupName,
      Instant from,
      int hours,
      Duration history,
      int peakCapacity,
      List<PredictiveScalingForecast> forecast)
      implements AutoScalingFact {

    /**
     * Keeps an immutable copy of the forecast.
     *
     * @param policyName the policy name
     * @param groupName the Auto Scaling group name
     * @param from the first forecast hour
     * @param hours how many hours it covers (48)
     * @param history how much load history it was made from (24 hours to 14 days)
     * @param peakCapacity the largest capacity forecast
     * @param forecast the forecast hours, oldest first
     */
    public PredictiveForecastCreated {
      forecast = List.copyOf(forecast);
    }

    @Override
    public String resource() {
      return "policy/" + policyName;
    }

    @Override
    public String kind() {
      return "forecast";
    }

    @Override
    public String message() {
      return "forecast for "
          + hours
          + " hours from "
          + from
          + " made from "
          + history.toHours()
          + " hours of history: peak capacity "
          + peakCapacity;
    }
  }

  /**
   * A predictive scaling policy could not forecast: less than 24 hours of load history.
   *
   * @param policyName the policy name
   * @param groupName the Auto Scaling group name
   * @param history how much history there is
   */
  record PredictiveForecastNotCreated(String policyName, String groupName, Duration history)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "policy/" + policyName;
    }

    @Override
    public String kind() {
      return "forecast";
    }

    @Override
    public String message() {
      return "no forecast: "
          + history.toMinutes()
          + " minutes of load history, at least 24 hours are needed";
    }
  }

  /**
   * A ForecastAndScale policy's action for one forecast hour ran, {@code SchedulingBufferTime}
   * before the hour: the desired capacity is raised to the capacity forecast, never lowered.
   *
   * @param policyName the policy name
   * @param groupName the Auto Scaling group name
   * @param hour the forecast hour
   * @param capacityForecast the hour's capacity forecast
   * @param from the desired capacity before
   * @param to the desired capacity after (equal to {@code from} when it was already enough)
   * @param maxSize the group's maximum after (raised with IncreaseMaxCapacity)
   */
  record PredictiveScalingActionRun(
      String policyName,
      String groupName,
      Instant hour,
      int capacityForecast,
      int from,
      int to,
      int maxSize)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "group/" + groupName;
    }

    @Override
    public String kind() {
      return "predictive-scaling";
    }

    @Override
    public String message() {
      return "policy "
          + policyName
          + " forecasts capacity "
          + capacityForecast
          + " for "
          + hour
          + ": desired capacity "
          + (from == to ? "stays " + from : from + " -> " + to)
          + ", max "
          + maxSize;
    }
  }

  /**
   * A dynamic scaling policy's scale-in was held at the hour's predictive capacity forecast: with
   * ForecastAndScale and dynamic scaling together the group keeps the higher of the two, so dynamic
   * scaling scales in only down to the forecast capacity for that hour.
   *
   * @param policyName the dynamic policy that proposed the scale-in
   * @param groupName the Auto Scaling group name
   * @param predictivePolicyName the predictive scaling policy whose forecast is the floor
   * @param hour the forecast hour in effect
   * @param proposed the desired capacity the dynamic policy proposed
   * @param held the desired capacity kept (the forecast, at most the capacity before)
   */
  record ScaleInHeldAtForecast(
      String policyName,
      String groupName,
      String predictivePolicyName,
      Instant hour,
      int proposed,
      int held)
      implements AutoScalingFact {
    @Override
    public String resource() {
      return "policy/" + policyName;
    }

    @Override
    public String kind() {
      return "held-at-forecast";
    }

    @Override
    public String message() {
      return "scale-in to "
          + proposed
          + " held at "
          + held
          + ": predictive scaling policy "
          + predictivePolicyName
          + " forecasts capacity "
          + held
          + " for the hour "
          + hour
          + " (dynamic scaling scales in only down to the forecast capacity)";
    }
  }
}
