package io.github.cloudtwin.elb;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * An immutable picture of where one load balancer may send requests: the nodes clients can reach
 * (DNS, including nodes still cached after removal), the listeners and their rules, and per node
 * and target group the pool of targets. Swapped atomically when targets or health change, so the
 * HTTP data plane routes without the simulation lock. Only the cursors (round robin) and the seeded
 * random streams mutate, and they are thread-safe.
 */
final class RoutingSnapshot {

  final LoadBalancerType type;
  final Node[] nodes;
  final ListenerSnap[] listeners;
  final long idleTimeoutMillis;
  private final AtomicLong nodeCursor;

  RoutingSnapshot(
      LoadBalancerType type,
      Node[] nodes,
      ListenerSnap[] listeners,
      long idleTimeoutMillis,
      AtomicLong nodeCursor) {
    this.type = type;
    this.nodes = nodes;
    this.listeners = listeners;
    this.idleTimeoutMillis = idleTimeoutMillis;
    this.nodeCursor = nodeCursor;
  }

  /** A load-balancer node: its zone, whether it answers, and its pools per target group. */
  static final class Node {
    final String zone;
    final boolean up;
    final Map<TgState, Pool> pools = new IdentityHashMap<>();

    Node(String zone, boolean up) {
      this.zone = zone;
      this.up = up;
    }
  }

  /** A listener: rules in priority order and the default action. */
  static final class ListenerSnap {
    final int port;
    final Protocol protocol;
    final RuleMatcher[] rules;
    final ActionSnap[] actions;
    final ActionSnap defaultAction;

    /**
     * Classic: the port targets receive this listener's traffic on; 0 keeps the listener's port.
     */
    final int instancePort;

    /** The X-Forwarded-Proto and X-Forwarded-Port values the listener adds. */
    final String forwardedProto;

    final String forwardedPort;

    ListenerSnap(
        int port,
        Protocol protocol,
        RuleSpec[] rules,
        ActionSnap[] actions,
        ActionSnap defaultAction,
        int instancePort) {
      this.port = port;
      this.instancePort = instancePort;
      this.protocol = protocol;
      this.forwardedProto = protocol.name().toLowerCase(java.util.Locale.ROOT);
      this.forwardedPort = Integer.toString(port);
      this.rules = new RuleMatcher[rules.length];
      for (int i = 0; i < rules.length; i++) this.rules[i] = new RuleMatcher(rules[i]);
      this.actions = actions;
      this.defaultAction = defaultAction;
    }

    ActionSnap match(Request r) {
      for (int i = 0; i < rules.length; i++) {
        if (rules[i].matches(r)) return actions[i];
      }
      return defaultAction;
    }
  }

  /** A resolved action: a fixed response, or weighted target groups. */
  static final class ActionSnap {
    final RuleAction action;
    final TgState[] groups;
    final int[] weights;
    final int totalWeight;
    final AtomicLong cursor;

    ActionSnap(RuleAction action, TgState[] groups, int[] weights, AtomicLong cursor) {
      this.action = action;
      this.groups = groups;
      this.weights = weights;
      int t = 0;
      for (int w : weights) t += w;
      this.totalWeight = t;
      this.cursor = cursor;
    }

    TgState pickGroup() {
      if (groups.length == 1) return groups[0];
      long c = Math.floorMod(cursor.getAndIncrement(), (long) totalWeight);
      for (int i = 0; i < groups.length; i++) {
        c -= weights[i];
        if (c < 0) return groups[i];
      }
      return groups[groups.length - 1];
    }
  }

  /** The targets one node may pick from in one target group, with their weights. */
  static final class Pool {
    final TargetRuntime[] targets;
    final double @Nullable [] weights; // null when all are equal
    final boolean failOpen;
    final AtomicLong cursor;
    final SplittableRandom random;
    private final double @Nullable [] current;
    private final double totalWeight;

    Pool(
        TargetRuntime[] targets,
        double @Nullable [] weights,
        boolean failOpen,
        AtomicLong cursor,
        SplittableRandom random) {
      this.targets = targets;
      this.weights = weights;
      this.failOpen = failOpen;
      this.cursor = cursor;
      this.random = random;
      this.current = weights == null ? null : new double[targets.length];
      double t = 0;
      if (weights != null) for (double w : weights) t += w;
      this.totalWeight = weights == null ? targets.length : t;
    }

