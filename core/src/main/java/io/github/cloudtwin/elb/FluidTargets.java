package io.github.cloudtwin.elb;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The traffic model's per-target state without boxed maps on the per-minute path: one {@link Slot}
 * per target that served (its rate history and what one recomputation adds to it), and per load
 * balancer the rates {@link Routed} to its targets and zones in arrays. Every sum is taken in the
 * same order as one {@code Map.merge} per share would take it, starting from the first share (0 + x
 * is x for the non-negative shares), so the rates are the same doubles. Kernel lock only.
 */
final class FluidTargets {

  private FluidTargets() {}

  /** One target's history, and what the recomputation under way routes and serves to it. */
  static final class Slot {
    final String id;

    /** The target's rate history, shared with the targets whose histories are equal. */
    private RateHistory history;

    /** Dropped from the model (idle past the horizon): a new slot replaces it. */
    boolean dropped;

    /** In the model's histories: the target served. */
    boolean historic;

    /** The recomputation that last served the target, and what it served so far. */
    int servedEpoch = -1;

    double servedNow;

    /** The recomputation and load balancer that last routed to the target, and its index there. */
    int routedEpoch = -1;

    @Nullable Routed routedBy;
    int routedAt;

    /**
     * The load balancer whose count of requests routed to the target {@link #count} is, while that
     * load balancer's counts were cleared {@link #countClears} times.
     */
    @Nullable LbState countedBy;

    double @Nullable [] count;
    int countClears;

    Slot(String id, RateHistory empty) {
      this.id = id;
      this.history = empty;
    }

    /** Sets the rate from {@code t} on, in recomputation {@code epoch}. */
    void set(long t, double rate, int epoch) {
      history = history.with(t, rate, epoch);
    }

    double current() {
      return history.current();
    }

    double average(long from, long to) {
      return history.average(from, to);
    }

    void prune(long before) {
      history.prune(before);
    }

    boolean idleSince(long before) {
      return history.idleSince(before);
    }

    /** Drops the slot from the model: a new one replaces it. */
    void drop() {
      dropped = true;
      history.leave();
    }
  }

  /** Rates routed to targets and zones by the flows into one load balancer. */
  static final class Routed {
    private Slot[] targets;
    private double[] rates;

    /**
     * How long a request routed to the target now stays in flight (its answer's latency, or a
     * timeout); {@code Long.MIN_VALUE} when no positive share was routed to it.
     */
    private long[] holds;

    private int size;
    private String[] zones = new String[4];
    private double[] zoneRates = new double[4];
    private int zoneCount;

    /** Targets routed by this and another load balancer in the same recomputation. */
    private @Nullable Map<Slot, Integer> shared;

    /** Arrays sized for {@code targets} targets (a capacity hint). */
    Routed(int targets) {
      this.targets = new Slot[targets];
      this.rates = new double[targets];
      this.holds = new long[targets];
    }

    /** Empties the arrays for a new recomputation (a new epoch). */
    void reset() {
      Arrays.fill(targets, 0, size, null);
      size = 0;
      zoneCount = 0;
      shared = null;
      byId = null;
    }

    /** The index of {@code s} in this load balancer's arrays, added (rate 0) if new. */
    int index(Slot s, int epoch) {
      if (s.routedEpoch == epoch && s.routedBy == this) return s.routedAt;
      if (s.routedEpoch != epoch) {
        s.routedEpoch = epoch;
        s.routedBy = this;
        s.routedAt = add(s);
        return s.routedAt;
      }
      Map<Slot, Integer> m = shared;
      if (m == null) shared = m = new HashMap<>();
      Integer i = m.get(s);
      if (i == null) {
        i = add(s);
        m.put(s, i);
      }
      return i;
    }

    private int add(Slot s) {
      if (size == targets.length) {
        int n = Math.max(16, size * 2);
        targets = Arrays.copyOf(targets, n);
        rates = Arrays.copyOf(rates, n);
        holds = Arrays.copyOf(holds, n);
      }
      targets[size] = s;
      rates[size] = 0;
      holds[size] = Long.MIN_VALUE;
      return size++;
    }

