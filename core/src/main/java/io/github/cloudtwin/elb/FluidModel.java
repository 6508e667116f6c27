package io.github.cloudtwin.elb;

import io.github.cloudtwin.elb.FluidTargets.MapSink;
import io.github.cloudtwin.elb.FluidTargets.Routed;
import io.github.cloudtwin.elb.FluidTargets.Sink;
import io.github.cloudtwin.elb.FluidTargets.Slot;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Scheduler;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

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

  private final Kernel kernel;
  private final RoutingSnapshots routing;
  private final TargetDefaults defaults;
  private final Map<Long, Flow> flows = new LinkedHashMap<>();
  private long nextFlowId = 1;
  private final Map<LbState, Totals> rates = new LinkedHashMap<>();
  private final Map<LbState, Totals> integrated = new HashMap<>();

  /** The rate histories of the targets that served, by target id. */
  private final Map<String, Slot> served = new HashMap<>();

  /**
   * The same slots as {@link #served}, in the order the targets first served: walked once per
   * recomputation without iterating the map.
   */
  private final ArrayList<Slot> historic = new ArrayList<>();

  /** Per load balancer: the rate routed to each target now (answered or not), and to each zone. */
  private final Map<LbState, Routed> routedRates = new LinkedHashMap<>();

  /** The recomputation under way (or the last one), and the targets it served so far. */
  private int epoch;

  private final List<Slot> servedNow = new ArrayList<>();

  /** The history of every target that never served. */
  private final RateHistory empty = RateHistory.empty();

  private long lastIntegrated;
  private Scheduler.@Nullable Task pending;

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

  void integrate() {
    long now = kernel.clock().now().toEpochMilli();
    double seconds = (now - lastIntegrated) / 1000.0;
    if (seconds > 0) {
      for (Map.Entry<LbState, Totals> e : rates.entrySet()) {
        integrated.computeIfAbsent(e.getKey(), k -> new Totals()).addScaled(e.getValue(), seconds);
      }
      for (Map.Entry<LbState, Routed> e : routedRates.entrySet()) {
        e.getValue().integrate(e.getKey(), seconds);
      }
    }
    lastIntegrated = now;
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
    // each load balancer's arrays are reused: the ones no flow routes through now are dropped
    Map<LbState, Routed> before = new HashMap<>(routedRates);
    routedRates.clear();
    epoch++;
    servedNow.clear();
    // sized for the targets served last time, so that a large fleet's arrays never grow
    int expected = Math.max(16, historic.size() * 2);
    for (Flow f : flows.values()) {
      if (f.rps <= 0 || f.lb.deleted) continue;
      Totals t = rates.computeIfAbsent(f.lb, k -> new Totals());
      Routed r =
          routedRates.computeIfAbsent(
              f.lb,
              k -> {
                Routed old = before.get(k);
                if (old == null) return new Routed(expected);
                old.reset();
                return old;
              });
      split(routing.snapshot(f.lb), f.template, f.rps, t, new ModelSink(r));
    }
    // a pool's targets (the same history, the same rate) move to one shared history: the served
    // ones first, so that a history's targets served now are not interleaved with those that are
    // not (a history remembers one rate per recomputation: interleaved, each would get a copy)
    for (Slot h : servedNow) h.set(now, h.servedNow, epoch);
    long horizon = now - 20 * 60_000L;
    // one walk over the list of histories (not the map): a target not served now gets rate 0,
    // then each history is pruned (each slot's own steps keep their order)
    int kept = 0;
    for (int i = 0, n = historic.size(); i < n; i++) {
      Slot h = historic.get(i);
      if (h.servedEpoch != epoch) h.set(now, 0, epoch);
      h.prune(horizon);
      if (h.idleSince(horizon)) {
        // it averages 0 over any window it can still be asked for, as an absent one does: a
        // fleet that replaces its instances keeps the histories of the ones it has
        served.remove(h.id);
        h.drop();
        continue;
      }
      historic.set(kept++, h);
    }
    if (kept < historic.size()) historic.subList(kept, historic.size()).clear();
  }

  /** The slot of {@code t}: its history if it served, else a new one (kept on the target). */
  private Slot slot(TargetRuntime t) {
    Slot s = t.fluidSlot;
    if (s == null || s.dropped) {
      s = served.get(t.id);
      if (s == null) s = new Slot(t.id, empty);
      t.fluidSlot = s;
    }
    return s;
  }

  /** The model's own: per-target slots and the load balancer's arrays. */
  private final class ModelSink implements Sink {
    private final Routed routed;

    ModelSink(Routed routed) {
      this.routed = routed;
    }

    @Override
    public int routed(TargetRuntime t, double share) {
      int i = routed.index(slot(t), epoch);
      routed.route(i, share);
      return i;
    }

    @Override
    public boolean zones() {
      return true;
    }

    @Override
    public void zone(int index, TargetRuntime t, double share, long hold) {
      routed.zone(t.zone, share);
      routed.hold(index, hold);
    }

    @Override
    public void served(TargetRuntime t, double share) {
      Slot s = slot(t);
      if (s.servedEpoch == epoch) {
        s.servedNow += share;
        return;
      }
      s.servedEpoch = epoch;
      s.servedNow = share;
      servedNow.add(s);
      if (!s.historic) {
        s.historic = true;
        served.put(s.id, s); // the registry keeps one runtime per id: no other slot has the id
        historic.add(s);
        everServed = true;
      }
    }
  }

  private volatile boolean everServed;

  boolean hasServed() {
    return everServed;
  }

  double averageServed(String targetId, long from, long to) {
    Slot h = served.get(targetId);
    return h == null ? 0 : h.average(from, to);
  }

  /**
   * As {@link #averageServed(String, long, long)} for a target's runtime, without the look-up: the
   * registry keeps one runtime per id and only {@link #slot} makes slots, so a target's slot is the
   * one in {@link #served} unless it was dropped (then none is) or never served (then its history
   * is the empty one, which averages 0, as an absent one does).
   */
  double averageServed(TargetRuntime t, long from, long to) {
    Slot h = t.fluidSlot;
    return h == null || h.dropped ? 0 : h.average(from, to);
  }

  /**
   * Until when requests of offered traffic routed to the target are in flight, if the target is
   * routed traffic now (before the rates are recomputed for a change at this instant); else {@code
   * Long.MIN_VALUE}.
   */
  long inFlightUntil(String targetId, long now) {
    long until = Long.MIN_VALUE;
    for (Routed r : routedRates.values()) until = Math.max(until, r.inFlightUntil(targetId, now));
    return until;
  }

  double currentServed(String targetId) {
    Slot h = served.get(targetId);
    return h == null ? 0 : h.current();
  }

  /**
   * Splits {@code rps} of {@code template} over the snapshot: adds the load balancer's rates to
   * {@code out}, the rate each target serves to {@code served}, and the rate routed to each target,
   * answered or not, to {@code routed}.
   */
  void split(
      RoutingSnapshot s,
      Request template,
      double rps,
      Totals out,
      Map<String, Double> served,
      Map<String, Double> routed) {
    split(s, template, rps, out, new MapSink(served, routed));
  }

  /**
   * As {@link #split(RoutingSnapshot, Request, double, Totals, Map, Map)}, into {@code sink}, which
   * may also take the rate routed to each target zone and how long requests stay in flight.
   */
  private void split(RoutingSnapshot s, Request template, double rps, Totals out, Sink sink) {
    RoutingSnapshot.ListenerSnap l = s.listener(template.listenerPort());
    if (l == null || s.nodes.length == 0) return;
    double perNode = rps / s.nodes.length;
    boolean zones = sink.zones();
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
        // the scratch arrays are reused unless a behaviour asked for a split from within one
        boolean own = splitting;
        double[] w = own || scratchWeights.length < n ? new double[n] : scratchWeights;
        Response[] resp = own || scratchResponses.length < n ? new Response[n] : scratchResponses;
        if (!own) {
          scratchWeights = w;
          scratchResponses = resp;
        }
        splitting = true;
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
          int at = sink.routed(t, share);
          Response r = resp[i];
          if (zones && share > 0) {
            long hold =
                r == null
                    ? CONNECT_TIMEOUT_MILLIS
                    : r.kind() == Response.Kind.ANSWERED
                        ? Math.min(r.latency().toMillis(), s.idleTimeoutMillis)
                        : r.kind() == Response.Kind.REFUSED ? 0 : s.idleTimeoutMillis;
            sink.zone(at, t, share, hold);
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
          sink.served(t, share);
          out.targetAnswers += share;
          out.latencySeconds += share * r.latency().toNanos() / 1e9;
          out.latencies.add(r.latency().toNanos() / 1000, share);
          if (r.status() >= 500) out.target5xx += share;
        }
        splitting = own;
      }
    }
  }

  /** A split is under way (its scratch arrays are in use; stays set if a behaviour threw). */
  private boolean splitting;

  private double[] scratchWeights = new double[0];
  private Response[] scratchResponses = new Response[0];

  Instant now() {
    return kernel.clock().now();
  }
}