    double weight(int i) {
      return weights == null ? 1.0 : weights[i];
    }

    TargetRuntime pick(
        LoadBalancingAlgorithm algorithm,
        LoadBalancerType type,
        Request r,
        boolean virtual,
        long now) {
      int n = targets.length;
      if (n == 1) return targets[0];
      if (type == LoadBalancerType.NETWORK) {
        return targets[Math.floorMod(flowHash(r), n)];
      }
      switch (algorithm) {
        case LEAST_OUTSTANDING_REQUESTS:
          {
            int start = (int) Math.floorMod(cursor.getAndIncrement(), (long) n);
            int best = -1;
            int bestCount = Integer.MAX_VALUE;
            for (int k = 0; k < n; k++) {
              int i = (start + k) % n;
              TargetRuntime t = targets[i];
              int c = t.inFlight.get() + (virtual ? t.virtualOutstanding(now) : 0);
              if (c < bestCount) {
                bestCount = c;
                best = i;
                if (c == 0) break; // nothing can be less: the first idle target from the cursor
              }
            }
            return targets[best];
          }
        case WEIGHTED_RANDOM:
          {
            double x;
            synchronized (random) {
              x = random.nextDouble() * totalWeight;
            }
            for (int i = 0; i < n; i++) {
              x -= weight(i);
              if (x < 0) return targets[i];
            }
            return targets[n - 1];
          }
        default:
          {
            double @Nullable [] w = weights;
            double @Nullable [] cur = current; // null exactly when weights is
            if (w == null || cur == null) {
              return targets[(int) Math.floorMod(cursor.getAndIncrement(), (long) n)];
            }
            synchronized (this) { // smooth weighted round robin
              int best = 0;
              for (int i = 0; i < n; i++) {
                cur[i] += w[i];
                if (cur[i] > cur[best]) best = i;
              }
              cur[best] -= totalWeight;
              return targets[best];
            }
          }
      }
    }
  }

  /** The flow hash of an NLB: protocol, source address and port, destination port. */
  static int flowHash(Request r) {
    long h = 0xcbf29ce484222325L;
    String ip = r.sourceIp();
    for (int i = 0; i < ip.length(); i++) h = (h ^ ip.charAt(i)) * 0x100000001b3L;
    h = (h ^ r.sourcePort()) * 0x100000001b3L;
    h = (h ^ r.listenerPort()) * 0x100000001b3L;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (int) (h & 0x7fffffff);
  }

  @Nullable ListenerSnap listener(int port) {
    if (listeners.length == 0) return null;
    if (port == 0) return listeners[0];
    for (ListenerSnap l : listeners) {
      if (l.port == port) return l;
    }
    return null;
  }

  /** Where one request goes. */
  static final class Decision {
    @Nullable Node node;
    @Nullable ActionSnap action;
    @Nullable TgState group;
    @Nullable TargetRuntime target;

    /** 0: connection failed; -1: routed to a target or fixed response; else an ELB status. */
    int elbStatus = -1;
  }

  Decision route(ListenerSnap l, Request r, boolean virtual, long now) {
    Decision d = new Decision();
    if (nodes.length == 0) {
      d.elbStatus = 0;
      return d;
    }
    Node node = nodes[(int) Math.floorMod(nodeCursor.getAndIncrement(), (long) nodes.length)];
    d.node = node;
    if (!node.up) {
      d.elbStatus = 0;
      return d;
    }
    ActionSnap a = l.match(r);
    d.action = a;
    if (a == null) {
      d.elbStatus = 503;
      return d;
    }
    if (!a.action.isForward()) return d;
    TgState g = a.pickGroup();
    d.group = g;
    Pool p = node.pools.get(g);
    if (p == null || p.targets.length == 0) {
      d.elbStatus = 503;
      return d;
    }
    LoadBalancingAlgorithm alg = g.spec.algorithm();
    if (type == LoadBalancerType.CLASSIC) {
      alg =
          l.protocol.isHttp()
              ? LoadBalancingAlgorithm.LEAST_OUTSTANDING_REQUESTS
              : LoadBalancingAlgorithm.ROUND_ROBIN;
    }
    d.target = p.pick(alg, type, r, virtual, now);
    return d;
  }
}
