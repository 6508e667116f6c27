package io.github.cloudtwin.awssdk.internal.autoscaling;

import io.github.cloudtwin.autoscaling.ScalingActivity;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingOperations;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.autoscaling.model.CompleteLifecycleActionRequest;
import software.amazon.awssdk.services.autoscaling.model.CompleteLifecycleActionResponse;
import software.amazon.awssdk.services.autoscaling.model.DeleteLifecycleHookRequest;
import software.amazon.awssdk.services.autoscaling.model.DeleteLifecycleHookResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeLifecycleHooksRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeLifecycleHooksResponse;
import software.amazon.awssdk.services.autoscaling.model.EnterStandbyRequest;
import software.amazon.awssdk.services.autoscaling.model.EnterStandbyResponse;
import software.amazon.awssdk.services.autoscaling.model.ExitStandbyRequest;
import software.amazon.awssdk.services.autoscaling.model.ExitStandbyResponse;
import software.amazon.awssdk.services.autoscaling.model.LifecycleHook;
import software.amazon.awssdk.services.autoscaling.model.PutLifecycleHookRequest;
import software.amazon.awssdk.services.autoscaling.model.PutLifecycleHookResponse;
import software.amazon.awssdk.services.autoscaling.model.RecordLifecycleActionHeartbeatRequest;
import software.amazon.awssdk.services.autoscaling.model.RecordLifecycleActionHeartbeatResponse;
import software.amazon.awssdk.services.autoscaling.model.ResumeProcessesRequest;
import software.amazon.awssdk.services.autoscaling.model.ResumeProcessesResponse;
import software.amazon.awssdk.services.autoscaling.model.SetInstanceHealthRequest;
import software.amazon.awssdk.services.autoscaling.model.SetInstanceHealthResponse;
import software.amazon.awssdk.services.autoscaling.model.SetInstanceProtectionRequest;
import software.amazon.awssdk.services.autoscaling.model.SetInstanceProtectionResponse;
import software.amazon.awssdk.services.autoscaling.model.SuspendProcessesRequest;
import software.amazon.awssdk.services.autoscaling.model.SuspendProcessesResponse;
import software.amazon.awssdk.services.autoscaling.model.TerminateInstanceInAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.TerminateInstanceInAutoScalingGroupResponse;

/**
 * The {@code AutoScalingClient} operations on a group's instances: lifecycle hooks and actions,
 * standby, health, scale-in protection, termination and suspended processes.
 */
final class InstanceHandler {

  private final AutoScalingOperations ops;
  private final RecordResponses records;

  InstanceHandler(AutoScalingOperations ops, RecordResponses records) {
    this.ops = ops;
    this.records = records;
  }

  // ------------------------------------------------------------------ lifecycle hooks

  /** PutLifecycleHook. */
  public PutLifecycleHookResponse putLifecycleHook(PutLifecycleHookRequest r) {
    ops.putLifecycleHook(
        r.autoScalingGroupName(),
        r.lifecycleHookName(),
        r.lifecycleTransition(),
        r.heartbeatTimeout(),
        r.defaultResult());
    return PutLifecycleHookResponse.builder().build();
  }

  /** DescribeLifecycleHooks. */
  public DescribeLifecycleHooksResponse describeLifecycleHooks(DescribeLifecycleHooksRequest r) {
    List<LifecycleHook> out = new ArrayList<>();
    for (var h :
        ops.describeLifecycleHooks(
            r.autoScalingGroupName(), r.hasLifecycleHookNames() ? r.lifecycleHookNames() : null)) {
      out.add(records.lifecycleHook(h));
    }
    return DescribeLifecycleHooksResponse.builder().lifecycleHooks(out).build();
  }

  /** DeleteLifecycleHook. */
  public DeleteLifecycleHookResponse deleteLifecycleHook(DeleteLifecycleHookRequest r) {
    ops.deleteLifecycleHook(r.autoScalingGroupName(), r.lifecycleHookName());
    return DeleteLifecycleHookResponse.builder().build();
  }

