package io.github.cloudtwin.elb;

import io.github.cloudtwin.internal.kernel.Kernel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The target health listeners of one twin (ECS's wiring, tests), called on the simulation thread.
 * Removing one refuses a closed twin.
 */
final class TargetHealthListeners {

  private final Kernel kernel;
  private final List<TargetHealthListener> listeners = new CopyOnWriteArrayList<>();

  TargetHealthListeners(Kernel kernel) {
    this.kernel = kernel;
  }

  void add(TargetHealthListener listener) {
    listeners.add(listener);
  }

  void remove(TargetHealthListener listener) {
    kernel.checkOpen();
    listeners.remove(listener);
  }

  void fire(
      String targetGroup,
      String targetId,
      @Nullable TargetHealthState from,
      TargetHealthState to,
      @Nullable String reason) {
    for (TargetHealthListener l : listeners) {
      l.healthChanged(targetGroup, targetId, from, to, reason);
    }
  }
}
