package io.github.cloudtwin.awssdk.internal.operations;

import static io.github.cloudtwin.awssdk.internal.operations.Constraints.requiredName;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScaling;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;

/**
 * Finds Auto Scaling groups and target groups the way the Auto Scaling operations name them: a
 * group by name (AWS's {@code ValidationError} when there is none) and a target group by ARN.
 */
final class GroupLookup {

  private final CloudTwin twin;
  private final AutoScaling autoScaling;

  GroupLookup(CloudTwin twin) {
    this.twin = twin;
    this.autoScaling = twin.autoScaling();
  }

  /** The group, or AWS's ValidationError for a name that does not exist. */
  AutoScalingGroup group(String name) {
    requiredName("autoScalingGroupName", name, 255);
    for (AutoScalingGroup g : autoScaling.groups()) if (g.name().equals(name)) return g;
    throw AwsErrorException.badRequest(
        "ValidationError",
        "AutoScalingGroup name not found - AutoScalingGroup '" + name + "' not found");
  }

  /** Whether a group of this name exists. */
  boolean exists(String name) {
    for (AutoScalingGroup g : autoScaling.groups()) if (g.name().equals(name)) return true;
    return false;
  }

  /** The name of the target group with this ARN, or AWS's ValidationError. */
  String targetGroupName(String arn) {
    io.github.cloudtwin.elb.TargetGroup tg = new ElbArns(twin).targetGroup(arn);
    if (tg == null) {
      throw AwsErrorException.badRequest(
          "ValidationError",
          "Provided Target Groups may not be valid. Please ensure they exist and try again. ("
              + arn
              + ")");
    }
    return tg.name();
  }
}
