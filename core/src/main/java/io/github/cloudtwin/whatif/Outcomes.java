package io.github.cloudtwin.whatif;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.LifecycleState;
import io.github.cloudtwin.autoscaling.ScalingActivity;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.Datapoint;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.cost.CostReport;
import io.github.cloudtwin.ec2.ZoneState;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.facts.CloudWatchFact;
import io.github.cloudtwin.facts.Ec2Fact;
import io.github.cloudtwin.facts.Fact;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a {@link ReplayOutcome} from a twin's facts and metrics after a replay. Stateless. */
final class Outcomes {

  private Outcomes() {}

  static ReplayOutcome of(
      String estate,
      CloudTwin twin,
      Instant from,
      Instant to,
      List<BreachTarget> targets,
      double unserved,
      CostReport cost) {
    List<TimelineEvent> events = twin.timeline().events();
    Map<String, String> zoneOf = new HashMap<>();
    Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    Map<String, List<CapacityPoint>> history = new LinkedHashMap<>();
    List<long[]> totals = new ArrayList<>(); // {epochMillis, total InService}
    int total = 0;
    Map<String, AlarmState> alarmState = new HashMap<>();
    Map<String, Long> alarmSince = new HashMap<>();
    Map<String, Duration> inAlarm = new TreeMap<>();
    List<TimelineEvent> faults = new ArrayList<>();
    long f = from.toEpochMilli();
    long t = to.toEpochMilli();
    for (TimelineEvent e : events) {
      Fact fact = e.fact();
      long at = e.time().toEpochMilli();
      if (fact instanceof Ec2Fact.InstanceLaunched l) {
        zoneOf.put(l.instanceId(), l.availabilityZone());
      } else if (fact instanceof AutoScalingFact.GroupCreated g) {
        counts.computeIfAbsent(g.groupName(), k -> new TreeMap<>());
        history.computeIfAbsent(g.groupName(), k -> new ArrayList<>());
      } else if (fact instanceof AutoScalingFact.LifecycleStateChanged lc) {
        int delta =
            (lc.to() == LifecycleState.IN_SERVICE ? 1 : 0)
                - (lc.from() == LifecycleState.IN_SERVICE ? 1 : 0);
        if (delta != 0) {
          Map<String, Integer> z = counts.computeIfAbsent(lc.groupName(), k -> new TreeMap<>());
          z.merge(zoneOf.getOrDefault(lc.instanceId(), "?"), delta, Integer::sum);
          int sum = 0;
          for (int c : z.values()) sum += c;
          List<CapacityPoint> h = history.computeIfAbsent(lc.groupName(), k -> new ArrayList<>());
          if (!h.isEmpty() && h.get(h.size() - 1).time().equals(e.time())) h.remove(h.size() - 1);
          h.add(new CapacityPoint(e.time(), lc.groupName(), z, sum));
          total += delta;
          if (!totals.isEmpty() && totals.get(totals.size() - 1)[0] == at)
            totals.get(totals.size() - 1)[1] = total;
          else totals.add(new long[] {at, total});
        }
      } else if (fact instanceof CloudWatchFact.AlarmStateChanged a) {
        String name = a.alarmName();
        Long since = alarmSince.get(name);
        if (alarmState.get(name) == AlarmState.ALARM && since != null) {
          add(inAlarm, name, overlap(since, at, f, t));
        }
        alarmState.put(name, a.to());
        alarmSince.put(name, at);
        inAlarm.putIfAbsent(name, Duration.ZERO);
      } else if (at >= f
          && at < t
          && (fact instanceof Ec2Fact.InstanceCrashed
              || fact instanceof Ec2Fact.ZoneStateChanged z && z.to() != ZoneState.AVAILABLE)) {
        faults.add(e);
      }
    }
    alarmState.forEach(
        (name, s) -> {
          Long since = alarmSince.get(name);
          if (s == AlarmState.ALARM && since != null) add(inAlarm, name, overlap(since, t, f, t));
        });

    Map<String, GroupOutcome> groups = new LinkedHashMap<>();
    for (AutoScalingGroup g : twin.autoScaling().groups()) {
      List<CapacityPoint> h = history.getOrDefault(g.name(), List.of());
      List<long[]> steps = new ArrayList<>();
      for (CapacityPoint p : h) steps.add(new long[] {p.time().toEpochMilli(), p.inService()});
      double[] pm = peakAndMean(steps, f, t);
      List<ScalingActivity> acts = new ArrayList<>();
      for (ScalingActivity a : g.activities()) {
        if (!a.startTime().isBefore(from) && a.startTime().isBefore(to)) acts.add(a);
      }
      groups.put(g.name(), new GroupOutcome(g.name(), (int) pm[0], pm[1], h, acts));
    }

    double[] all = peakAndMean(totals, f, t);

    Map<String, Duration> breached = new LinkedHashMap<>();
    for (BreachTarget b : targets) {
      long periods = 0;
      for (Datapoint d :
          twin.cloudWatch().getMetricStatistics(b.metric(), from, to, b.period(), b.statistic())) {
        if (d.value() > b.threshold()) periods++;
      }
      breached.put(b.name(), b.period().multipliedBy(periods));
    }

    List<FaultRecovery> recoveries = new ArrayList<>();
    for (TimelineEvent fault : faults) {
      long at = fault.time().toEpochMilli();
      int before = levelBefore(totals, at);
      int lowest = before;
      Long back = null;
      boolean dipped = false;
      for (long[] p : totals) {
        if (p[0] < at) continue;
        if (p[0] > t) break;
        if (p[1] < before) dipped = true;
        lowest = (int) Math.min(lowest, p[1]);
        if (dipped && p[1] >= before) {
          back = p[0];
          break;
        }
      }
      Duration ttr = !dipped ? Duration.ZERO : back == null ? null : Duration.ofMillis(back - at);
      recoveries.add(new FaultRecovery(fault.resource(), fault.time(), before, lowest, ttr));
    }
    return new ReplayOutcome(
        estate,
        twin.seed(),
        from,
        to,
        groups,
        (int) all[0],
        all[1],
        inAlarm,
        breached,
        unserved + elb5xx(twin, from, to),
        recoveries,
        cost);
  }