  /** CompleteLifecycleAction. */
  public CompleteLifecycleActionResponse completeLifecycleAction(CompleteLifecycleActionRequest r) {
    if (r.instanceId() == null && r.lifecycleActionToken() != null) {
      throw new UnsupportedOperationException(
          "CompleteLifecycleAction by LifecycleActionToken is not simulated by"
              + " CloudTwin: pass InstanceId");
    }
    ops.completeLifecycleAction(
        r.autoScalingGroupName(), r.lifecycleHookName(), r.instanceId(), r.lifecycleActionResult());
    return CompleteLifecycleActionResponse.builder().build();
  }

  /** RecordLifecycleActionHeartbeat. */
  public RecordLifecycleActionHeartbeatResponse recordLifecycleActionHeartbeat(
      RecordLifecycleActionHeartbeatRequest r) {
    if (r.instanceId() == null && r.lifecycleActionToken() != null) {
      throw new UnsupportedOperationException(
          "RecordLifecycleActionHeartbeat by LifecycleActionToken is not"
              + " simulated by CloudTwin: pass InstanceId");
    }
    ops.recordLifecycleActionHeartbeat(
        r.autoScalingGroupName(), r.lifecycleHookName(), r.instanceId());
    return RecordLifecycleActionHeartbeatResponse.builder().build();
  }

  // ------------------------------------------------------------------ instances

  /** EnterStandby. */
  public EnterStandbyResponse enterStandby(EnterStandbyRequest r) {
    List<ScalingActivity> a =
        ops.enterStandby(
            r.autoScalingGroupName(),
            r.hasInstanceIds() ? r.instanceIds() : null,
            r.shouldDecrementDesiredCapacity());
    return EnterStandbyResponse.builder()
        .activities(a.stream().map(x -> records.activity(x)).toList())
        .build();
  }

  /** ExitStandby. */
  public ExitStandbyResponse exitStandby(ExitStandbyRequest r) {
    List<ScalingActivity> a =
        ops.exitStandby(r.autoScalingGroupName(), r.hasInstanceIds() ? r.instanceIds() : null);
    return ExitStandbyResponse.builder()
        .activities(a.stream().map(x -> records.activity(x)).toList())
        .build();
  }

  /** SetInstanceHealth. */
  public SetInstanceHealthResponse setInstanceHealth(SetInstanceHealthRequest r) {
    ops.setInstanceHealth(r.instanceId(), r.healthStatus(), r.shouldRespectGracePeriod());
    return SetInstanceHealthResponse.builder().build();
  }

  /** SetInstanceProtection. */
  public SetInstanceProtectionResponse setInstanceProtection(SetInstanceProtectionRequest r) {
    ops.setInstanceProtection(
        r.autoScalingGroupName(),
        r.hasInstanceIds() ? r.instanceIds() : null,
        r.protectedFromScaleIn());
    return SetInstanceProtectionResponse.builder().build();
  }

  /** TerminateInstanceInAutoScalingGroup. */
  public TerminateInstanceInAutoScalingGroupResponse terminateInstanceInAutoScalingGroup(
      TerminateInstanceInAutoScalingGroupRequest r) {
    ScalingActivity a =
        ops.terminateInstanceInAutoScalingGroup(r.instanceId(), r.shouldDecrementDesiredCapacity());
    return TerminateInstanceInAutoScalingGroupResponse.builder()
        .activity(a == null ? null : records.activity(a))
        .build();
  }

  /** SuspendProcesses. */
  public SuspendProcessesResponse suspendProcesses(SuspendProcessesRequest r) {
    ops.suspendProcesses(
        r.autoScalingGroupName(), r.hasScalingProcesses() ? r.scalingProcesses() : null);
    return SuspendProcessesResponse.builder().build();
  }

  /** ResumeProcesses. */
  public ResumeProcessesResponse resumeProcesses(ResumeProcessesRequest r) {
    ops.resumeProcesses(
        r.autoScalingGroupName(), r.hasScalingProcesses() ? r.scalingProcesses() : null);
    return ResumeProcessesResponse.builder().build();
  }
}
