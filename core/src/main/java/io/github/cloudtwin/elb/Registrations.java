package io.github.cloudtwin.elb;

import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.ec2.ZoneState;
import io.github.cloudtwin.facts.Ec2Fact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Target registrations and their lifecycle: {@code RegisterTargets} and its Classic form (all
 * validated before any is registered), deregistration (through {@link Draining}), and what an
 * instance's state or a zone's state does to its registrations.
 */
final class Registrations {

  private final Kernel kernel;
  private final Ec2 ec2;
  private final ElbRegistry registry;
  private final RoutingSnapshots routing;
  private final NetworkImpairments network;
  private final Draining draining;
  private final FluidModel fluid;

  Registrations(
      Kernel kernel,
      Ec2 ec2,
      ElbRegistry registry,
      RoutingSnapshots routing,
      NetworkImpairments network,
      Draining draining,
      FluidModel fluid) {
    this.kernel = kernel;
    this.ec2 = ec2;
    this.registry = registry;
    this.routing = routing;
    this.network = network;
    this.draining = draining;
    this.fluid = fluid;
  }

  /** Registers targets by id: instance ids, or IPs already known to the twin with their zone. */
  void registerTargets(String targetGroupName, String... targetIds) {
    Require.notNull("Targets", targetIds);
    TargetDescription[] d = new TargetDescription[targetIds.length];
    for (int i = 0; i < targetIds.length; i++) {
      String id = Require.name("Targets.Id", targetIds[i]);
      TargetRuntime known = kernel.call(() -> registry.targets.get(id));
      d[i] =
          known != null && known.instance == null
              ? TargetDescription.ip(id, known.zone)
              : TargetDescription.instance(id);
    }
    registerTargets(targetGroupName, d);
  }

  /** Registers targets, as {@code RegisterTargets}. */
  void registerTargets(String targetGroupName, TargetDescription... descriptions) {
    Require.notNull("Targets", descriptions);
    kernel.run(
        () -> {
          TgState g = registry.tg(targetGroupName);
          List<TargetRuntime> resolved = new ArrayList<>();
          for (TargetDescription d : descriptions)
            resolved.add(resolve(g, Require.notNull("Targets", d)));
          for (int i = 0; i < descriptions.length; i++)
            register(g, resolved.get(i), descriptions[i]);
          routing.healthChanged(g);
        });
  }

  /** Classic: registers instances, as {@code RegisterInstancesWithLoadBalancer}. */
  void registerInstancesWithLoadBalancer(String loadBalancerName, String... instanceIds) {
    Require.notNull("Instances", instanceIds);
    kernel.run(
        () -> {
          TgState g = registry.classicGroup(loadBalancerName);
          List<TargetRuntime> resolved = new ArrayList<>();
          for (String id : instanceIds)
            resolved.add(
                resolve(g, TargetDescription.instance(Require.name("Instances.InstanceId", id))));
          for (int i = 0; i < instanceIds.length; i++)
            register(g, resolved.get(i), TargetDescription.instance(instanceIds[i]));
          routing.healthChanged(g);
        });
  }

  private TargetRuntime resolve(TgState g, TargetDescription d) {
    if (g.spec.targetType() == TargetType.INSTANCE || g.lbType == LoadBalancerType.CLASSIC) {
      if (d.availabilityZone() != null)
        throw new ValidationException(
            "Targets.AvailabilityZone", d.availabilityZone(), "no zone for an instance target");
      Instance i;
      try {
        i = ec2.instance(d.id());
      } catch (ValidationException e) {
        throw new ValidationException(
            "Targets.Id",
            d.id(),
            "the id of an instance of this twin",
            "InvalidTarget: The following targets are not valid instances: '" + d.id() + "'");
      }
      if (TgState.invalidState(i.state())) {
        throw new ValidationException(
            "Targets.Id",
            d.id(),
            "a pending or running instance (it is " + i.state() + ")",
            "InvalidTarget: The following targets are not in a running state and cannot be registered: '"
                + d.id()
                + "'");
      }
      TargetRuntime t = registry.targets.get(d.id());
      return t != null ? t : new TargetRuntime(d.id(), i.availabilityZone(), i);
    }
    if (!d.id().matches("\\d{1,3}(\\.\\d{1,3}){3}"))
      throw new ValidationException("Targets.Id", d.id(), "an IPv4 address for an ip target group");
    TargetRuntime known = registry.targets.get(d.id());
    String zone =
        d.availabilityZone() != null ? d.availabilityZone() : known != null ? known.zone : null;
    if (zone == null)
      throw new ValidationException(
          "Targets.AvailabilityZone", null, "the zone of the IP target " + d.id());
    ec2.zone(zone);
    if (known != null && !known.zone.equals(zone))
      throw new ValidationException(
          "Targets.AvailabilityZone",
          zone,
          "the zone the IP " + d.id() + " is known in: " + known.zone);
    return known != null ? known : new TargetRuntime(d.id(), zone, null);
  }

