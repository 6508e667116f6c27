package io.github.cloudtwin.awssdk.internal.operations;

import static io.github.cloudtwin.awssdk.internal.operations.EcsLookup.client;
import static io.github.cloudtwin.awssdk.internal.operations.EcsLookup.invalid;

import io.github.cloudtwin.ecs.CapacityProvider;
import io.github.cloudtwin.ecs.Ecs;
import io.github.cloudtwin.ecs.ManagedScaling;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * ECS's {@code UpdateCapacityProvider} and {@code DeleteCapacityProvider} over the twin: what they
 * accept, AWS's errors, and what the twin does not simulate.
 */
final class CapacityProviderOperations {

  private final Ecs ecs;

  CapacityProviderOperations(Ecs ecs) {
    this.ecs = ecs;
  }

  CapacityProvider update(
      String name,
      EcsOperations.@Nullable ManagedScalingUpdate update,
      String managedTerminationProtection) {
    if (name == null || name.isEmpty()) throw invalid("name can not be blank.");
    CapacityProvider current = existing(name);
    if (managedTerminationProtection != null) {
      if (!managedTerminationProtection.equals("ENABLED")
          && !managedTerminationProtection.equals("DISABLED")) {
        throw invalid(
            "autoScalingGroupProvider.managedTerminationProtection must be ENABLED or DISABLED, not "
                + managedTerminationProtection
                + ".");
      }
      if (managedTerminationProtection.equals("ENABLED")
          != current.spec().managedTerminationProtection()) {
        throw new UnsupportedOperationException(
            "UpdateCapacityProvider of managedTerminationProtection is not simulated by CloudTwin:"
                + " the twin changes managedScaling only");
      }
    }
    ManagedScaling now = current.spec().managedScaling();
    try {
      ManagedScaling next = update == null ? now : merged(now, update);
      return ecs.updateCapacityProvider(current.name(), next);
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
  }

  /** {@code now} with the values {@code update} gives. */
  private static ManagedScaling merged(ManagedScaling now, EcsOperations.ManagedScalingUpdate u) {
    String status = u.status();
    if (status != null && !status.equals("ENABLED") && !status.equals("DISABLED")) {
      throw invalid(
          "autoScalingGroupProvider.managedScaling.status must be ENABLED or DISABLED, not "
              + status
              + ".");
    }
    return new ManagedScaling(
        status == null ? now.enabled() : status.equals("ENABLED"),
        u.targetCapacity() == null ? now.targetCapacity() : u.targetCapacity(),
        u.minimumScalingStepSize() == null
            ? now.minimumScalingStepSize()
            : u.minimumScalingStepSize(),
        u.maximumScalingStepSize() == null
            ? now.maximumScalingStepSize()
            : u.maximumScalingStepSize(),
        u.instanceWarmupPeriod() == null
            ? now.instanceWarmupPeriod()
            : Duration.ofSeconds(u.instanceWarmupPeriod()));
  }

  CapacityProvider delete(String ref) {
    if (ref == null || ref.isEmpty()) throw invalid("capacityProvider can not be blank.");
    CapacityProvider p = existing(EcsLookup.lastSegment(ref));
    if (p.clusterName() != null) {
      throw client(
          "The capacity provider cannot be deleted because it is associated with cluster: "
              + p.clusterName()
              + ". Remove the capacity provider from the cluster and try again.");
    }
    try {
      ecs.deleteCapacityProvider(p.name());
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
    return p;
  }

  private CapacityProvider existing(String name) {
    try {
      return ecs.capacityProvider(name);
    } catch (ValidationException e) {
      throw client("The specified capacity provider does not exist: " + name + ".");
    }
  }
}