    void route(int i, double share) {
      rates[i] += share;
    }

    void hold(int i, long millis) {
      holds[i] = Math.max(holds[i], millis);
    }

    void zone(String zone, double share) {
      // the zones are distinct: the one with the same reference is the one equal (the usual case)
      for (int z = 0; z < zoneCount; z++) {
        if (zones[z] == zone) {
          zoneRates[z] += share;
          return;
        }
      }
      for (int z = 0; z < zoneCount; z++) {
        if (zones[z].equals(zone)) {
          zoneRates[z] += share;
          return;
        }
      }
      if (zoneCount == zones.length) {
        zones = Arrays.copyOf(zones, zoneCount * 2);
        zoneRates = Arrays.copyOf(zoneRates, zoneCount * 2);
      }
      zones[zoneCount] = zone;
      zoneRates[zoneCount++] = share;
    }

    /** Adds {@code rate x seconds} per target and per zone into the load balancer's counts. */
    void integrate(LbState lb, double seconds) {
      for (int i = 0; i < size; i++) {
        Slot s = targets[i];
        double[] acc = s.count;
        if (acc == null || s.countedBy != lb || s.countClears != lb.fluidClears) {
          acc = accumulator(lb.fluidByTarget, s.id);
          s.count = acc;
          s.countedBy = lb;
          s.countClears = lb.fluidClears;
        }
        acc[0] += rates[i] * seconds;
      }
      for (int z = 0; z < zoneCount; z++)
        accumulate(lb.fluidByZone, zones[z], zoneRates[z], seconds);
    }

    /** Adds {@code rate x seconds} to the key's count (0 + x is x: a new key gets x). */
    private static void accumulate(
        Map<String, double[]> counts, String key, double rate, double seconds) {
      accumulator(counts, key)[0] += rate * seconds;
    }

    /** The key's one-element count, added (0) if new. */
    private static double[] accumulator(Map<String, double[]> counts, String key) {
      double[] acc = counts.get(key);
      if (acc == null) {
        acc = new double[1];
        counts.put(key, acc);
      }
      return acc;
    }

    /**
     * Until when requests routed to the target now are in flight, or {@code Long.MIN_VALUE}. Asked
     * after the recomputation that filled this object, which is never changed again.
     */
    long inFlightUntil(String targetId, long now) {
      Map<String, Integer> m = byId;
      if (m == null) {
        m = new HashMap<>(Math.max(16, size * 2));
        for (int i = 0; i < size; i++) m.put(targets[i].id, i);
        byId = m;
      }
      Integer i = m.get(targetId);
      if (i == null || !(rates[i] > 0) || holds[i] <= 0) return Long.MIN_VALUE;
      return now + holds[i];
    }

    /** The targets' indexes by id, built when first asked for. */
    private @Nullable Map<String, Integer> byId;
  }

  /** Where the model's split puts each target's shares. */
  interface Sink {
    /**
     * A share routed to the target, answered or not; returns the target's index for {@code zone}.
     */
    int routed(TargetRuntime t, double share);

    /** Whether {@code zone} is wanted. */
    boolean zones();

    /** A positive share routed to the target's zone, in flight for {@code hold} ms. */
    void zone(int index, TargetRuntime t, double share, long hold);

    /** A share the target serves. */
    void served(TargetRuntime t, double share);
  }

  /** Maps of rates by target id, for a one-off split. */
  static final class MapSink implements Sink {
    private final Map<String, Double> served;
    private final Map<String, Double> routed;

    MapSink(Map<String, Double> served, Map<String, Double> routed) {
      this.served = served;
      this.routed = routed;
    }

    @Override
    public int routed(TargetRuntime t, double share) {
      routed.merge(t.id, share, Double::sum);
      return -1;
    }

    @Override
    public boolean zones() {
      return false;
    }

    @Override
    public void zone(int index, TargetRuntime t, double share, long hold) {}

    @Override
    public void served(TargetRuntime t, double share) {
      served.merge(t.id, share, Double::sum);
    }
  }
}
