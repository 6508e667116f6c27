package io.github.cloudtwin.internal;

import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import java.util.function.DoubleToIntFunction;
import org.apiguardian.api.API;

/**
 * Internal, not API: how ECS managed scaling acts on the Auto Scaling groups of its capacity
 * providers. EC2 Auto Scaling offers it on the twin's {@link Wiring}; ECS uses it. It names only
 * public and JDK types, so no exported signature names the non-exported {@code internal.scaling}.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface ManagedScalingPolicies {

  /**
   * Puts the target tracking policy that ECS managed scaling owns on a group ({@code
   * ECSManagedAutoScalingPolicy-<uuid>}). It is a policy of the group like any other, with its
   * alarm pair in CloudWatch shaped as ECS's (AlarmHigh 1 of 1 above the target, AlarmLow 15 of 15
   * below it); when an alarm triggers it, ECS decides the capacity.
   *
   * @param spec the policy
   * @param scaleOut the desired capacity to ask for when AlarmHigh triggers, given its newest
   *     datapoint; -1 for none
   * @param scaleIn the same for AlarmLow
   * @return the policy as stored
   */
  ScalingPolicy put(
      TargetTrackingScalingPolicy spec, DoubleToIntFunction scaleOut, DoubleToIntFunction scaleIn);

  /**
   * Sets a group's desired capacity on behalf of ECS managed scaling, with the cause clause AWS
   * records for it, such as {@code a monitor alarm X in state ALARM triggered policy Y}. Validated
   * like {@code SetDesiredCapacity}.
   *
   * @param groupName the group name
   * @param desiredCapacity the desired capacity
   * @param causeClause the cause clause
   */
  void setDesiredCapacity(String groupName, int desiredCapacity, String causeClause);
}
