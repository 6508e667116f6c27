package io.github.cloudtwin.ecs;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import org.apiguardian.api.API;

/**
 * What {@code CreateCapacityProvider} takes for an Auto Scaling group provider.
 *
 * @param name the provider's name (not starting with aws, ecs or fargate)
 * @param autoScalingGroupName the group (AWS: {@code autoScalingGroupProvider.autoScalingGroupArn})
 * @param managedScaling managed scaling, default enabled with the defaults
 * @param managedTerminationProtection ECS protects instances running tasks from scale-in (requires
 *     managed scaling)
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record CapacityProviderSpec(
    String name,
    String autoScalingGroupName,
    ManagedScaling managedScaling,
    boolean managedTerminationProtection) {

  /**
   * Validates.
   *
   * @param name the provider's name (not starting with aws, ecs or fargate)
   * @param autoScalingGroupName the group (AWS: {@code
   *     autoScalingGroupProvider.autoScalingGroupArn})
   * @param managedScaling managed scaling, default enabled with the defaults
   * @param managedTerminationProtection ECS protects instances running tasks from scale-in
   *     (requires managed scaling)
   */
  public CapacityProviderSpec {
    Require.name("name", name);
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("aws") || lower.startsWith("ecs") || lower.startsWith("fargate")) {
      throw new ValidationException("name", name, "a name not starting with aws, ecs or fargate");
    }
    Require.name("autoScalingGroupProvider.autoScalingGroupArn", autoScalingGroupName);
    Require.notNull("managedScaling", managedScaling);
    if (managedTerminationProtection && !managedScaling.enabled()) {
      throw new ValidationException(
          "managedTerminationProtection",
          true,
          "managed scaling enabled, or termination protection off",
          "The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, the capacity provider must have managed scaling enabled.");
    }
  }

  /**
   * A provider with default managed scaling and no termination protection.
   *
   * @param name the name
   * @param autoScalingGroupName the auto scaling group name
   * @return a provider with default managed scaling and no termination protection
   */
  public static CapacityProviderSpec of(String name, String autoScalingGroupName) {
    return new CapacityProviderSpec(name, autoScalingGroupName, ManagedScaling.DEFAULT, false);
  }

  /**
   * This spec with another managed scaling.
   *
   * @param ms the managed scaling settings
   * @return this spec with another managed scaling
   */
  public CapacityProviderSpec withManagedScaling(ManagedScaling ms) {
    return new CapacityProviderSpec(name, autoScalingGroupName, ms, managedTerminationProtection);
  }

  /**
   * This spec with managed termination protection on or off.
   *
   * @param on whether managed termination protection is on
   * @return this spec with managed termination protection on or off
   */
  public CapacityProviderSpec withManagedTerminationProtection(boolean on) {
    return new CapacityProviderSpec(name, autoScalingGroupName, managedScaling, on);
  }
}
