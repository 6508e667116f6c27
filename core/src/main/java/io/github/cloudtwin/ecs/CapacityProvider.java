package io.github.cloudtwin.ecs;

/**
 * A live view of an Auto Scaling group capacity provider: its configuration, the last {@code
 * CapacityProviderReservation} it computed, and the tasks waiting for capacity.
 */
public final class CapacityProvider {

  final CapacityProviderSpec spec;
  final CapacityProviderGroup group;
  String clusterName;
  volatile double lastReservation = Double.NaN;
  volatile int lastM;
  volatile int lastN;
  long lastScaleOutMillis = Long.MIN_VALUE;
  int lowMinutes;

  CapacityProvider(CapacityProviderSpec spec, CapacityProviderGroup group) {
    this.spec = spec;
    this.group = group;
  }

  /** {@return the name} */
  public String name() {
    return spec.name();
  }

  /** {@return the configuration} */
  public CapacityProviderSpec spec() {
    return spec;
  }

  /** {@return the group} */
  public CapacityProviderGroup autoScalingGroup() {
    return group;
  }

  /** {@return the cluster it is associated with, or null} */
  public String clusterName() {
    return clusterName;
  }

  /** {@return the last CapacityProviderReservation published (NaN before the first minute)} */
  public double capacityProviderReservation() {
    return lastReservation;
  }

  /** {@return m of the last computation: instances needed} */
  public int instancesNeeded() {
    return lastM;
  }

  /** {@return n of the last computation: instances in the group} */
  public int instancesInGroup() {
    return lastN;
  }

  @Override
  public String toString() {
    return spec.name() + " (" + spec.autoScalingGroupName() + ")";
  }
}
