package io.github.cloudtwin.autoscaling;

/**
 * A group spec's values set on a new builder through its public setters ({@link
 * AutoScalingGroupSpec#toBuilder()}); the lists are copied.
 */
final class GroupSpecCopy {

  private GroupSpecCopy() {}

  /** {@return a builder holding {@code s}'s values} */
  static AutoScalingGroupSpec.Builder toBuilder(AutoScalingGroupSpec s) {
    return AutoScalingGroupSpec.builder()
        .autoScalingGroupName(s.autoScalingGroupName())
        .launchTemplate(s.launchTemplateName(), s.launchTemplateVersion())
        .instanceType(s.instanceType())
        .bootTime(s.bootTime())
        .detailedMonitoring(s.detailedMonitoring())
        .minSize(s.minSize())
        .maxSize(s.maxSize())
        .desiredCapacity(s.desiredCapacity())
        .availabilityZones(s.availabilityZones().toArray(String[]::new))
        .defaultCooldown(s.defaultCooldown())
        .defaultInstanceWarmup(s.defaultInstanceWarmup())
        .healthCheckType(s.healthCheckType())
        .healthCheckGracePeriod(s.healthCheckGracePeriod())
        .terminationPolicies(s.terminationPolicies().toArray(TerminationPolicy[]::new))
        .newInstancesProtectedFromScaleIn(s.newInstancesProtectedFromScaleIn())
        .capacityDistributionStrategy(s.capacityDistributionStrategy())
        .targetGroupNames(s.targetGroupNames().toArray(String[]::new))
        .lifecycleHookSpecifications(
            s.lifecycleHookSpecifications().toArray(LifecycleHookSpec[]::new))
        .mixedInstancesPolicy(s.mixedInstancesPolicy())
        .capacityRebalance(s.capacityRebalance())
        .maxInstanceLifetime(s.maxInstanceLifetime());
  }
}
