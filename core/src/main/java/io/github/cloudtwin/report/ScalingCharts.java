package io.github.cloudtwin.report;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.DesiredCapacityChange;
import io.github.cloudtwin.ecs.Cluster;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.TaskStatus;
import io.github.cloudtwin.elb.TargetGroup;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.facts.AutoScalingFact.LifecycleStateChanged;
import io.github.cloudtwin.facts.Ec2Fact.InstanceLaunched;
import io.github.cloudtwin.facts.EcsFact.ServiceCreated;
import io.github.cloudtwin.facts.EcsFact.ServiceDesiredCountChanged;
import io.github.cloudtwin.facts.EcsFact.TaskPlaced;
import io.github.cloudtwin.facts.EcsFact.TaskStateChanged;
import io.github.cloudtwin.facts.EcsFact.TaskStopped;
import io.github.cloudtwin.facts.EcsFact.TaskTargetRegistered;
import io.github.cloudtwin.facts.ElbFact.TargetHealthChanged;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Capacity charts replayed from the timeline (the record of every change): desired vs InService
 * instances (total and per zone) per Auto Scaling group, healthy targets per zone per target group,
 * running vs desired tasks per ECS service. Step lines: each change adds a point at its instant;
 * the last value is held to the report's end.
 */
final class ScalingCharts {

  static final ChartSource GROUPS = ScalingCharts::groups;
  static final ChartSource TARGETS = ScalingCharts::targets;
  static final ChartSource SERVICES = ScalingCharts::services;

  private ScalingCharts() {}

  /** A step line being built. */
  private static final class Step {
    final List<Point> points = new ArrayList<>();
    double value;

    void set(Duration at, double v) {
      if (!points.isEmpty() && v == value) return;
      if (!points.isEmpty()) points.add(new Point(at, value));
      points.add(new Point(at, v));
      value = v;
    }

    void add(Duration at, double delta) {
      set(at, value + delta);
    }

    Series series(String name, String css, Duration end) {
      List<Point> out = new ArrayList<>(points);
      if (out.isEmpty()) out.add(new Point(Duration.ZERO, 0));
      if (out.get(out.size() - 1).offset().compareTo(end) < 0) out.add(new Point(end, value));
      return new Series(name, css, out).withShape(Series.Shape.STEPS);
    }
  }

  private static Duration at(CloudTwin twin, TimelineEvent e) {
    return at(twin, e.time());
  }

  private static Duration at(CloudTwin twin, Instant time) {
    return Duration.between(twin.timeline().t0(), time);
  }

  private static Duration end(CloudTwin twin) {
    return Duration.between(twin.timeline().t0(), twin.now());
  }

