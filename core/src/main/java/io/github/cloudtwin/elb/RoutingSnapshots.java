package io.github.cloudtwin.elb;

import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.ZoneState;
import io.github.cloudtwin.facts.ElbFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Scheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps each load balancer's routing snapshot up to date: a change marks it stale, and it is
 * rebuilt once (when the simulation settles or first reads it) from the zones, the DNS nodes
 * (failover, TTL), target health, fail-open, slow start and the listeners' rules. Tells the rate
 * model after each rebuild.
 */
final class RoutingSnapshots {

  private final Kernel kernel;
  private final Ec2 ec2;
  private final ElbRegistry registry;
  private final Map<LbState, Scheduler.Task> slowStartTasks = new HashMap<>();

  /** Load balancers whose routing snapshot is out of date, with the cause of the last change. */
  private final Map<LbState, Long> stale = new LinkedHashMap<>();

  private Runnable rebuilt = () -> {};

  RoutingSnapshots(Kernel kernel, Ec2 ec2, ElbRegistry registry) {
    this.kernel = kernel;
    this.ec2 = ec2;
    this.registry = registry;
  }

  /** Runs {@code action} after every rebuild (the rate model marks its rates out of date). */
  void onRebuilt(Runnable action) {
    this.rebuilt = action;
  }

  /**
   * Marks the routing snapshot of {@code lb} out of date. It is rebuilt once when the simulation
   * settles (after the events of the instant, at the end of the call) or when the simulation reads
   * it first ({@link #snapshot}), so 20,000 target changes in one instant cost one rebuild, not
   * 20,000 (each of which scans every target).
   */
  void rebuild(LbState lb) {
    stale.remove(lb);
    stale.put(lb, kernel.currentCause());
  }

  /**
   * A target group's health changed: the snapshots of the load balancers it serves are out of date.
   */
  void healthChanged(TgState g) {
    for (LbState lb : g.loadBalancers) rebuild(lb);
  }

  /** Every load balancer's snapshot is out of date (a zone changed state). */
  void rebuildAll() {
    for (LbState lb : registry.lbs.values()) rebuild(lb);
  }

  /** A deleted load balancer: no rebuild pending, no slow-start step. */
  void forget(LbState lb) {
    stale.remove(lb);
    Scheduler.Task ss = slowStartTasks.remove(lb);
    if (ss != null) ss.cancel();
  }

  /** The up-to-date routing snapshot of {@code lb}, for readers inside the simulation. */
  RoutingSnapshot snapshot(LbState lb) {
    Long cause = stale.remove(lb);
    if (cause != null) kernel.runWithCause(cause, () -> rebuildNow(lb));
    return Objects.requireNonNull(lb.snapshot, "a new load balancer's snapshot is stale, so built");
  }

  /** Rebuilds every stale snapshot (the kernel calls this when the simulation settles). */
  void rebuildStale() {
    while (!stale.isEmpty()) {
      LbState lb = stale.keySet().iterator().next();
      snapshot(lb);
    }
  }

  /** The zones whose node is in DNS now, in zone order. */
  List<String> dnsZones(String loadBalancerName) {
    return kernel.call(
        () -> {
          List<String> out = new ArrayList<>();
          LbState lb = registry.lb(loadBalancerName);
          snapshot(lb);
          lb.removedFromDns.forEach(
              (z, at) -> {
                if (at < 0) out.add(z);
              });
          return List.copyOf(out);
        });
  }

