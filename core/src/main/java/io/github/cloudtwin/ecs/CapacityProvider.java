package io.github.cloudtwin.ecs;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A live view of an Auto Scaling group capacity provider: its configuration, the last {@code
 * CapacityProviderReservation} it computed, and the tasks waiting for capacity.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class CapacityProvider {

  volatile CapacityProviderSpec spec;
  final CapacityProviderGroup group;
  volatile @Nullable String clusterName;
  volatile double lastReservation = Double.NaN;
  volatile int lastM;
  volatile int lastN;
  long lastScaleOutMillis = Long.MIN_VALUE;

  /** The managed scaling policy on the group while managed scaling is on and a cluster uses it. */
  volatile @Nullable String policyName;

  volatile List<String> alarmNames = List.of();

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
  public @Nullable String clusterName() {
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

  /**
   * {@return the target tracking policy managed scaling keeps on the group ({@code
   * ECSManagedAutoScalingPolicy-<uuid>}) while managed scaling is on and the provider is associated
   * with a cluster; else empty}
   */
  public Optional<String> managedScalingPolicyName() {
    return Optional.ofNullable(policyName);
  }

  /**
   * {@return the CloudWatch alarms of that policy, {@code TargetTracking-<group>-AlarmHigh-<uuid>}
   * then {@code ...-AlarmLow-<uuid>}; empty without the policy}
   */
  public List<String> managedScalingAlarmNames() {
    return alarmNames;
  }

  @Override
  public String toString() {
    return spec.name() + " (" + spec.autoScalingGroupName() + ")";
  }
}
