package io.github.cloudtwin.ecs;

import java.util.List;

/**
 * The narrow part of an EC2 Auto Scaling group that an ECS capacity provider needs: its size
 * limits, its instances, setting desired capacity, and instance scale-in protection. The twin wires
 * the Auto Scaling service in; tests may use a fake.
 */
public interface CapacityProviderGroup {

  /** The group's name (its instances carry it in the tag {@code aws:autoscaling:groupName}). */
  String autoScalingGroupName();

  /** MinSize. */
  int minSize();

  /** MaxSize. */
  int maxSize();

  /** DesiredCapacity. */
  int desiredCapacity();

  /** The ids of the group's instances that are not terminating, in launch order. */
  List<String> instanceIds();

  /** The group's instance types, for the smallest-type rule of managed scaling. */
  List<String> instanceTypes();

  /** Sets the desired capacity (within min and max), with {@code cause} for the activity. */
  void setDesiredCapacity(int desiredCapacity, String cause);

  /** Sets or clears scale-in protection on an instance of the group. */
  void setInstanceProtection(String instanceId, boolean protectedFromScaleIn);
}
