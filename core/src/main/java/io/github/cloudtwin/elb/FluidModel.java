package io.github.cloudtwin.elb;

import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Scheduler;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Offered traffic as rates: each flow (a request shape at some requests per second into a load
 * balancer) is split over nodes, rules, target groups and targets by the routing snapshot. Rates
 * are piecewise constant: they are recomputed only when a flow, the targets or their health change
 * (once per instant), and the counts for metrics are integrated over those segments.
 */
final class FluidModel {

  static final long CONNECT_TIMEOUT_MILLIS = 10_000;

  /** One offered flow. */
  static final class Flow {
    final LbState lb;
    final Request template;
    double rps;

    Flow(LbState lb, Request template, double rps) {
      this.lb = lb;
      this.template = template;
      this.rps = rps;
    }
  }

  /** Per load balancer: rates now, or counts integrated since the last metric publication. */
  static final class Totals {
    double requests;
    double elb5xx;
    double target5xx;
    double targetAnswers;
    double latencySeconds;
    final ResponseTimeHistogram latencies = new ResponseTimeHistogram();
    final Map<String, Double> byGroup = new TreeMap<>();

    void addScaled(Totals r, double seconds) {
      requests += r.requests * seconds;
      elb5xx += r.elb5xx * seconds;
      target5xx += r.target5xx * seconds;
      targetAnswers += r.targetAnswers * seconds;
      latencySeconds += r.latencySeconds * seconds;
      latencies.addScaled(r.latencies, seconds);
      for (Map.Entry<String, Double> e : r.byGroup.entrySet())
        byGroup.merge(e.getKey(), e.getValue() * seconds, Double::sum);
    }
  }

  /** A piecewise-constant rate history of one target. */
  static final class RateHistory {
    long[] times = new long[8];
    double[] rates = new double[8];
    int size;

    void set(long t, double rate) {
      if (size > 0 && times[size - 1] == t) {
        rates[size - 1] = rate;
        if (size > 1 && rates[size - 2] == rate) size--;
        return;
      }
      if (size > 0 && rates[size - 1] == rate) return;
      if (size == times.length) {
        times = java.util.Arrays.copyOf(times, size * 2);
        rates = java.util.Arrays.copyOf(rates, size * 2);
      }
      times[size] = t;
      rates[size] = rate;
      size++;
    }

    double current() {
      return size == 0 ? 0 : rates[size - 1];
    }

    double average(long from, long to) {
      if (to <= from) return 0;
      double sum = 0;
      // segments that end before from add nothing: start at the one holding from
      int first = java.util.Arrays.binarySearch(times, 0, size, from);
      if (first < 0) first = Math.max(0, -first - 2);
      for (int i = first; i < size; i++) {
        if (times[i] >= to) break; // this and later segments start after the window
        long s = Math.max(times[i], from);
        long e = Math.min(i + 1 < size ? times[i + 1] : Long.MAX_VALUE, to);
        if (e > s) sum += rates[i] * (e - s);
      }
      return sum / (to - from);
    }

    void prune(long before) {
      int keep = 0;
      while (keep + 1 < size && times[keep + 1] <= before) keep++;
      if (keep > 0) {
        System.arraycopy(times, keep, times, 0, size - keep);
        System.arraycopy(rates, keep, rates, 0, size - keep);
        size -= keep;
      }
    }
  }

  private final Kernel kernel;
  private final RoutingSnapshots routing;
  private final TargetDefaults defaults;
  private final Map<Long, Flow> flows = new LinkedHashMap<>();
  private long nextFlowId = 1;
  private final Map<LbState, Totals> rates = new LinkedHashMap<>();
  private final Map<LbState, Totals> integrated = new HashMap<>();
  private final Map<String, RateHistory> served = new HashMap<>();

  /** Per load balancer: the rate routed to each target now (answered or not), and to each zone. */
  private final Map<LbState, Routed> routedRates = new LinkedHashMap<>();

  private long lastIntegrated;
  private Scheduler.Task pending;

  FluidModel(Kernel kernel, RoutingSnapshots routing, TargetDefaults defaults) {
    this.kernel = kernel;
    this.routing = routing;
    this.defaults = defaults;
    this.lastIntegrated = kernel.clock().now().toEpochMilli();
  }

  long add(LbState lb, Request template, double rps) {
    long id = nextFlowId++;
    flows.put(id, new Flow(lb, template, rps));
    recompute();
    return id;
  }

  /**
   * Changes the rate of flow {@code flowId} (0 stops it); refuses an id {@link #add} did not
   * return.
   */
  void setRate(long flowId, double requestsPerSecond) {
    Flow f = flows.get(flowId);
    if (f == null)
      throw new ValidationException(
          "flowId", flowId, "an id returned by offerTraffic " + flows.keySet());
    if (f.rps == requestsPerSecond) return;
    f.rps = requestsPerSecond;
    recompute();
  }

