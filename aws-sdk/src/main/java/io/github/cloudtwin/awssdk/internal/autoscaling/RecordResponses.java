package io.github.cloudtwin.awssdk.internal.autoscaling;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.LifecycleHookSpec;
import io.github.cloudtwin.autoscaling.ScalingActivity;
import io.github.cloudtwin.autoscaling.ScheduledActionSpec;
import io.github.cloudtwin.awssdk.internal.operations.Ids;
import software.amazon.awssdk.services.autoscaling.model.Activity;
import software.amazon.awssdk.services.autoscaling.model.LifecycleHook;
import software.amazon.awssdk.services.autoscaling.model.ScheduledUpdateGroupAction;

/**
 * A group's records other than its instances and policies, as the SDK models them: scaling
 * activities, scheduled actions (with their ARNs) and lifecycle hooks.
 */
final class RecordResponses {

  private final CloudTwin twin;

  RecordResponses(CloudTwin twin) {
    this.twin = twin;
  }

  /** The SDK model of an activity. */
  Activity activity(ScalingActivity a) {
    return Activity.builder()
        .activityId(a.activityId())
        .autoScalingGroupName(a.autoScalingGroupName())
        .autoScalingGroupARN(Ids.autoScalingGroupArn(twin.arns(), a.autoScalingGroupName()))
        .description(a.description())
        .cause(a.cause())
        .startTime(a.startTime())
        .endTime(a.endTime())
        .statusCode(a.statusCode().name())
        .statusMessage(a.statusMessage())
        .progress(a.progress())
        .build();
  }

  /** The SDK model of a scheduled action. */
  ScheduledUpdateGroupAction scheduledAction(ScheduledActionSpec s) {
    return ScheduledUpdateGroupAction.builder()
        .autoScalingGroupName(s.autoScalingGroupName())
        .scheduledActionName(s.scheduledActionName())
        .scheduledActionARN(
            twin.arns()
                .of(
                    "autoscaling",
                    "scheduledUpdateGroupAction:"
                        + Ids.uuid("sa/" + s.autoScalingGroupName() + "/" + s.scheduledActionName())
                        + ":autoScalingGroupName/"
                        + s.autoScalingGroupName()
                        + ":scheduledActionName/"
                        + s.scheduledActionName()))
        .time(s.startTime())
        .startTime(s.startTime())
        .endTime(s.endTime())
        .recurrence(s.recurrence())
        .minSize(s.minSize())
        .maxSize(s.maxSize())
        .desiredCapacity(s.desiredCapacity())
        .build();
  }

  /** The SDK model of a lifecycle hook. */
  LifecycleHook lifecycleHook(LifecycleHookSpec h) {
    int timeout = (int) h.heartbeatTimeout().getSeconds();
    return LifecycleHook.builder()
        .lifecycleHookName(h.lifecycleHookName())
        .autoScalingGroupName(h.autoScalingGroupName())
        .lifecycleTransition(h.lifecycleTransition().toString())
        .heartbeatTimeout(timeout)
        .globalTimeout(Math.min(172_800, 100 * timeout))
        .defaultResult(h.defaultResult().name())
        .build();
  }
}
