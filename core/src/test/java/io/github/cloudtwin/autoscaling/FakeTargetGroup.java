package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.internal.kernel.Kernel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A small target group for tests: registration, a deregistration delay, targets marked unhealthy.
 */
final class FakeTargetGroup implements LoadBalancerTargets {

  final String name;
  final Kernel kernel;
  final Duration deregistrationDelay;
  final Set<String> registered = new LinkedHashSet<>();
  final Set<String> draining = new LinkedHashSet<>();
  final Set<String> unhealthy = new LinkedHashSet<>();
  final List<String> log = new ArrayList<>();

  FakeTargetGroup(String name, Kernel kernel, Duration deregistrationDelay) {
    this.name = name;
    this.kernel = kernel;
    this.deregistrationDelay = deregistrationDelay;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void register(String instanceId) {
    registered.add(instanceId);
    log.add(kernel.clock().elapsed().getSeconds() + "s register " + instanceId);
  }

  @Override
  public void deregister(String instanceId, Runnable drained) {
    registered.remove(instanceId);
    draining.add(instanceId);
    log.add(kernel.clock().elapsed().getSeconds() + "s deregister " + instanceId);
    kernel
        .scheduler()
        .after(
            deregistrationDelay,
            () -> {
              draining.remove(instanceId);
              log.add(kernel.clock().elapsed().getSeconds() + "s drained " + instanceId);
              drained.run();
            });
  }

  @Override
  public boolean isUnhealthy(String instanceId) {
    return unhealthy.contains(instanceId);
  }
}