  private void register(TgState g, TargetRuntime t, TargetDescription d) {
    registry.targets.putIfAbsent(t.id, t);
    if (t.instance == null) t.zoneImpaired = ec2.zoneState(t.zone) == ZoneState.IMPAIRED;
    if (d.endpoint() != null) t.endpoint = d.endpoint();
    Registration existing = g.registrations.get(t.id);
    if (existing != null && existing.state != TargetHealthState.DRAINING)
      return; // already registered
    if (existing != null && existing.drainTask != null) existing.drainTask.cancel();
    if (t.instance == null && !registeredAnywhere(t))
      t.registeredAt = kernel.clock().now().toEpochMilli(); // an IP target's application starts
    Registration r = new Registration(t, g, d.port() != 0 ? d.port() : g.spec.port());
    g.registrations.put(t.id, r);
    network.applyTo(t);
    fluid.markDirtyWhenStarted(g, t);
    g.startFresh(r);
  }

  /** Whether the target is registered (and not draining) in any target group. */
  private boolean registeredAnywhere(TargetRuntime t) {
    for (TgState other : registry.tgs.values()) {
      Registration x = other.registrations.get(t.id);
      if (x != null && x.target == t && x.state != TargetHealthState.DRAINING) return true;
    }
    return false;
  }

  /**
   * Deregisters targets, as {@code DeregisterTargets}: each drains for the deregistration delay.
   */
  void deregisterTargets(String targetGroupName, String... targetIds) {
    Require.notNull("Targets", targetIds);
    kernel.run(() -> deregister(registry.tg(targetGroupName), null, targetIds));
  }

  /** Deregisters one target; {@code drained} runs when the deregistration delay has ended. */
  void deregisterTarget(String targetGroupName, String targetId, @Nullable Runnable drained) {
    kernel.run(() -> deregister(registry.tg(targetGroupName), drained, targetId));
  }

  /** Classic: deregisters instances, as {@code DeregisterInstancesFromLoadBalancer}. */
  void deregisterInstancesFromLoadBalancer(String loadBalancerName, String... instanceIds) {
    Require.notNull("Instances", instanceIds);
    kernel.run(() -> deregister(registry.classicGroup(loadBalancerName), null, instanceIds));
  }

  /** Classic: deregisters one instance; {@code drained} runs when connection draining has ended. */
  void deregisterInstance(String loadBalancerName, String instanceId, @Nullable Runnable drained) {
    kernel.run(() -> deregister(registry.classicGroup(loadBalancerName), drained, instanceId));
  }

  /** Deregisters every one of {@code ids}, all checked to be registered first. */
  private void deregister(TgState g, @Nullable Runnable drained, String... ids) {
    for (String id : ids) requireRegistered(g, id);
    for (String id : ids) draining.deregister(g, id, drained);
    routing.healthChanged(g);
  }

  private static void requireRegistered(TgState g, String id) {
    Require.name("Targets.Id", id);
    Registration r = g.registrations.get(id);
    if (r == null) {
      throw new ValidationException(
          "Targets.Id",
          id,
          "a target registered with " + g.name + " " + g.registrations.keySet(),
          "InvalidTarget: The following targets are not registered: '" + id + "'");
    }
  }

  /**
   * Whether the target is registered (and not yet fully deregistered) with any target group or
   * Classic load balancer.
   */
  boolean isRegistered(String targetId) {
    return kernel.call(
        () -> {
          for (TgState g : registry.allGroups()) {
            if (g.registrations.containsKey(targetId)) return true;
          }
          return false;
        });
  }

  /**
   * An instance changed state or reachability: its registrations follow (drain when it is gone,
   * unused while stopped).
   */
  void instanceChanged(Instance i) {
    kernel.run(
        () -> {
          TargetRuntime t = registry.targets.get(i.instanceId());
          if (t == null) return;
          Set<LbState> affected = new LinkedHashSet<>();
          for (TgState g : registry.allGroups()) {
            Registration r = g.registrations.get(t.id);
            if (r == null) continue;
            if (i.state() == InstanceState.SHUTTING_DOWN || i.state() == InstanceState.TERMINATED) {
              draining.drainGone(
                  g, r); // AWS deregisters a terminated instance: it drains, then leaves the group
            } else if (TgState.invalidState(i.state())
                && (r.routable() || "Target.InvalidState".equals(r.reason))) {
              // stopping, then stopped: the description follows the instance's state
              g.set(
                  r,
                  TargetHealthState.UNUSED,
                  "Target.InvalidState",
                  "Target is in the " + i.state() + " state");
            } else if (i.state() == InstanceState.RUNNING) {
              fluid.markDirtyWhenStarted(g, t); // registered while pending: the start runs now
            }
            affected.addAll(g.loadBalancers);
          }
          for (LbState lb : affected) routing.rebuild(lb);
        });
  }

  /**
   * A zone changed state: IP targets in it follow its impairment, and every routing snapshot is
   * rebuilt.
   */
  void timelineEvent(TimelineEvent e) {
    if (!(e.fact() instanceof Ec2Fact.ZoneStateChanged z)) return;
    kernel.run(
        () -> {
          boolean impaired = z.impaired();
          for (TargetRuntime t : registry.targets.values()) {
            if (t.instance == null && t.zone.equals(z.zone())) t.zoneImpaired = impaired;
          }
          routing.rebuildAll();
        });
  }
}
