package io.github.cloudtwin.ecs;

import io.github.cloudtwin.cloudwatch.MetricId;
import java.time.Duration;
import java.util.List;
import java.util.function.DoubleToIntFunction;
import org.apiguardian.api.API;

/**
 * The narrow part of an EC2 Auto Scaling group that an ECS capacity provider needs: its size
 * limits, its instances, setting desired capacity, and instance scale-in protection. The twin wires
 * the Auto Scaling service in; tests may use a fake.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface CapacityProviderGroup {

  /**
   * {@return the group's name (its instances carry it in the tag {@code
   * aws:autoscaling:groupName})}
   */
  String autoScalingGroupName();

  /** {@return MinSize} */
  int minSize();

  /** {@return MaxSize} */
  int maxSize();

  /** {@return DesiredCapacity} */
  int desiredCapacity();

  /** {@return the ids of the group's instances that are not terminating, in launch order} */
  List<String> instanceIds();

  /** {@return the group's instance types, for the smallest-type rule of managed scaling} */
  List<String> instanceTypes();

  /**
   * Sets the desired capacity (within min and max), with {@code cause} for the activity.
   *
   * @param desiredCapacity the desired capacity
   * @param cause the cause
   */
  void setDesiredCapacity(int desiredCapacity, String cause);

  /**
   * Sets or clears scale-in protection on an instance of the group.
   *
   * @param instanceId the instance id
   * @param protectedFromScaleIn the protected from scale in
   */
  void setInstanceProtection(String instanceId, boolean protectedFromScaleIn);

  /**
   * Puts the target tracking policy that managed scaling owns on the group (AWS's {@code
   * ECSManagedAutoScalingPolicy-<uuid>}), with its alarm pair in CloudWatch. The twin's groups
   * support it; a fake that does not cannot be used with managed scaling.
   *
   * @param policyName the policy name
   * @param metric the metric it tracks ({@code CapacityProviderReservation})
   * @param targetValue the target capacity
   * @param instanceWarmup the policy's estimated instance warm-up
   * @param scaleOut the desired capacity to ask for when AlarmHigh triggers the policy, given the
   *     alarm's newest datapoint; -1 for none
   * @param scaleIn the same for AlarmLow
   * @return the names of the alarms the policy owns, high then low
   */
  default List<String> putManagedScalingPolicy(
      String policyName,
      MetricId metric,
      double targetValue,
      Duration instanceWarmup,
      DoubleToIntFunction scaleOut,
      DoubleToIntFunction scaleIn) {
    throw new UnsupportedOperationException(
        "this CapacityProviderGroup ("
            + autoScalingGroupName()
            + ") cannot hold managed scaling's target tracking policy");
  }

  /**
   * Deletes the policy {@link #putManagedScalingPolicy} put, with its alarms; nothing if the group
   * or the policy is gone.
   *
   * @param policyName the policy name
   */
  default void deleteManagedScalingPolicy(String policyName) {
    throw new UnsupportedOperationException(
        "this CapacityProviderGroup ("
            + autoScalingGroupName()
            + ") cannot hold managed scaling's target tracking policy");
  }
}
