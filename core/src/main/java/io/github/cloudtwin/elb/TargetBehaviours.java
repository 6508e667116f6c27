package io.github.cloudtwin.elb;

import io.github.cloudtwin.facts.ElbFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How targets answer requests and health checks: each target's own behaviour (set, failing its
 * checks, one status, slow, silent) and the default one's latency. A change is recorded and moves
 * the offered traffic's rates.
 */
final class TargetBehaviours {

  private final Kernel kernel;
  private final ElbRegistry registry;
  private final TargetDefaults defaults;
  private final FluidModel fluid;

  TargetBehaviours(Kernel kernel, ElbRegistry registry, TargetDefaults defaults, FluidModel fluid) {
    this.kernel = kernel;
    this.registry = registry;
    this.defaults = defaults;
    this.fluid = fluid;
  }

  /** Sets how a target answers (null restores the default). */
  void set(String targetId, @Nullable TargetBehavior behavior) {
    Require.name("targetId", targetId);
    kernel.run(
        () -> {
          TargetRuntime t = registry.target(targetId);
          t.behavior = behavior;
          kernel.timeline().record(new ElbFact.TargetBehaviourChanged(targetId, behavior == null));
          fluid.markDirty();
        });
  }

  void failHealthChecks(String targetId) {
    TargetBehavior current =
        kernel.call(
            () -> {
              TargetRuntime t = registry.target(targetId);
              return t.behavior != null ? t.behavior : defaults.behavior();
            });
    set(targetId, current.failingHealthChecks());
  }

  void respondWith(String targetId, int status) {
    Require.between("status", status, 100, 599);
    set(targetId, TargetBehavior.status(status, defaults.latency()));
  }

  void slow(String targetId, Duration latency) {
    set(targetId, TargetBehavior.healthy(latency));
  }

  void stopAnswering(String targetId) {
    set(targetId, TargetBehavior.noResponse());
  }

  void setDefaultLatency(Duration latency) {
    TargetBehavior behavior = TargetBehavior.healthy(latency); // validates the latency first
    kernel.run(
        () -> {
          defaults.set(latency, behavior);
          fluid.markDirty();
        });
  }
}
