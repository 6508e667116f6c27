package io.github.cloudtwin.elb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * A load balancer as the twin runs it: listeners, one node per enabled zone, counters, snapshot.
 */
final class LbState {

  final LoadBalancerSpec spec;
  final String dimension;
  final TreeMap<Integer, ListenerSpec> listeners = new TreeMap<>();

  /** Classic only: the instances registered with the load balancer. */
  final @Nullable TgState classicGroup;

  /** Per enabled zone: whether its node is in DNS, and since when it is out (-1 if in). */
  final Map<String, Long> removedFromDns = new LinkedHashMap<>();

  /**
   * Built on the first read after creation ({@code RoutingSnapshots.snapshot}); null until then.
   */
  volatile @Nullable RoutingSnapshot snapshot;

  /** Set by DeleteLoadBalancer: offered traffic to it routes nowhere. */
  boolean deleted;

  final AtomicLong nodeCursor = new AtomicLong();
  final Map<String, AtomicLong> cursors = new ConcurrentHashMap<>();

  // counters for assertions (since creation or the last reset)
  final ConcurrentHashMap<String, LongAdder> byTarget = new ConcurrentHashMap<>();
  final ConcurrentHashMap<String, LongAdder> byZone = new ConcurrentHashMap<>();
  final LongAdder failedConnections = new LongAdder();

  /**
   * Requests of offered traffic (workloads) routed per target and per zone, each in a one-element
   * accumulator that integrating adds to without boxing; kernel lock only.
   */
  final Map<String, double[]> fluidByTarget = new java.util.HashMap<>();

  final Map<String, double[]> fluidByZone = new java.util.HashMap<>();

  /** How many times {@link #fluidByTarget} was cleared: a target's cached count is then stale. */
  int fluidClears;

  // counters for the current minute's metrics (discrete requests: send and real HTTP)
  final LongAdder minuteRequests = new LongAdder();
  final LongAdder minuteElb5xx = new LongAdder();
  final LongAdder minuteTarget5xx = new LongAdder();
  final LongAdder minuteTargetAnswers = new LongAdder();
  final LongAdder minuteLatencyMicros = new LongAdder();

  /** The current minute's discrete answers by latency; guarded by itself (HTTP threads count). */
  final ResponseTimeHistogram minuteLatencies = new ResponseTimeHistogram();

  /** Target response times per minute, for {@link LoadBalancer#responseTimes}; kernel lock. */
  final ResponseTimeHistory responseTimes = new ResponseTimeHistory();

  final ConcurrentHashMap<String, LongAdder> minuteByGroup = new ConcurrentHashMap<>();

  LbState(LoadBalancerSpec spec, String dimension, @Nullable TgState classicGroup) {
    this.spec = spec;
    this.dimension = dimension;
    this.classicGroup = classicGroup;
    for (String z : spec.availabilityZones()) removedFromDns.put(z, -1L);
  }

  String resource() {
    return "lb/" + spec.name();
  }

  void count(RoutedResponse r, @Nullable String group) {
    if (r.status() == 0) {
      failedConnections.increment();
      return;
    }
    minuteRequests.increment();
    String targetId = r.targetId();
    if (targetId != null) {
      String targetZone =
          Objects.requireNonNull(r.targetZone(), "a response with a target names its zone");
      byTarget.computeIfAbsent(targetId, k -> new LongAdder()).increment();
      byZone.computeIfAbsent(targetZone, k -> new LongAdder()).increment();
    }
    if (group != null) minuteByGroup.computeIfAbsent(group, k -> new LongAdder()).increment();
    if (r.fromLoadBalancer() && r.status() >= 500) minuteElb5xx.increment();
    if (!r.fromLoadBalancer() && r.targetId() != null) {
      minuteTargetAnswers.increment();
      minuteLatencyMicros.add(r.latency().toNanos() / 1000);
      synchronized (minuteLatencies) {
        minuteLatencies.add(r.latency().toNanos() / 1000, 1);
      }
      if (r.status() >= 500) minuteTarget5xx.increment();
    }
  }
}