  /** Something changed that may move rates: recompute once at this instant. */
  void markDirty() {
    if (flows.isEmpty() && rates.isEmpty()) return;
    if (pending != null && pending.isPending()) return;
    pending = kernel.scheduler().at(kernel.clock().now(), 0, this::recompute);
  }

  /**
   * The target's application, still starting in {@code g}, starts later: marks the rates dirty at
   * that instant, when its 503s end (nothing else may change then).
   */
  void markDirtyWhenStarted(TgState g, TargetRuntime t) {
    long readyAt = t.readyAt(g.applicationStartMillis);
    if (g.applicationStartMillis > 0 && readyAt > kernel.clock().now().toEpochMilli()) {
      kernel.scheduler().at(Instant.ofEpochMilli(readyAt), this::markDirty);
    }
  }

  /** Rates routed to targets and zones by the flows into one load balancer. */
  static final class Routed {
    final Map<String, Double> byTarget;
    final Map<String, Double> byZone = new HashMap<>();

    /**
     * How long a request routed to the target now stays in flight: its answer's latency, or a
     * timeout.
     */
    final Map<String, Long> inFlightMillis;

    /** Maps sized for {@code targets} targets (a capacity hint). */
    Routed(int targets) {
      byTarget = new HashMap<>(targets);
      inFlightMillis = new HashMap<>(targets);
    }
  }

  void integrate() {
    long now = kernel.clock().now().toEpochMilli();
    double seconds = (now - lastIntegrated) / 1000.0;
    if (seconds > 0) {
      for (Map.Entry<LbState, Totals> e : rates.entrySet()) {
        integrated.computeIfAbsent(e.getKey(), k -> new Totals()).addScaled(e.getValue(), seconds);
      }
      for (Map.Entry<LbState, Routed> e : routedRates.entrySet()) {
        LbState lb = e.getKey();
        accumulate(lb.fluidByTarget, e.getValue().byTarget, seconds);
        accumulate(lb.fluidByZone, e.getValue().byZone, seconds);
      }
    }
    lastIntegrated = now;
  }

  /** Adds {@code rate x seconds} per key into {@code counts} (0 + x is x: a new key gets x). */
  private static void accumulate(
      Map<String, double[]> counts, Map<String, Double> rates, double seconds) {
    for (Map.Entry<String, Double> r : rates.entrySet()) {
      double[] acc = counts.get(r.getKey());
      if (acc == null) {
        acc = new double[1];
        counts.put(r.getKey(), acc);
      }
      acc[0] += r.getValue() * seconds;
    }
  }

  /** Counts integrated since the last call for {@code lb}, then reset. */
  Totals drain(LbState lb) {
    integrate();
    Totals t = integrated.remove(lb);
    return t == null ? new Totals() : t;
  }

  void recompute() {
    if (pending != null) {
      pending.cancel();
      pending = null;
    }
    integrate();
    long now = kernel.clock().now().toEpochMilli();
    rates.clear();
    routedRates.clear();
    // sized for the targets served last time, so that a large fleet's maps never rehash
    int expected = Math.max(16, served.size() * 2);
    Map<String, Double> perTarget = new HashMap<>(expected);
    for (Flow f : flows.values()) {
      if (f.rps <= 0 || f.lb.deleted) continue;
      Totals t = rates.computeIfAbsent(f.lb, k -> new Totals());
      Routed r = routedRates.computeIfAbsent(f.lb, k -> new Routed(expected));
      split(routing.snapshot(f.lb), f.template, f.rps, t, perTarget, r.byTarget, r);
    }
    for (Map.Entry<String, RateHistory> e : served.entrySet()) {
      if (!perTarget.containsKey(e.getKey())) e.getValue().set(now, 0);
    }
    for (Map.Entry<String, Double> e : perTarget.entrySet()) {
      RateHistory h = served.get(e.getKey());
      if (h == null) {
        h = new RateHistory();
        served.put(e.getKey(), h);
      }
      h.set(now, e.getValue()); // each target's history is its own: the order is immaterial
    }
    long horizon = now - 20 * 60_000L;
    for (RateHistory h : served.values()) h.prune(horizon);
  }

  private volatile boolean everServed;

  boolean hasServed() {
    return everServed || (everServed = !served.isEmpty());
  }

  double averageServed(String targetId, long from, long to) {
    RateHistory h = served.get(targetId);
    return h == null ? 0 : h.average(from, to);
  }

  /**
   * Until when requests of offered traffic routed to the target are in flight, if the target is
   * routed traffic now (before the rates are recomputed for a change at this instant); else {@code
   * Long.MIN_VALUE}.
   */
  long inFlightUntil(String targetId, long now) {
    long until = Long.MIN_VALUE;
    for (Routed r : routedRates.values()) {
      Double rate = r.byTarget.get(targetId);
      Long hold = r.inFlightMillis.get(targetId);
      if (rate != null && rate > 0 && hold != null && hold > 0) until = Math.max(until, now + hold);
    }
    return until;
  }

