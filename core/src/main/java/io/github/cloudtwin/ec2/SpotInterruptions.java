package io.github.cloudtwin.ec2;

import io.github.cloudtwin.facts.Ec2Fact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spot interruptions of one EC2, in AWS's three steps: a rebalance recommendation, the two-minute
 * interruption notice, and the interruption (the instance is terminated); the pools the instances
 * were in lose the reclaimed capacity. Remembers which instances have an interruption under way.
 * Simulation thread only.
 */
final class SpotInterruptions {

  private final Kernel kernel;
  private final Ec2Instances instances;
  private final SpotMarket spot;
  private final List<InstanceListener> listeners;

  /** Spot Instances with an interruption scheduled and not yet done. */
  private final Set<String> interrupting = new HashSet<>();

  SpotInterruptions(
      Kernel kernel, Ec2Instances instances, SpotMarket spot, List<InstanceListener> listeners) {
    this.kernel = kernel;
    this.instances = instances;
    this.spot = spot;
    this.listeners = listeners;
  }

  /** Checks every id, then shrinks the pools and starts each instance's interruption. */
  void interrupt(Duration durationBeforeInterruption, List<String> instanceIds) {
    List<Instance> targets = new ArrayList<>();
    for (String id : instanceIds) {
      Instance i = instances.require(id);
      if (i.purchaseOption() != PurchaseOption.SPOT) {
        throw new ValidationException(
            "instanceIds", id, "a Spot Instance (it is " + i.purchaseOption() + ")");
      }
      if (i.state() != InstanceState.PENDING && i.state() != InstanceState.RUNNING) {
        throw new ValidationException(
            "instanceIds", id, "a pending or running Spot Instance (it is " + i.state() + ")");
      }
      if (interrupting.contains(id) || targets.contains(i)) {
        throw new ValidationException(
            "instanceIds", id, "a Spot Instance without an interruption under way");
      }
      targets.add(i);
    }
    Map<String, Integer> reclaimed = new LinkedHashMap<>();
    for (Instance i : targets)
      reclaimed.merge(i.availabilityZone() + " " + i.spec().instanceType(), 1, Integer::sum);
    for (Map.Entry<String, Integer> e : reclaimed.entrySet()) {
      String[] zt = e.getKey().split(" ");
      SpotPool p = spot.pool(zt[0], zt[1]);
      int left = Math.max(0, spot.inUse(zt[0], zt[1]) - e.getValue());
      if (left < p.capacity()) {
        spot.put(p.withCapacity(left));
        kernel.timeline().record(new Ec2Fact.SpotPoolChanged(zt[0], zt[1], p.spotPrice(), left));
      }
    }
    Instant interruptAt = kernel.clock().now().plus(durationBeforeInterruption);
    for (Instance i : targets) {
      interrupting.add(i.instanceId());
      i.rebalanceRecommendedAt(kernel.clock().now());
      long rec = kernel.timeline().record(new Ec2Fact.RebalanceRecommended(i.instanceId()));
      kernel.runWithCause(
          rec,
          () -> {
            for (InstanceListener l : listeners) l.rebalanceRecommended(i);
            if (durationBeforeInterruption.equals(Ec2.SPOT_INTERRUPTION_NOTICE)) {
              noticeInterruption(i, interruptAt);
            } else {
              kernel
                  .scheduler()
                  .at(
                      interruptAt.minus(Ec2.SPOT_INTERRUPTION_NOTICE),
                      () -> noticeInterruption(i, interruptAt));
            }
          });
    }
  }

  private static boolean gone(Instance i) {
    return i.state() == InstanceState.SHUTTING_DOWN || i.state() == InstanceState.TERMINATED;
  }

  private void noticeInterruption(Instance i, Instant at) {
    if (gone(i)) {
      interrupting.remove(i.instanceId());
      return;
    }
    i.interruptionTime(at);
    long n = kernel.timeline().record(new Ec2Fact.SpotInterruptionNoticed(i.instanceId(), at));
    kernel.runWithCause(
        n,
        () -> {
          for (InstanceListener l : listeners) l.interruptionNoticed(i, at);
          kernel.scheduler().at(at, () -> interrupt(i));
        });
  }

  private void interrupt(Instance i) {
    interrupting.remove(i.instanceId());
    if (gone(i)) return;
    long x = kernel.timeline().record(new Ec2Fact.SpotInstanceInterrupted(i.instanceId()));
    kernel.runWithCause(
        x,
        () -> {
          instances.transition(i, InstanceState.SHUTTING_DOWN);
          kernel
              .scheduler()
              .after(Ec2.SHUTDOWN_TIME, () -> instances.transition(i, InstanceState.TERMINATED));
        });
  }
}
