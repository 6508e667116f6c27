package io.github.cloudtwin.report;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.Datapoint;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.cost.CostReport;
import io.github.cloudtwin.cost.Costs;
import io.github.cloudtwin.cost.PriceTable;
import io.github.cloudtwin.elb.LoadBalancer;
import io.github.cloudtwin.elb.LoadBalancerType;
import io.github.cloudtwin.facts.CloudWatchFact.AlarmStateChanged;
import io.github.cloudtwin.facts.Ec2Fact.InstanceCrashed;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.kernel.TimelineFormat;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What a reader wants first: the test's outcome and failure message, then the key facts read from
 * the timeline's facts and the charts: when each alarm fired, capacity peaks and troughs, the time
 * to recover after each fault, requests served and failed, and what the run cost at AWS's On-Demand
 * prices.
 *
 * @param outcome the test's outcome, or null for a report made outside a test
 * @param failure the failure message, or null
 * @param facts the key facts, in reading order (immutable)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Verdict(
    Report.@Nullable Outcome outcome, @Nullable String failure, List<KeyFact> facts) {

  /** Alarm firings listed by time before the rest are counted. */
  static final int LISTED_FIRINGS = 6;

  /**
   * Validates and copies.
   *
   * @param outcome the test's outcome, or null for a report made outside a test
   * @param failure the failure message, or null
   * @param facts the key facts, in reading order (immutable)
   */
  public Verdict {
    facts = List.copyOf(Require.notNull("facts", facts));
  }

  /**
   * One key fact: what it is about and what it says.
   *
   * @param topic {@code alarm}, {@code capacity}, {@code recovery}, {@code requests} or {@code
   *     cost}
   * @param text the sentence
   */
  public record KeyFact(String topic, String text) {
    /**
     * Validates.
     *
     * @param topic {@code alarm}, {@code capacity}, {@code recovery}, {@code requests} or {@code
     *     cost}
     * @param text the sentence
     */
    public KeyFact {
      Require.notBlank("topic", topic);
      Require.notBlank("text", text);
    }
  }

  static Verdict of(
      CloudTwin twin,
      Report.@Nullable Outcome outcome,
      @Nullable String failure,
      List<Chart> charts,
      List<ZoneOutage> outages,
      List<TimelineEvent> events) {
    List<KeyFact> facts = new ArrayList<>();
    Instant t0 = twin.timeline().t0();
    alarms(facts, events, t0);
    List<Capacity> capacities = capacities(charts);
    for (Capacity c : capacities) facts.add(new KeyFact("capacity", c.describe()));
    recoveries(facts, capacities, outages, events, t0);
    requests(facts, twin);
    cost(facts, twin);
    return new Verdict(outcome, failure, facts);
  }

  private static String at(Duration d) {
    return TimelineFormat.offset(d);
  }

  private static void alarms(List<KeyFact> facts, List<TimelineEvent> events, Instant t0) {
    Map<String, List<Duration>> fired = new LinkedHashMap<>();
    Map<String, AlarmState> last = new LinkedHashMap<>();
    for (TimelineEvent e : events) {
      if (!(e.fact() instanceof AlarmStateChanged a)) continue;
      fired.computeIfAbsent(a.alarmName(), n -> new ArrayList<>());
      last.put(a.alarmName(), a.to());
      if (a.to() == AlarmState.ALARM) fired.get(a.alarmName()).add(Duration.between(t0, e.time()));
    }
    for (Map.Entry<String, List<Duration>> f : fired.entrySet()) {
      List<Duration> times = f.getValue();
      StringBuilder sb = new StringBuilder("alarm ").append(f.getKey());
      if (times.isEmpty()) {
        sb.append(" never fired");
      } else {
        sb.append(" fired ")
            .append(times.size() == 1 ? "once" : times.size() + " times")
            .append(" at ");
        for (int i = 0; i < Math.min(LISTED_FIRINGS, times.size()); i++)
          sb.append(i == 0 ? "" : ", ").append(at(times.get(i)));
        if (times.size() > LISTED_FIRINGS)
          sb.append(" and ").append(times.size() - LISTED_FIRINGS).append(" more");
      }
      sb.append("; ").append(last.get(f.getKey())).append(" at the end");
      facts.add(new KeyFact("alarm", sb.toString()));
    }
  }

  /** A capacity the report charts: what is there (a step series) and, if known, what is wanted. */
  record Capacity(String what, Series actual, @Nullable Series wanted) {

    double value(Series s, long ms) {
      double v = Double.NaN;
      for (Point p : s.points()) {
        if (p.offset().toMillis() > ms) break;
        v = p.value();
      }
      return Double.isNaN(v) ? 0 : v;
    }

    String describe() {
      List<Point> pts = actual.points();
      Point peak = pts.get(0);
      for (Point p : pts) if (p.value() > peak.value()) peak = p;
      StringBuilder sb =
          new StringBuilder(what)
              .append(": ")
              .append(actual.name())
              .append(" peaked at ")
              .append(num(peak.value()))
              .append(" (")
              .append(at(peak.offset()))
              .append(')');
      // the trough that matters is after the capacity first came up, not the empty start
      // with a wanted value: from when it is first met; without: from the end of the first ramp up
      int settledAt = -1;
      for (int i = 0; i < pts.size() && settledAt < 0; i++) {
        Point p = pts.get(i);
        if (p.value() <= 0) continue;
        if (wanted != null) {
          if (p.value() >= value(wanted, p.offset().toMillis())) settledAt = i;
        } else {
          int j = i + 1;
          while (j < pts.size() && pts.get(j).value() == p.value()) j++;
          if (j == pts.size() || pts.get(j).value() < p.value()) settledAt = i;
        }
      }
      if (settledAt >= 0) {
        Point settled = pts.get(settledAt);
        Point trough = settled;
        for (Point p : pts.subList(settledAt, pts.size()))
          if (p.value() < trough.value()) trough = p;
        if (trough.value() < settled.value()) {
          sb.append(", fell to ")
              .append(num(trough.value()))
              .append(" (")
              .append(at(trough.offset()))
              .append(')');
        } else if (wanted != null) {
          sb.append(", never below ")
              .append(num(settled.value()))
              .append(" after reaching it at ")
              .append(at(settled.offset()));
        } else {
          sb.append(", never fell");
        }
      }
      if (wanted != null && settledAt >= 0) {
        Point worst = null;
        double gap = 0;
        for (Point p : pts.subList(settledAt, pts.size())) {
          double g = value(wanted, p.offset().toMillis()) - p.value();
          if (g > gap) {
            gap = g;
            worst = p;
          }
        }
        if (worst != null) {
          sb.append(", at most ")
              .append(num(gap))
              .append(" short of ")
              .append(wanted.name())
              .append(" (")
              .append(at(worst.offset()))
              .append(')');
        }
      }
      sb.append(", ").append(num(pts.get(pts.size() - 1).value())).append(" at the end");
      if (wanted != null)
        sb.append(" (")
            .append(wanted.name())
            .append(' ')
            .append(num(wanted.points().get(wanted.points().size() - 1).value()))
            .append(')');
      return sb.toString();
    }
  }

  private static String num(double v) {
    return Ticks.value(v, v == Math.rint(v) ? 1 : 0.1);
  }

  /**
   * The capacity series of the standard charts: InService vs desired, running vs desired, healthy
   * targets.
   */
  static List<Capacity> capacities(List<Chart> charts) {
    List<Capacity> out = new ArrayList<>();
    for (Chart c : charts) {
      Series actual = null;
      Series wanted = null;
      for (Series s : c.series()) {
        if (!s.zone().isEmpty() || s.points().isEmpty()) continue;
        switch (s.cssClass()) {
          case "in-service", "running", "healthy" -> actual = s;
          case "desired" -> wanted = s;
          default -> {}
        }
      }
      if (actual != null) {
        String title = c.title();
        int colon = title.indexOf(": ");
        out.add(new Capacity(colon > 0 ? title.substring(0, colon) : title, actual, wanted));
      }
    }
    return out;
  }

  private record Fault(String what, Duration at) {}

  private static void recoveries(
      List<KeyFact> facts,
      List<Capacity> capacities,
      List<ZoneOutage> outages,
      List<TimelineEvent> events,
      Instant t0) {
    List<Fault> faults = new ArrayList<>();
    for (ZoneOutage o : outages) faults.add(new Fault("zone " + o.zone() + " outage", o.from()));
    for (TimelineEvent e : events) {
      if (e.fact() instanceof InstanceCrashed c)
        faults.add(new Fault("crash of " + c.instanceId(), Duration.between(t0, e.time())));
    }
    faults.sort((a, b) -> a.at().compareTo(b.at()));
    if (capacities.isEmpty()) return;
    TreeSet<Long> instants = new TreeSet<>();
    long end = 0;
    for (Capacity c : capacities) {
      for (Point p : c.actual().points()) instants.add(p.offset().toMillis());
      if (c.wanted() != null)
        for (Point p : c.wanted().points()) instants.add(p.offset().toMillis());
      end =
          Math.max(
              end, c.actual().points().get(c.actual().points().size() - 1).offset().toMillis());
    }
    for (Fault f : faults) {
      long from = f.at().toMillis();
      double[] before = new double[capacities.size()];
      for (int i = 0; i < before.length; i++) {
        Capacity c = capacities.get(i);
        before[i] = c.value(c.actual(), from);
      }
      Long shortFrom = null;
      Long recovered = null;
      for (long t : instants.tailSet(from, true)) {
        boolean deficit = false;
        for (int i = 0; i < before.length; i++) {
          Capacity c = capacities.get(i);
          double target = c.wanted() != null ? c.value(c.wanted(), t) : before[i];
          if (c.value(c.actual(), t) < target) deficit = true;
        }
        if (deficit && shortFrom == null) shortFrom = t;
        if (!deficit && shortFrom != null) {
          recovered = t;
          break;
        }
      }
      StringBuilder sb = new StringBuilder(f.what()).append(" at ").append(at(f.at())).append(": ");
      if (shortFrom == null) {
        sb.append("no capacity lost");
      } else {
        sb.append("capacity short from ").append(at(Duration.ofMillis(shortFrom)));
        if (recovered == null) {
          sb.append(", not recovered by the end (").append(at(Duration.ofMillis(end))).append(')');
        } else {
          sb.append(", recovered at ")
              .append(at(Duration.ofMillis(recovered)))
              .append(", ")
              .append(words(Duration.ofMillis(recovered - from)))
              .append(" after the fault");
        }
      }
      facts.add(new KeyFact("recovery", sb.toString()));
    }
  }

  static String words(Duration d) {
    long s = d.getSeconds();
    if (s < 60) return s + " s";
    if (s < 3600) return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
    return (s / 3600) + " h" + (s % 3600 / 60 == 0 ? "" : " " + (s % 3600 / 60) + " min");
  }

  private static void requests(List<KeyFact> facts, CloudTwin twin) {
    Instant t0 = twin.timeline().t0();
    Instant end = twin.now().plus(Duration.ofMinutes(2));
    Duration period = Duration.between(t0, end);
    for (LoadBalancer lb : twin.loadBalancing().loadBalancers()) {
      LoadBalancerType type = lb.type();
      if (type == LoadBalancerType.NETWORK) continue;
      String dim = type == LoadBalancerType.CLASSIC ? "LoadBalancerName" : "LoadBalancer";
      double requests =
          sum(
              twin,
              MetricId.of(type.namespace(), "RequestCount", dim, lb.dimensionValue()),
              t0,
              end,
              period);
      if (requests == 0) continue;
      boolean classic = type == LoadBalancerType.CLASSIC;
      double elb =
          sum(
              twin,
              MetricId.of(
                  type.namespace(),
                  classic ? "HTTPCode_ELB_5XX" : "HTTPCode_ELB_5XX_Count",
                  dim,
                  lb.dimensionValue()),
              t0,
              end,
              period);
      double target =
          sum(
              twin,
              MetricId.of(
                  type.namespace(),
                  classic ? "HTTPCode_Backend_5XX" : "HTTPCode_Target_5XX_Count",
                  dim,
                  lb.dimensionValue()),
              t0,
              end,
              period);
      double failed = elb + target;
      facts.add(
          new KeyFact(
              "requests",
              String.format(
                  Locale.ROOT,
                  "load balancer %s: %,.0f requests, %,.0f served, %,.0f failed (%s: %,.0f"
                      + " 5XX from the load balancer, %,.0f from targets)",
                  lb.name(),
                  requests,
                  requests - failed,
                  failed,
                  percentOf(failed, requests),
                  elb,
                  target)));
    }
  }

  /** What the run cost at AWS's On-Demand prices: the total, per hour, per group and per policy. */
  private static void cost(List<KeyFact> facts, CloudTwin twin) {
    CostReport c;
    try {
      c = Costs.of(twin, PriceTable.awsOnDemand());
    } catch (ValidationException e) {
      facts.add(new KeyFact("cost", "cost not computed: " + e.getMessage()));
      return;
    }
    if (c.totalUsd() <= 0) return;
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "cost US$%,.2f (US$%,.2f per hour) at On-Demand prices as of %s",
                c.totalUsd(),
                c.costPerHour(),
                PriceTable.AWS_ON_DEMAND_AS_OF));
    c.byGroup()
        .forEach((g, usd) -> sb.append(String.format(Locale.ROOT, "; group %s US$%,.2f", g, usd)));
    c.byPolicy()
        .forEach(
            (p, usd) ->
                sb.append(String.format(Locale.ROOT, "; launched by policy %s US$%,.2f", p, usd)));
    facts.add(new KeyFact("cost", sb.toString()));
  }

  private static double sum(
      CloudTwin twin, MetricId metric, Instant from, Instant to, Duration period) {
    double total = 0;
    for (Datapoint d :
        twin.cloudWatch().getMetricStatistics(metric, from, to, period, Statistic.SUM))
      total += d.value();
    return total;
  }

  /**
   * {@code part} as a percentage of {@code whole} with two decimals; a share too small to show is
   * "&lt; 0.01 %", never "0.00 %", so a failure is never printed as none.
   */
  static String percentOf(double part, double whole) {
    double p = 100 * part / whole;
    if (part > 0 && p < 0.005) return "< 0.01 %";
    return String.format(Locale.ROOT, "%.2f %%", p);
  }
}