  /** Rebuilds the routing snapshot of {@code lb}: DNS, nodes, pools. */
  private void rebuildNow(LbState lb) {
    long now = kernel.clock().now().toEpochMilli();
    LoadBalancerSpec spec = lb.spec;
    List<TgState> groups = registry.groupsOf(lb);
    List<String> zones = spec.availabilityZones();
    // per zone, by its index in zones (a spec lists each zone once)
    boolean[] up = new boolean[zones.size()];
    boolean[] dnsHealthy = new boolean[zones.size()];
    boolean anyHealthyUp = false;
    for (int zi = 0; zi < zones.size(); zi++) {
      String z = zones.get(zi);
      boolean u = ec2.zoneState(z) == ZoneState.AVAILABLE;
      up[zi] = u;
      boolean healthy = true;
      for (TgState g : groups) {
        if (g.crossZone(lb)) continue;
        int h = 0;
        for (Registration r : g.registrations.values())
          if (r.healthy() && r.target.zone.equals(z)) h++;
        if (h == 0) healthy = false;
      }
      dnsHealthy[zi] = healthy;
      if (u && healthy) anyHealthyUp = true;
    }
    List<RoutingSnapshot.Node> visible = new ArrayList<>();
    for (int zi = 0; zi < zones.size(); zi++) {
      String z = zones.get(zi);
      boolean inDns = up[zi] && (dnsHealthy[zi] || !anyHealthyUp);
      long removedAt =
          Objects.requireNonNull(lb.removedFromDns.get(z), "LbState holds every zone of its spec");
      if (inDns && removedAt >= 0) {
        lb.removedFromDns.put(z, -1L);
        kernel.timeline().record(new ElbFact.DnsNodeAdded(lb.spec.name(), z));
        removedAt = -1;
      } else if (!inDns && removedAt < 0) {
        removedAt = now;
        lb.removedFromDns.put(z, now);
        kernel
            .timeline()
            .record(new ElbFact.DnsNodeRemoved(lb.spec.name(), z, !up[zi], LoadBalancing.DNS_TTL));
        long at = now + LoadBalancing.DNS_TTL.toMillis();
        kernel.scheduler().at(Instant.ofEpochMilli(at), () -> rebuild(lb));
      }
      if (inDns || now < removedAt + LoadBalancing.DNS_TTL.toMillis())
        visible.add(new RoutingSnapshot.Node(z, up[zi]));
    }
    boolean slowStarting = false;
    long slowStep = Long.MAX_VALUE;
    for (RoutingSnapshot.Node node : visible) {
      for (TgState g : groups) {
        List<Registration> scope = new ArrayList<>();
        List<Registration> healthy = new ArrayList<>();
        boolean cross = g.crossZone(lb);
        for (Registration r : g.registrations.values()) {
          if (!r.routable() || !zones.contains(r.target.zone)) continue;
          if (!cross && !r.target.zone.equals(node.zone)) continue;
          scope.add(r);
          if (r.healthy()) healthy.add(r);
        }
        boolean failOpen = healthy.size() < g.spec.minimumHealthyTargetsCount();
        List<Registration> chosen = failOpen ? scope : healthy;
        TargetRuntime[] ts = new TargetRuntime[chosen.size()];
        double[] weights = null;
        long ss = g.spec.slowStart().toMillis();
        if (ss > 0 && !failOpen) {
          boolean ramping = false;
          for (Registration r : chosen) if (r.slowStartEnd > now) ramping = true;
          if (ramping) {
            weights = new double[chosen.size()];
            long step = ss / 10;
            for (int i = 0; i < chosen.size(); i++) {
              Registration r = chosen.get(i);
              long el = now - (r.slowStartEnd - ss);
              weights[i] = r.slowStartEnd <= now ? 1.0 : Math.min(1.0, (el + step / 2.0) / ss);
            }
            slowStarting = true;
            slowStep = Math.min(slowStep, step);
          }
        }
        for (int i = 0; i < ts.length; i++) ts[i] = chosen.get(i).target;
        String key = node.zone + "|" + g.name;
        AtomicLong cursor = lb.cursors.computeIfAbsent(key, k -> new AtomicLong());
        SplittableRandom random = kernel.randomness().stream("elb/" + spec.name() + "/" + key);
        node.pools.put(
            g, new RoutingSnapshot.Pool(ts, weights, failOpen && !scope.isEmpty(), cursor, random));
      }
    }
    List<RoutingSnapshot.ListenerSnap> ls = new ArrayList<>();
    for (ListenerSpec l : lb.listeners.values()) {
      RoutingSnapshot.ActionSnap[] actions = new RoutingSnapshot.ActionSnap[l.rules().size()];
      RuleSpec[] rules = l.rules().toArray(new RuleSpec[0]);
      for (int i = 0; i < rules.length; i++)
        actions[i] = actionSnap(lb, l.port() + "|" + rules[i].priority(), rules[i].action());
      ls.add(
          new RoutingSnapshot.ListenerSnap(
              l.port(),
              l.protocol(),
              rules,
              actions,
              actionSnap(lb, l.port() + "|default", l.defaultAction()),
              l.instancePort() == null ? 0 : l.instancePort()));
    }
    lb.snapshot =
        new RoutingSnapshot(
            spec.type(),
            visible.toArray(new RoutingSnapshot.Node[0]),
            ls.toArray(new RoutingSnapshot.ListenerSnap[0]),
            spec.idleTimeout().toMillis(),
            lb.nodeCursor);
    Scheduler.Task pending = slowStartTasks.get(lb);
    if (slowStarting && (pending == null || !pending.isPending())) {
      slowStartTasks.put(
          lb, kernel.scheduler().at(Instant.ofEpochMilli(now + slowStep), 0, () -> rebuild(lb)));
    }
    rebuilt.run();
  }

  private RoutingSnapshot.ActionSnap actionSnap(LbState lb, String key, RuleAction a) {
    Map<String, Integer> named = a.targetGroupWeights();
    TgState[] groups = new TgState[named.size()];
    int[] weights = new int[named.size()];
    int i = 0;
    for (Map.Entry<String, Integer> e : named.entrySet()) {
      groups[i] = lb.classicGroup != null ? lb.classicGroup : registry.tgs.get(e.getKey());
      weights[i] = e.getValue();
      i++;
    }
    return new RoutingSnapshot.ActionSnap(
        a, groups, weights, lb.cursors.computeIfAbsent("action|" + key, k -> new AtomicLong()));
  }
}