  double currentServed(String targetId) {
    RateHistory h = served.get(targetId);
    return h == null ? 0 : h.current();
  }

  /**
   * Splits {@code rps} of {@code template} over the snapshot: adds the load balancer's rates to
   * {@code out}, the rate each target serves to {@code served}, and (if not null) the rate routed
   * to each target, answered or not, to {@code routed}.
   */
  void split(
      RoutingSnapshot s,
      Request template,
      double rps,
      Totals out,
      Map<String, Double> served,
      Map<String, Double> routed) {
    split(s, template, rps, out, served, routed, null);
  }

  /**
   * As {@link #split(RoutingSnapshot, Request, double, Totals, Map, Map)}, also adding to {@code
   * zones} (if not null) the rate routed to each target zone and how long requests stay in flight.
   */
  void split(
      RoutingSnapshot s,
      Request template,
      double rps,
      Totals out,
      Map<String, Double> served,
      Map<String, Double> routed,
      Routed zones) {
    RoutingSnapshot.ListenerSnap l = s.listener(template.listenerPort());
    if (l == null || s.nodes.length == 0) return;
    double perNode = rps / s.nodes.length;
    Request fwd = RequestRouting.forwarded(template, l);
    for (RoutingSnapshot.Node node : s.nodes) {
      if (!node.up) continue;
      out.requests += perNode;
      RoutingSnapshot.ActionSnap a = l.match(template);
      if (a == null) {
        out.elb5xx += perNode;
        continue;
      }
      if (!a.action.isForward()) {
        if (a.action.fixedStatusCode() >= 500) out.elb5xx += perNode;
        continue;
      }
      for (int gi = 0; gi < a.groups.length; gi++) {
        TgState g = a.groups[gi];
        double gshare = perNode * a.weights[gi] / a.totalWeight;
        if (gshare == 0) continue;
        out.byGroup.merge(g.name, gshare, Double::sum);
        RoutingSnapshot.Pool p = node.pools.get(g);
        if (p == null || p.targets.length == 0) {
          out.elb5xx += gshare;
          continue;
        }
        boolean lor =
            s.type == LoadBalancerType.CLASSIC
                ? l.protocol.isHttp()
                : s.type != LoadBalancerType.NETWORK
                    && g.spec.algorithm() == LoadBalancingAlgorithm.LEAST_OUTSTANDING_REQUESTS;
        int n = p.targets.length;
        double[] w = new double[n];
        Response[] resp = new Response[n];
        double total = 0;
        long nowMillis = kernel.clock().now().toEpochMilli();
        for (int i = 0; i < n; i++) {
          TargetRuntime t = p.targets[i];
          resp[i] =
              t.reachable()
                  ? t.answer(fwd, defaults.behavior(), nowMillis, g.applicationStartMillis)
                  : null;
          w[i] = p.weight(i);
          if (lor) {
            long ms =
                resp[i] == null
                    ? CONNECT_TIMEOUT_MILLIS
                    : resp[i].kind() == Response.Kind.ANSWERED
                        ? resp[i].latency().toMillis()
                        : s.idleTimeoutMillis;
            w[i] /= Math.max(1, ms);
          }
          total += w[i];
        }
        for (int i = 0; i < n; i++) {
          double share = gshare * w[i] / total;
          TargetRuntime t = p.targets[i];
          if (routed != null) routed.merge(t.id, share, Double::sum);
          Response r = resp[i];
          if (zones != null && share > 0) {
            zones.byZone.merge(t.zone, share, Double::sum);
            long hold =
                r == null
                    ? CONNECT_TIMEOUT_MILLIS
                    : r.kind() == Response.Kind.ANSWERED
                        ? Math.min(r.latency().toMillis(), s.idleTimeoutMillis)
                        : r.kind() == Response.Kind.REFUSED ? 0 : s.idleTimeoutMillis;
            zones.inFlightMillis.merge(t.id, hold, Math::max);
          }
          if (r == null
              || r.kind() != Response.Kind.ANSWERED
              || r.latency().toMillis() >= s.idleTimeoutMillis) {
            out.elb5xx += share;
            continue;
          }
          double loss = t.lossFraction;
          if (loss > 0) {
            out.elb5xx +=
                share * loss; // lost on the way to the target's zone: the load balancer answers 5XX
            share -= share * loss;
          }
          served.merge(t.id, share, Double::sum);
          out.targetAnswers += share;
          out.latencySeconds += share * r.latency().toNanos() / 1e9;
          out.latencies.add(r.latency().toNanos() / 1000, share);
          if (r.status() >= 500) out.target5xx += share;
        }
      }
    }
  }

  Instant now() {
    return kernel.clock().now();
  }
}
