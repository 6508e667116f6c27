package io.github.cloudtwin.ecs;

import java.util.List;

/**
 * The narrow part of an EC2 Auto Scaling group that an ECS capacity provider needs: its size
 * limits, its instances, setting desired capacity, and instance scale-in protection. The twin wires
 * the Auto Scaling service in; tests may use a fake.
 */
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
}
