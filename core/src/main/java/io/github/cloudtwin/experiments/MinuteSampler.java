package io.github.cloudtwin.experiments;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.ecs.Cluster;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.elb.TargetHealthState;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.facts.EcsFact;
import io.github.cloudtwin.facts.ElbFact;
import io.github.cloudtwin.facts.Fact;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome side of a run: one {@link MinuteSample} a minute, with the traffic the users saw and
 * the lowest counts of in-service instances, healthy targets and running tasks that the events
 * showed during the minute.
 */
final class MinuteSampler {

  private final CloudTwin twin;
  private final List<MinuteSample> samples = new ArrayList<>();
  private final Map<String, Integer> minInService = new TreeMap<>();
  private final Map<String, Integer> minHealthy = new TreeMap<>();
  private final Map<String, Integer> minTasks = new TreeMap<>();

  MinuteSampler(CloudTwin twin) {
    this.twin = twin;
  }

  /** Starts the first minute from the counts as they are now. */
  void begin() {
    minInService.putAll(inServiceNow());
    minHealthy.putAll(healthyNow());
    minTasks.putAll(tasksNow());
  }

  /** The samples taken so far (the live list). */
  List<MinuteSample> samples() {
    return samples;
  }

  /** Samples the minute ending at {@code now}, {@code offset} into the run. */
  void sample(Instant now, Duration offset) {
    double[] traffic = Observation.traffic(twin, now);
    Map<String, Integer> inService = lowest(minInService, inServiceNow());
    Map<String, Integer> healthy = lowest(minHealthy, healthyNow());
    Map<String, Integer> tasks = lowest(minTasks, tasksNow());
    samples.add(
        new MinuteSample(
            offset,
            traffic[0],
            traffic[1],
            traffic[2],
            Observation.responseTimes(twin, now),
            inService,
            healthy,
            tasks));
  }

  /**
   * The minute's lowest counts (what the events showed, and now), then starts the next minute from
   * now.
   */
  private static Map<String, Integer> lowest(
      Map<String, Integer> tracked, Map<String, Integer> now) {
    Map<String, Integer> out = new TreeMap<>();
    now.forEach((k, v) -> out.put(k, Math.min(v, tracked.getOrDefault(k, v))));
    tracked.clear();
    tracked.putAll(now);
    return out;
  }

  /** Keeps the minute's lowest counts as capacity changes between samples. */
  void watch(TimelineEvent e) {
    Fact f = e.fact();
    if (f instanceof AutoScalingFact.LifecycleStateChanged) {
      inServiceNow().forEach((k, v) -> minInService.merge(k, v, Math::min));
    } else if (f instanceof ElbFact.TargetHealthChanged) {
      healthyNow().forEach((k, v) -> minHealthy.merge(k, v, Math::min));
    } else if (f instanceof EcsFact.TaskStateChanged) {
      tasksNow().forEach((k, v) -> minTasks.merge(k, v, Math::min));
    }
  }

  private Map<String, Integer> inServiceNow() {
    Map<String, Integer> out = new TreeMap<>();
    for (AutoScalingGroup g : twin.autoScaling().groups()) out.put(g.name(), g.inServiceCount());
    return out;
  }

  private Map<String, Integer> healthyNow() {
    Map<String, Integer> out = new TreeMap<>();
    for (var tg : twin.loadBalancing().targetGroups()) {
      int n = 0;
      for (var h : tg.targetHealth().values()) if (h.state() == TargetHealthState.HEALTHY) n++;
      out.put(tg.name(), n);
    }
    return out;
  }

  private Map<String, Integer> tasksNow() {
    Map<String, Integer> out = new TreeMap<>();
    for (Cluster c : twin.ecs().clusters()) {
      for (EcsService s : c.services())
        out.put(c.clusterName() + "/" + s.serviceName(), s.runningCount());
    }
    return out;
  }
}