  private static String zoneClass(String zone) {
    return zone.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "-");
  }

  /** Instance id -> zone, from EC2's launch events. */
  private static Map<String, String> instanceZones(List<TimelineEvent> events) {
    Map<String, String> zones = new HashMap<>();
    for (TimelineEvent e : events) {
      if (e.fact() instanceof InstanceLaunched l) zones.put(l.instanceId(), l.availabilityZone());
    }
    return zones;
  }

  static List<Chart> groups(CloudTwin twin) {
    List<AutoScalingGroup> groups = twin.autoScaling().groups();
    if (groups.isEmpty()) return List.of();
    List<TimelineEvent> events = twin.timeline().events();
    Map<String, String> zoneOf = instanceZones(events);
    List<Chart> out = new ArrayList<>();
    Duration end = end(twin);
    for (AutoScalingGroup g : groups) {
      Step desired = new Step();
      Step inService = new Step();
      Map<String, Step> perZone = new TreeMap<>();
      for (String z : g.spec().availabilityZones()) perZone.put(z, new Step());
      for (DesiredCapacityChange c : g.capacityHistory())
        desired.set(at(twin, c.time()), c.desiredCapacity());
      Step warmed = new Step();
      boolean hasPool = false;
      Step toUpdate = new Step();
      boolean hasRefresh = false;
      for (TimelineEvent e : events) {
        if (e.fact() instanceof AutoScalingFact.InstanceRefreshProgressed p
            && p.groupName().equals(g.name())) {
          hasRefresh = true;
          toUpdate.set(at(twin, e), p.instancesToUpdate());
        }
        if (e.fact() instanceof LifecycleStateChanged l && l.groupName().equals(g.name())) {
          int w = (ready(l.to()) ? 1 : 0) - (ready(l.from()) ? 1 : 0);
          if (w != 0) {
            hasPool = true;
            warmed.add(at(twin, e), w);
          }
          int delta = l.inServiceDelta();
          if (delta == 0) continue;
          inService.add(at(twin, e), delta);
          String zone = zoneOf.get(l.instanceId());
          if (zone != null) perZone.computeIfAbsent(zone, z -> new Step()).add(at(twin, e), delta);
        }
      }
      List<Series> series = new ArrayList<>();
      series.add(desired.series("DesiredCapacity", "desired", end));
      series.add(inService.series("InService", "in-service", end));
      if (hasPool) series.add(warmed.series("Warm pool (warmed)", "warm-pool", end));
      if (hasRefresh) {
        series.add(toUpdate.series("Instance refresh: to update", "instance-refresh", end));
      }
      series.addAll(predictiveForecasts(twin, g.name(), events, end));
      for (Map.Entry<String, Step> z : perZone.entrySet()) {
        series.add(
            z.getValue()
                .series("InService " + z.getKey(), "in-service-" + zoneClass(z.getKey()), end)
                .inZone(z.getKey()));
      }
      out.add(
          new Chart(
              "Auto Scaling group " + g.name() + ": desired vs InService",
              "Count",
              series,
              List.of()));
    }
    return out;
  }

  /**
   * One step line per predictive scaling policy of the group: each forecast hour's capacity
   * forecast from the newest forecast made for it ({@code PredictiveForecastCreated}), up to the
   * report's end.
   */
  private static List<Series> predictiveForecasts(
      CloudTwin twin, String group, List<TimelineEvent> events, Duration end) {
    Map<String, TreeMap<Instant, Integer>> byPolicy = new LinkedHashMap<>();
    for (TimelineEvent e : events) {
      if (e.fact() instanceof AutoScalingFact.PredictiveForecastCreated f
          && f.groupName().equals(group)) {
        TreeMap<Instant, Integer> hours =
            byPolicy.computeIfAbsent(f.policyName(), k -> new TreeMap<>());
        f.forecast().forEach(h -> hours.put(h.timestamp(), h.capacityForecast()));
      }
    }
    List<Series> out = new ArrayList<>();
    for (Map.Entry<String, TreeMap<Instant, Integer>> p : byPolicy.entrySet()) {
      Step forecast = new Step();
      for (Map.Entry<Instant, Integer> h : p.getValue().entrySet()) {
        Duration at = at(twin, h.getKey());
        if (at.isNegative() || at.compareTo(end) > 0) continue;
        forecast.set(at, h.getValue());
      }
      if (forecast.points.isEmpty()) continue;
      out.add(forecast.series("Predictive forecast: " + p.getKey(), "predictive-forecast", end));
    }
    return out;
  }

  /** Whether a warm pool instance in {@code s} is ready to leave the pool. */
  private static boolean ready(io.github.cloudtwin.autoscaling.LifecycleState s) {
    return s == io.github.cloudtwin.autoscaling.LifecycleState.WARMED_STOPPED
        || s == io.github.cloudtwin.autoscaling.LifecycleState.WARMED_RUNNING
        || s == io.github.cloudtwin.autoscaling.LifecycleState.WARMED_HIBERNATED;
  }

  static List<Chart> targets(CloudTwin twin) {
    List<TargetGroup> groups = twin.loadBalancing().targetGroups();
    if (groups.isEmpty()) return List.of();
    List<TimelineEvent> events = twin.timeline().events();
    Map<String, String> zoneOf = instanceZones(events);
    Map<String, String> taskZone = new HashMap<>();
    for (TimelineEvent e : events) {
      if (e.fact() instanceof TaskPlaced p) taskZone.put(p.taskId(), p.availabilityZone());
      if (e.fact() instanceof TaskTargetRegistered r
          && !zoneOf.containsKey(r.targetId())
          && taskZone.containsKey(r.taskId())) {
        zoneOf.put(r.targetId(), taskZone.get(r.taskId())); // an awsvpc task's IP
      }
    }
    List<Chart> out = new ArrayList<>();
    Duration end = end(twin);
    for (TargetGroup tg : groups) {
      Map<String, Boolean> healthy = new HashMap<>();
      Map<String, Step> perZone = new TreeMap<>();
      Step total = new Step();
      total.set(Duration.ZERO, 0);
      for (TimelineEvent e : events) {
        if (!(e.fact() instanceof TargetHealthChanged h)
            || h.classic()
            || !tg.name().equals(h.targetGroupName())) continue;
        String target = h.targetId();
        boolean now = h.healthy();
        boolean before = healthy.getOrDefault(target, false);
        healthy.put(target, now);
        String zone = zoneOf.getOrDefault(target, "unknown zone");
        Step s = perZone.computeIfAbsent(zone, z -> new Step());
        if (s.points.isEmpty()) s.set(Duration.ZERO, 0);
        if (now != before) {
          s.add(at(twin, e), now ? 1 : -1);
          total.add(at(twin, e), now ? 1 : -1);
        }
      }
      if (perZone.isEmpty()) continue;
      List<Series> series = new ArrayList<>();
      series.add(total.series("healthy", "healthy", end));
      for (Map.Entry<String, Step> z : perZone.entrySet()) {
        series.add(
            z.getValue()
                .series("healthy " + z.getKey(), "healthy-" + zoneClass(z.getKey()), end)
                .inZone(z.getKey()));
      }
      out.add(
          new Chart(
              "target group " + tg.name() + ": healthy targets per zone",
              "Count",
              series,
              List.of()));
    }
    return out;
  }

  private static void addRunning(
      Map<String, Step> running,
      Map<String, EcsService> services,
      @Nullable String service,
      Duration at,
      TaskStatus from,
      TaskStatus to) {
    if (service == null || !services.containsKey(service)) return;
    int delta = (to == TaskStatus.RUNNING ? 1 : 0) - (from == TaskStatus.RUNNING ? 1 : 0);
    if (delta != 0) running.computeIfAbsent(service, n -> new Step()).add(at, delta);
  }

  static List<Chart> services(CloudTwin twin) {
    Map<String, EcsService> services = new LinkedHashMap<>();
    for (Cluster c : twin.ecs().clusters())
      for (EcsService s : c.services()) services.putIfAbsent(s.serviceName(), s);
    if (services.isEmpty()) return List.of();
    List<TimelineEvent> events = twin.timeline().events();
    Map<String, Step> desired = new HashMap<>();
    Map<String, Step> running = new HashMap<>();
    Map<String, String> serviceOf = new HashMap<>();
    for (TimelineEvent e : events) {
      if (e.fact() instanceof ServiceCreated c && services.containsKey(c.serviceName())) {
        desired
            .computeIfAbsent(c.serviceName(), n -> new Step())
            .set(at(twin, e), c.desiredCount());
      } else if (e.fact() instanceof ServiceDesiredCountChanged c
          && services.containsKey(c.serviceName())) {
        desired.computeIfAbsent(c.serviceName(), n -> new Step()).set(at(twin, e), c.to());
      } else if (e.fact() instanceof TaskPlaced p) {
        if (p.serviceName() != null) serviceOf.put(p.taskId(), p.serviceName());
      } else if (e.fact() instanceof TaskStateChanged t) {
        addRunning(running, services, serviceOf.get(t.taskId()), at(twin, e), t.from(), t.to());
      } else if (e.fact() instanceof TaskStopped t) {
        addRunning(
            running,
            services,
            serviceOf.get(t.taskId()),
            at(twin, e),
            t.from(),
            TaskStatus.STOPPED);
      }
    }
    List<Chart> out = new ArrayList<>();
    Duration end = end(twin);
    for (String name : services.keySet()) {
      out.add(
          new Chart(
              "ECS service " + name + ": running vs desired tasks",
              "Count",
              List.of(
                  desired
                      .computeIfAbsent(name, n -> new Step())
                      .series("desiredCount", "desired", end),
                  running
                      .computeIfAbsent(name, n -> new Step())
                      .series("runningCount", "running", end)),
              List.of()));
    }
    return out;
  }
}
