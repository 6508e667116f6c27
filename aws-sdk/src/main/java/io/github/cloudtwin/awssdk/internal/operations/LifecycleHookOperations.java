package io.github.cloudtwin.awssdk.internal.operations;

import static io.github.cloudtwin.awssdk.internal.operations.Constraints.required;
import static io.github.cloudtwin.awssdk.internal.operations.Constraints.requiredName;

import io.github.cloudtwin.autoscaling.AutoScaling;
import io.github.cloudtwin.autoscaling.LifecycleActionResult;
import io.github.cloudtwin.autoscaling.LifecycleHookSpec;
import io.github.cloudtwin.autoscaling.LifecycleTransition;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingRequests.HookSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Auto Scaling's lifecycle hooks and actions: put, describe and delete hooks, complete an action
 * and record its heartbeat; and the hook specifications {@code CreateAutoScalingGroup} takes.
 */
final class LifecycleHookOperations {

  private final AutoScaling autoScaling;
  private final GroupLookup groups;

  LifecycleHookOperations(AutoScaling autoScaling, GroupLookup groups) {
    this.autoScaling = autoScaling;
    this.groups = groups;
  }

  void putLifecycleHook(
      String groupName,
      String hookName,
      String transition,
      Integer heartbeatTimeout,
      String defaultResult) {
    groups.group(groupName);
    requiredName("lifecycleHookName", hookName, 255);
    @Nullable LifecycleHookSpec existing =
        autoScaling.lifecycleHooks(groupName).stream()
            .filter(h -> h.lifecycleHookName().equals(hookName))
            .findFirst()
            .orElse(null);
    if (transition == null && existing == null) {
      throw AwsErrorException.badRequest(
          "ValidationError", "LifecycleTransition is required for a new lifecycle hook.");
    }
    LifecycleTransition t =
        transition == null
            ? Objects.requireNonNull(existing, "an existing hook (checked above)")
                .lifecycleTransition()
            : transition(transition);
    Duration timeout =
        heartbeatTimeout == null
            ? (existing == null
                ? LifecycleHookSpec.DEFAULT_HEARTBEAT_TIMEOUT
                : existing.heartbeatTimeout())
            : Duration.ofSeconds(heartbeatTimeout);
    LifecycleActionResult result =
        defaultResult == null
            ? (existing == null ? LifecycleActionResult.ABANDON : existing.defaultResult())
            : actionResult("defaultResult", defaultResult);
    autoScaling.putLifecycleHook(new LifecycleHookSpec(hookName, groupName, t, timeout, result));
  }

  List<LifecycleHookSpec> describeLifecycleHooks(
      String groupName, @Nullable List<String> hookNames) {
    groups.group(groupName);
    List<LifecycleHookSpec> all = new ArrayList<>(autoScaling.lifecycleHooks(groupName));
    if (hookNames != null && !hookNames.isEmpty())
      all.removeIf(h -> !hookNames.contains(h.lifecycleHookName()));
    return all;
  }

  void deleteLifecycleHook(String groupName, String hookName) {
    groups.group(groupName);
    required("lifecycleHookName", hookName);
    if (autoScaling.lifecycleHooks(groupName).stream()
        .noneMatch(h -> h.lifecycleHookName().equals(hookName))) {
      throw AwsErrorException.badRequest(
          "ValidationError",
          "No Lifecycle Hook found with name " + hookName + " for AutoScalingGroup " + groupName);
    }
    autoScaling.deleteLifecycleHook(groupName, hookName);
  }

  void completeLifecycleAction(
      String groupName, String hookName, String instanceId, String result) {
    groups.group(groupName);
    required("lifecycleHookName", hookName);
    required("instanceId", instanceId);
    LifecycleActionResult r =
        actionResult("lifecycleActionResult", required("lifecycleActionResult", result));
    try {
      autoScaling.completeLifecycleAction(groupName, hookName, instanceId, r);
    } catch (io.github.cloudtwin.kernel.ValidationException e) {
      throw noActiveLifecycleAction(e);
    }
  }

  void recordLifecycleActionHeartbeat(String groupName, String hookName, String instanceId) {
    groups.group(groupName);
    required("lifecycleHookName", hookName);
    required("instanceId", instanceId);
    try {
      autoScaling.recordLifecycleActionHeartbeat(groupName, hookName, instanceId);
    } catch (io.github.cloudtwin.kernel.ValidationException e) {
      throw noActiveLifecycleAction(e);
    }
  }

  private static AwsErrorException noActiveLifecycleAction(
      io.github.cloudtwin.kernel.ValidationException e) {
    return AwsErrorException.badRequest(
        "ValidationError",
        "No active Lifecycle Action found with instance ID "
            + e.value()
            + " ("
            + e.getMessage()
            + ")");
  }

  /** The core hook of one {@code LifecycleHookSpecification} of a group being created. */
  static LifecycleHookSpec hookSpecification(String groupName, HookSpecification h) {
    String hookName =
        requiredName(
            "lifecycleHookSpecificationList.member.lifecycleHookName", h.lifecycleHookName(), 255);
    LifecycleTransition t =
        transition(
            required(
                "lifecycleHookSpecificationList.member.lifecycleTransition",
                h.lifecycleTransition()));
    Duration timeout =
        h.heartbeatTimeout() == null
            ? LifecycleHookSpec.DEFAULT_HEARTBEAT_TIMEOUT
            : Duration.ofSeconds(h.heartbeatTimeout());
    LifecycleActionResult result =
        h.defaultResult() == null
            ? LifecycleActionResult.ABANDON
            : actionResult("defaultResult", h.defaultResult());
    return new LifecycleHookSpec(hookName, groupName, t, timeout, result);
  }

  private static LifecycleTransition transition(String t) {
    for (LifecycleTransition l : LifecycleTransition.values()) if (l.toString().equals(t)) return l;
    throw AwsErrorException.badRequest(
        "ValidationError",
        "Invalid LifecycleTransition "
            + t
            + ": use autoscaling:EC2_INSTANCE_LAUNCHING or autoscaling:EC2_INSTANCE_TERMINATING");
  }

  private static LifecycleActionResult actionResult(String field, String r) {
    return switch (r) {
      case "CONTINUE" -> LifecycleActionResult.CONTINUE;
      case "ABANDON" -> LifecycleActionResult.ABANDON;
      default ->
          throw AwsErrorException.badRequest(
              "ValidationError", "Invalid " + field + " " + r + ": use CONTINUE or ABANDON");
    };
  }
}
