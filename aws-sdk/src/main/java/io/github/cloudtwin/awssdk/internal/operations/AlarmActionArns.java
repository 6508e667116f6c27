package io.github.cloudtwin.awssdk.internal.operations;

import static io.github.cloudtwin.awssdk.internal.operations.CloudWatchParameters.invalid;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.cloudwatch.AlarmAction;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Alarm actions and their ARNs, both ways: a request's action ARNs as the twin's actions (an Auto
 * Scaling policy ARN executes that policy, any other ARN is recorded and not delivered), and an
 * alarm's actions as the ARNs CloudWatch shows.
 */
final class AlarmActionArns {

  private final CloudTwin twin;

  AlarmActionArns(CloudTwin twin) {
    this.twin = twin;
  }

  /** The ARN of the alarm named {@code name}. */
  String alarmArn(String name) {
    return twin.arns().of("cloudwatch", "alarm:" + name);
  }

  List<String> actionArns(List<AlarmAction> actions) {
    List<String> out = new ArrayList<>();
    for (AlarmAction a : actions) out.add(actionArn(a));
    return out;
  }

  private String actionArn(AlarmAction a) {
    if (a.name().startsWith("arn:")) return a.name();
    if (a.isScalingAction()) {
      for (AutoScalingGroup g : twin.autoScaling().groups()) {
        for (ScalingPolicy p : twin.autoScaling().policies(g.name())) {
          if (p.policyName().equals(a.name())) return p.policyArn();
        }
      }
    }
    return a.name();
  }

  /** The actions of a request's ARNs for {@code field} (at most 5). */
  List<AlarmAction> actions(String field, @Nullable List<String> arns) {
    List<AlarmAction> out = new ArrayList<>();
    if (arns == null) return out;
    if (arns.size() > 5) {
      throw invalid("The collection " + field + " must not have a size greater than 5.");
    }
    for (String arn : arns) out.add(action(field, arn));
    return out;
  }

  private AlarmAction action(String field, String arn) {
    if (arn == null || !arn.startsWith("arn:")) {
      throw invalid("Invalid arn syntax: " + arn + " (in " + field + ")");
    }
    if (arn.contains(":autoscaling:") && arn.contains(":scalingPolicy:")) {
      for (AutoScalingGroup g : twin.autoScaling().groups()) {
        for (ScalingPolicy p : twin.autoScaling().policies(g.name())) {
          if (p.policyArn().equals(arn)) {
            AlarmAction target = p.asAlarmAction();
            return AlarmAction.scaling(arn, target::invoke);
          }
        }
      }
      throw invalid(
          "Invalid value for " + field + ": the scaling policy " + arn + " does not exist.");
    }
    return AlarmAction.of(arn, ctx -> {});
  }
}