  /** Requests the load balancers answered themselves with a 5XX (no target to send them to). */
  private static double elb5xx(CloudTwin twin, Instant from, Instant to) {
    double sum = 0;
    for (MetricId m : twin.cloudWatch().listMetrics()) {
      if ((m.metricName().equals("HTTPCode_ELB_5XX_Count")
              || m.metricName().equals("HTTPCode_ELB_5XX"))
          && m.dimension("AvailabilityZone") == null
          && m.dimension("TargetGroup") == null) {
        sum += twin.cloudWatch().statistic(m, from, to, Statistic.SUM).orElse(0);
      }
    }
    return sum;
  }

  /**
   * The highest level and the time-weighted mean level over [f, t) of a step function {time,
   * level}.
   */
  private static double[] peakAndMean(List<long[]> steps, long f, long t) {
    int level = levelAt(steps, f);
    int peak = level;
    double area = 0;
    long prev = f;
    for (long[] p : steps) {
      if (p[0] <= f) continue;
      if (p[0] >= t) break;
      area += (double) level * (p[0] - prev);
      prev = p[0];
      level = (int) p[1];
      peak = Math.max(peak, level);
    }
    area += (double) level * (t - prev);
    return new double[] {peak, t > f ? area / (t - f) : 0};
  }

  private static int levelAt(List<long[]> totals, long at) {
    int level = 0;
    for (long[] p : totals) {
      if (p[0] > at) break;
      level = (int) p[1];
    }
    return level;
  }

  private static int levelBefore(List<long[]> totals, long at) {
    int level = 0;
    for (long[] p : totals) {
      if (p[0] >= at) break;
      level = (int) p[1];
    }
    return level;
  }

  private static Duration overlap(long since, long until, long f, long t) {
    long s = Math.max(since, f);
    long e = Math.min(until, t);
    return Duration.ofMillis(Math.max(0, e - s));
  }

  private static void add(Map<String, Duration> m, String k, Duration d) {
    m.merge(k, d, Duration::plus);
  }
}
