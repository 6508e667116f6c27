package io.github.cloudtwin.report;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.ecs.Cluster;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.elb.TargetGroup;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Capacity charts replayed from the timeline (the record of every change): desired vs InService
 * instances (total and per zone) per Auto Scaling group, healthy targets per zone per target
 * group, running vs desired tasks per ECS service. Step lines: each change adds a point at its
 * instant; the last value is held to the report's end.
 */
final class ScalingCharts {

  static final ChartSource GROUPS = ScalingCharts::groups;
  static final ChartSource TARGETS = ScalingCharts::targets;
  static final ChartSource SERVICES = ScalingCharts::services;

  private static final Pattern GROUP_DESIRED = Pattern.compile("desired (?:capacity \\d+ -> )?(\\d+)");
  private static final Pattern LAUNCHED = Pattern.compile("^launched \\S+ in (\\S+) ");
  private static final Pattern LIFECYCLE = Pattern.compile("^(?:(\\S+) -> )?(\\S+) in group (\\S+)$");
  private static final Pattern PLACED = Pattern.compile("^placed \\S+ on (?:\\S+|Fargate) \\(([^)]+)\\)(?: for service (\\S+))?$");
  private static final Pattern REGISTERED = Pattern.compile("^registered (\\S+):\\d+ in target group (\\S+)$");
  private static final Pattern SERVICE_DESIRED = Pattern.compile("created: \\S+, desired (\\d+)$");
  private static final Pattern TASK_STATE = Pattern.compile("^(\\S+) -> (\\S+)$");

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
      return new Series(name, css, out);
    }
  }

  private static Duration at(CloudTwin twin, TimelineEvent e) {
    return Duration.between(twin.timeline().t0(), e.time());
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
      if (!e.resource().startsWith("instance/")) continue;
      Matcher m = LAUNCHED.matcher(e.message());
      if (m.find()) zones.put(e.resourceName(), m.group(1));
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
      for (TimelineEvent e : events) {
        if (e.resource().equals("group/" + g.name())
            && (e.kind().equals("create") || e.kind().equals("update") || e.kind().equals("desired-capacity"))) {
          Matcher m = GROUP_DESIRED.matcher(e.message());
          if (m.find()) desired.set(at(twin, e), Integer.parseInt(m.group(1)));
        } else if (e.resource().startsWith("instance/") && e.kind().equals("lifecycle")) {
          Matcher m = LIFECYCLE.matcher(e.message());
          if (!m.matches() || !m.group(3).equals(g.name())) continue;
          int delta = ("InService".equals(m.group(2)) ? 1 : 0) - ("InService".equals(m.group(1)) ? 1 : 0);
          if (delta == 0) continue;
          inService.add(at(twin, e), delta);
          String zone = zoneOf.get(e.resourceName());
          if (zone != null) perZone.computeIfAbsent(zone, z -> new Step()).add(at(twin, e), delta);
        }
      }
      List<Series> series = new ArrayList<>();
      series.add(desired.series("DesiredCapacity", "desired", end));
      series.add(inService.series("InService", "in-service", end));
      for (Map.Entry<String, Step> z : perZone.entrySet()) {
        series.add(z.getValue().series("InService " + z.getKey(), "in-service-" + zoneClass(z.getKey()), end));
      }
      out.add(new Chart("Auto Scaling group " + g.name() + ": desired vs InService", "Count", series, List.of()));
    }
    return out;
  }

  static List<Chart> targets(CloudTwin twin) {
    List<TargetGroup> groups = twin.loadBalancing().targetGroups();
    if (groups.isEmpty()) return List.of();
    List<TimelineEvent> events = twin.timeline().events();
    Map<String, String> zoneOf = instanceZones(events);
    Map<String, String> taskZone = new HashMap<>();
    for (TimelineEvent e : events) {
      if (!e.resource().startsWith("task/")) continue;
      Matcher p = PLACED.matcher(e.message());
      if (p.matches()) taskZone.put(e.resourceName(), p.group(1));
      Matcher r = REGISTERED.matcher(e.message());
      if (r.matches() && !zoneOf.containsKey(r.group(1)) && taskZone.containsKey(e.resourceName())) {
        zoneOf.put(r.group(1), taskZone.get(e.resourceName())); // an awsvpc task's IP
      }
    }
    List<Chart> out = new ArrayList<>();
    Duration end = end(twin);
    for (TargetGroup tg : groups) {
      Map<String, Boolean> healthy = new HashMap<>();
      Map<String, Step> perZone = new TreeMap<>();
      for (TimelineEvent e : events) {
        if (!e.kind().equals("target-health") || !tg.name().equals(e.details().get("targetGroup"))) continue;
        String target = e.resourceName();
        boolean now = "healthy".equals(e.details().get("state"));
        boolean before = healthy.getOrDefault(target, false);
        healthy.put(target, now);
        String zone = zoneOf.getOrDefault(target, "unknown zone");
        Step s = perZone.computeIfAbsent(zone, z -> new Step());
        if (s.points.isEmpty()) s.set(Duration.ZERO, 0);
        if (now != before) s.add(at(twin, e), now ? 1 : -1);
      }
      if (perZone.isEmpty()) continue;
      List<Series> series = new ArrayList<>();
      for (Map.Entry<String, Step> z : perZone.entrySet()) {
        series.add(z.getValue().series("healthy " + z.getKey(), "healthy-" + zoneClass(z.getKey()), end));
      }
      out.add(new Chart("target group " + tg.name() + ": healthy targets per zone", "Count", series, List.of()));
    }
    return out;
  }

  static List<Chart> services(CloudTwin twin) {
    Map<String, EcsService> services = new LinkedHashMap<>();
    for (Cluster c : twin.ecs().clusters()) for (EcsService s : c.services()) services.putIfAbsent(s.serviceName(), s);
    if (services.isEmpty()) return List.of();
    List<TimelineEvent> events = twin.timeline().events();
    Map<String, Step> desired = new HashMap<>();
    Map<String, Step> running = new HashMap<>();
    Map<String, String> serviceOf = new HashMap<>();
    for (TimelineEvent e : events) {
      if (e.resource().startsWith("service/")) {
        String name = e.resourceName();
        if (!services.containsKey(name)) continue;
        Step d = desired.computeIfAbsent(name, n -> new Step());
        if (e.kind().equals("desired-count") && e.details().containsKey("desiredCount")) {
          d.set(at(twin, e), Integer.parseInt(e.details().get("desiredCount")));
        } else {
          Matcher m = SERVICE_DESIRED.matcher(e.message());
          if (m.find()) d.set(at(twin, e), Integer.parseInt(m.group(1)));
        }
      } else if (e.resource().startsWith("task/")) {
        Matcher p = PLACED.matcher(e.message());
        if (p.matches() && p.group(2) != null) serviceOf.put(e.resourceName(), p.group(2));
        String service = serviceOf.get(e.resourceName());
        if (service == null || !services.containsKey(service) || !e.kind().equals("state")) continue;
        Matcher t = TASK_STATE.matcher(e.message());
        if (!t.matches()) continue;
        int delta = ("RUNNING".equals(t.group(2)) ? 1 : 0) - ("RUNNING".equals(t.group(1)) ? 1 : 0);
        if (delta != 0) running.computeIfAbsent(service, n -> new Step()).add(at(twin, e), delta);
      }
    }
    List<Chart> out = new ArrayList<>();
    Duration end = end(twin);
    for (String name : services.keySet()) {
      out.add(new Chart("ECS service " + name + ": running vs desired tasks", "Count",
          List.of(desired.computeIfAbsent(name, n -> new Step()).series("desiredCount", "desired", end),
              running.computeIfAbsent(name, n -> new Step()).series("runningCount", "running", end)),
          List.of()));
    }
    return out;
  }
}
