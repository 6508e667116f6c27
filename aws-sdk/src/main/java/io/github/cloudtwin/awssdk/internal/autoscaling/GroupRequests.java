package io.github.cloudtwin.awssdk.internal.autoscaling;

import io.github.cloudtwin.awssdk.internal.operations.AutoScalingRequests;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupRequest;

/**
 * The group requests' SDK models as the operations take them: {@code CreateAutoScalingGroup}'s
 * parameters, {@code UpdateAutoScalingGroup}'s check and a {@code MixedInstancesPolicy}, refusing
 * what the twin does not simulate.
 */
final class GroupRequests {

  private GroupRequests() {}

  /**
   * CreateAutoScalingGroup's parameters (launch configurations and instance ids are not simulated).
   */
  static AutoScalingRequests.CreateGroup createGroup(CreateAutoScalingGroupRequest r) {
    if (r.launchConfigurationName() != null || r.instanceId() != null) {
      throw new UnsupportedOperationException(
          "CreateAutoScalingGroup with a launch configuration or an instance id is"
              + " not simulated by CloudTwin: use LaunchTemplate or MixedInstancesPolicy");
    }
    LaunchTemplateSpecification lt = r.launchTemplate();
    return new AutoScalingRequests.CreateGroup(
        r.autoScalingGroupName(),
        lt == null ? null : lt.launchTemplateId(),
        lt == null ? null : lt.launchTemplateName(),
        lt == null ? null : lt.version(),
        r.minSize(),
        r.maxSize(),
        r.desiredCapacity(),
        r.hasAvailabilityZones() ? r.availabilityZones() : null,
        r.vpcZoneIdentifier(),
        r.defaultCooldown(),
        r.defaultInstanceWarmup(),
        r.healthCheckType(),
        r.healthCheckGracePeriod(),
        r.hasTerminationPolicies() ? r.terminationPolicies() : null,
        r.newInstancesProtectedFromScaleIn(),
        r.availabilityZoneDistribution() == null
            ? null
            : r.availabilityZoneDistribution().capacityDistributionStrategyAsString(),
        r.hasTargetGroupARNs() ? r.targetGroupARNs() : null,
        r.hasLifecycleHookSpecificationList()
            ? r.lifecycleHookSpecificationList().stream()
                .map(
                    h ->
                        new AutoScalingRequests.HookSpecification(
                            h.lifecycleHookName(),
                            h.lifecycleTransition(),
                            h.heartbeatTimeout(),
                            h.defaultResult()))
                .toList()
            : null,
        mixed(r.mixedInstancesPolicy()),
        r.capacityRebalance(),
        r.maxInstanceLifetime());
  }

  /** Refuses an UpdateAutoScalingGroup of parameters the twin does not update. */
  static void checkUpdate(UpdateAutoScalingGroupRequest r) {
    List<String> unsupported = new ArrayList<>();
    if (r.defaultCooldown() != null) unsupported.add("DefaultCooldown");
    if (r.healthCheckType() != null) unsupported.add("HealthCheckType");
    if (r.healthCheckGracePeriod() != null) unsupported.add("HealthCheckGracePeriod");
    if (r.hasAvailabilityZones()) unsupported.add("AvailabilityZones");
    if (r.vpcZoneIdentifier() != null) unsupported.add("VPCZoneIdentifier");
    if (r.hasTerminationPolicies()) unsupported.add("TerminationPolicies");
    if (r.newInstancesProtectedFromScaleIn() != null)
      unsupported.add("NewInstancesProtectedFromScaleIn");
    if (r.launchConfigurationName() != null) unsupported.add("LaunchConfigurationName");
    if (!unsupported.isEmpty()) {
      throw new UnsupportedOperationException(
          "UpdateAutoScalingGroup with "
              + unsupported
              + " is not simulated by"
              + " CloudTwin (it updates MinSize, MaxSize, DesiredCapacity, LaunchTemplate, MixedInstancesPolicy,"
              + " CapacityRebalance and MaxInstanceLifetime)");
    }
  }

  /** The SDK's MixedInstancesPolicy as the operations take it, or null. */
  static AutoScalingRequests.@Nullable MixedPolicy mixed(
      software.amazon.awssdk.services.autoscaling.model.@Nullable MixedInstancesPolicy m) {
    if (m == null) return null;
    var lt = m.launchTemplate();
    LaunchTemplateSpecification spec = lt == null ? null : lt.launchTemplateSpecification();
    List<AutoScalingRequests.OverrideSpec> overrides = new ArrayList<>();
    if (lt != null && lt.hasOverrides()) {
      for (int i = 0; i < lt.overrides().size(); i++) {
        var o = lt.overrides().get(i);
        if (o.launchTemplateSpecification() != null) {
          throw new UnsupportedOperationException(
              "MixedInstancesPolicy.LaunchTemplate.Overrides["
                  + i
                  + "].LaunchTemplateSpecification"
                  + " (a launch template per instance type) is not simulated by CloudTwin");
        }
        overrides.add(new AutoScalingRequests.OverrideSpec(o.instanceType(), o.weightedCapacity()));
      }
    }
    var d = m.instancesDistribution();
    return new AutoScalingRequests.MixedPolicy(
        spec == null ? null : spec.launchTemplateId(),
            spec == null ? null : spec.launchTemplateName(),
        spec == null ? null : spec.version(), overrides,
        d == null ? null : d.onDemandAllocationStrategy(),
            d == null ? null : d.onDemandBaseCapacity(),
        d == null ? null : d.onDemandPercentageAboveBaseCapacity(),
            d == null ? null : d.spotAllocationStrategy(),
        d == null ? null : d.spotInstancePools(), d == null ? null : d.spotMaxPrice());
  }
}
