package io.github.cloudtwin.internal.scaling;

import org.apiguardian.api.API;

/**
 * What another service decides for a target tracking policy it puts on an Auto Scaling group and
 * owns, as ECS managed scaling owns {@code ECSManagedAutoScalingPolicy-<uuid>} (<a
 * href="https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-auto-scaling.html">Automatically
 * manage Amazon ECS capacity with cluster auto scaling</a>): the shape of the policy's alarm pair,
 * and the capacity it asks for when one of them triggers it. The group's policy engine does
 * everything else, as for any policy: the alarms, their actions, simultaneous policies, the desired
 * capacity change and its activity.
 *
 * <p>Internal, not API: part of the scaling engine the project's services share; it may change in
 * any release.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface ServiceLinkedPolicy {

  /** {@return the shape of the policy's AlarmHigh and AlarmLow} */
  TargetTrackingAlarms.Shape shape();

  /**
   * The desired capacity the policy asks for now, before the group's limits, or -1 for none.
   *
   * @param scaleOut true when AlarmHigh triggered the policy, false for AlarmLow
   * @param metric the alarm's newest datapoint
   * @param desiredCapacity the group's desired capacity
   * @return the capacity asked for, or -1
   */
  int capacity(boolean scaleOut, double metric, int desiredCapacity);
}
