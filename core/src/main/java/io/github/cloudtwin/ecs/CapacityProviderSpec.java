package io.github.cloudtwin.ecs;

import io.github.cloudtwin.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;

/**
 * What {@code CreateCapacityProvider} takes for an Auto Scaling group provider.
 *
 * @param name the provider's name (not starting with aws, ecs or fargate)
 * @param autoScalingGroup the group
 * @param managedScaling managed scaling, default enabled with the defaults
 * @param managedTerminationProtection ECS protects instances running tasks from scale-in (requires
 *     managed scaling)
 */
public record CapacityProviderSpec(
    String name, CapacityProviderGroup autoScalingGroup, ManagedScaling managedScaling, boolean managedTerminationProtection) {

  /** Validates. */
  public CapacityProviderSpec {
    Require.name("name", name);
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("aws") || lower.startsWith("ecs") || lower.startsWith("fargate")) {
      throw new ValidationException("name", name, "a name not starting with aws, ecs or fargate");
    }
    Require.notNull("autoScalingGroupProvider.autoScalingGroupArn", autoScalingGroup);
    Require.notNull("managedScaling", managedScaling);
    if (managedTerminationProtection && !managedScaling.enabled()) {
      throw new ValidationException("managedTerminationProtection", true, "managed scaling enabled, or termination protection off");
    }
    if (autoScalingGroup.maxSize() <= 0 && managedScaling.enabled()) {
      throw new ValidationException("autoScalingGroupProvider", autoScalingGroup.autoScalingGroupName(), "a group with MaxSize above 0 for managed scaling");
    }
  }

  /** A provider with default managed scaling and no termination protection. */
  public static CapacityProviderSpec of(String name, CapacityProviderGroup group) {
    return new CapacityProviderSpec(name, group, ManagedScaling.DEFAULT, false);
  }
}
